using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Home;

/// <summary>
/// The home page by role: an agent sees their own stage and what comes next; a lead, supervisor or
/// manager the people in their scope by stage; later features add their own panels here.
/// </summary>
public sealed class IndexModel(DataScopeProvider scope, AppDbContext db, TimeProvider time) : PageModel
{
    public Employee? Me { get; private set; }
    public IReadOnlyDictionary<Stage, int> ByStage { get; private set; } = new Dictionary<Stage, int>();
    public IReadOnlyList<PersonRow> Newest { get; private set; } = [];
    public bool SeesOthers { get; private set; }

    /// <summary>Exams open now for the signed-in person that they have not finished.</summary>
    public IReadOnlyList<Exam> OpenExams { get; private set; } = [];

    /// <summary>The attempt the person has under way, by exam: 去考试 goes back into it instead of the exam list.</summary>
    public IReadOnlyDictionary<int, long> AttemptsUnderWay { get; private set; } = new Dictionary<int, long>();

    /// <summary>The signed-in agent's latest QA evaluations (submitted, not calibration).</summary>
    public IReadOnlyList<(int Id, DateTimeOffset At, decimal Total, bool Passed, bool AwaitsMe)> MyEvaluations { get; private set; } = [];

    /// <summary>Calls waiting in the signed-in inspector's QA queue (null for those without one).</summary>
    public int? QueueCount { get; private set; }
    /// <summary>Team lead and supervisor: the apprentices in scope with the 30-day warnings and today's evaluations due.</summary>
    public IReadOnlyList<Coaching.IndexModel.Row> Apprentices { get; private set; } = [];

    /// <summary>Trainer: cohorts with people still in induction, whose day-7 gate is to run.</summary>
    public IReadOnlyList<Pipeline.CohortRow> InductionCohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        var people = await scope.PeopleAsync(ct);
        if (s.SelfEmployeeId is { } me)
        {
            Me = await people.AsNoTracking().Include(e => e.Team).Include(e => e.Department).FirstOrDefaultAsync(e => e.Id == me, ct);
            if (Me is not null)
            {
                var now = time.GetUtcNow();
                var done = db.Attempts.Where(a => a.EmployeeId == me && a.Status == AttemptStatus.Submitted).Select(a => a.ExamId);
                OpenExams = await ExamEngine.For(db.Exams.AsNoTracking(), Me).Where(e => e.OpensAt <= now && e.ClosesAt > now && !done.Contains(e.Id))
                    .OrderBy(e => e.ClosesAt).ToListAsync(ct);
                var ids = OpenExams.Select(e => e.Id).ToList();
                AttemptsUnderWay = (await db.Attempts.AsNoTracking().Where(a => a.EmployeeId == me && a.Status == AttemptStatus.Open && ids.Contains(a.ExamId))
                    .Select(a => new { a.ExamId, a.Id }).ToListAsync(ct)).GroupBy(a => a.ExamId).ToDictionary(g => g.Key, g => g.Max(a => a.Id));
            }
        }

        if (s.SelfEmployeeId is { } self)
        {
            MyEvaluations = (await db.Evaluations.AsNoTracking()
                .Where(e => e.EmployeeId == self && e.CalibrationSessionId == null && e.Status != Features.Quality.EvaluationStatus.Draft)
                .OrderByDescending(e => e.SubmittedAt).Take(3)
                .Select(e => new { e.Id, e.SubmittedAt, e.Status, e.RespondBy, Latest = e.Scores.OrderByDescending(x => x.Number).Select(x => new { x.Total, x.Passed }).First() })
                .ToListAsync(ct))
                .Select(e => (e.Id, e.SubmittedAt!.Value, e.Latest.Total, e.Latest.Passed, e.Status == Features.Quality.EvaluationStatus.Submitted && e.RespondBy > time.GetUtcNow())).ToList();
        }

        if (User.IsInRole(Roles.QaInspector) && Features.Notifications.Notifier.UserIdOf(User) is { } uid)
        {
            QueueCount = await db.SamplingAssignments.CountAsync(a => a.InspectorUserId == uid && a.Status == Features.Quality.AssignmentStatus.Open, ct);
        }

        if (User.IsInRole(Roles.TeamLead) || User.IsInRole(Roles.Supervisor))
        {
            Apprentices = await Coaching.IndexModel.ApprenticesAsync(scope, db, time, ct);
        }

        if (User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Supervisor))
        {
            InductionCohorts = (await Pipeline.CohortQueries.ListAsync(db, s, people, ct)).Where(c => c.Counts.GetValueOrDefault(nameof(Stage.Induction)) > 0).ToList();
        }

        SeesOthers = s.Everyone || s.TeamIds.Count > 0 || s.DepartmentIds.Count > 0;
        if (SeesOthers)
        {
            var others = s.Everyone ? people : people.Where(e => e.Id != (s.SelfEmployeeId ?? -1));
            ByStage = (await others.GroupBy(e => e.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.Count);
            Newest = await others.AsNoTracking().Where(e => e.Stage == Stage.Induction || e.Stage == Stage.Apprenticeship)
                .OrderByDescending(e => e.HireDate).ThenBy(e => e.EmployeeNumber).Take(10)
                .Select(e => new PersonRow(e.Id, e.EmployeeNumber, e.Name, e.Stage, e.TeamId, e.Team != null ? e.Team.Name : null, e.Department.Name, e.HireDate, e.ServiceLevel))
                .ToListAsync(ct);
        }
    }

    /// <summary>The stage that follows on the path, if any.</summary>
    public static Stage? Next(Stage s) => s switch
    {
        Stage.Induction => Stage.Apprenticeship,
        Stage.Apprenticeship => Stage.Probation,
        Stage.Probation => Stage.Regular,
        _ => null,
    };
}
