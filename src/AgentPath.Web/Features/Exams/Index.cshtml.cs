using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Exams;

/// <summary>
/// Exams: an agent's open exams and past results; for trainers and managers, every exam with its
/// results and paper analysis.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, ExamEngine engine) : PageModel
{
    public sealed record MyRow(Exam Exam, Attempt? Open, int Used, AttemptResult? Last);

    public IReadOnlyList<MyRow> Mine { get; private set; } = [];
    public IReadOnlyList<ExamList.Row> All { get; private set; } = [];

    /// <summary>Sort, filters and page of the list of all exams (query string).</summary>
    public ListQuery List { get; private set; } = null!;
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public bool CanManage => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.SystemAdmin);
    public bool SeesAll { get; private set; }

    /// <summary>The exam just changed on its manage page (the confirmation on top).</summary>
    [BindProperty(SupportsGet = true)] public int? Changed { get; set; }
    public Exam? ChangedExam { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        if (AssessmentsApi.EmployeeIdOf(User) is { } me && await db.Employees.FindAsync([me], ct) is { } person)
        {
            var exams = await ExamEngine.For(db.Exams.AsNoTracking(), person).Include(e => e.Paper)
                .Where(e => e.ClosesAt > Now.AddDays(-90)).OrderByDescending(e => e.OpensAt).ToListAsync(ct);
            var ids = exams.Select(e => e.Id).ToList();
            var attempts = await db.Attempts.AsNoTracking().Where(a => a.EmployeeId == me && ids.Contains(a.ExamId)).ToListAsync(ct);
            var attemptIds = attempts.Select(a => a.Id).ToList();
            var results = (await db.AttemptResults.AsNoTracking().Where(r => attemptIds.Contains(r.AttemptId)).ToListAsync(ct))
                .GroupBy(r => r.AttemptId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
            Mine = exams.Select(e =>
            {
                var mine = attempts.Where(a => a.ExamId == e.Id).ToList();
                var last = mine.Where(a => results.ContainsKey(a.Id)).MaxBy(a => a.Id);
                return new MyRow(e, mine.FirstOrDefault(a => a.Status == AttemptStatus.Open), mine.Count, last is null ? null : results[last.Id]);
            }).ToList();
        }

        SeesAll = User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.Hr) || User.IsInRole(Roles.GeneralManager)
            || User.IsInRole(Roles.TeamLead) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.DepartmentManager) || User.IsInRole(Roles.QaInspector);
        List = ExamList.Read(Request);
        ChangedExam = Changed is { } changed ? await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == changed, ct) : null;
        if (SeesAll)
        {
            All = await ExamList.QueryAsync(db, List, Now, ct);
            Teams = await db.Teams.AsNoTracking().ToNaturalListAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostStartAsync(int examId, CancellationToken ct)
    {
        if (AssessmentsApi.EmployeeIdOf(User) is not { } me || await db.Employees.FindAsync([me], ct) is not { } person)
        {
            return NotFound();
        }

        var (attempt, _, error) = await engine.StartAsync(examId, person, ct);
        return error switch
        {
            StartError.None => LocalRedirect($"/exams/attempts/{attempt!.Id}/take"),
            StartError.NotFound => NotFound(),
            _ => RedirectToPage(),
        };
    }
}
