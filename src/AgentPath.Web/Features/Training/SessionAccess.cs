using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// Which training sessions the signed-in user may see, through the one data scope: center-wide roles
/// see all; others the sessions they teach and those whose audience (a cohort or a team) holds
/// someone in their scope. A session outside is answered as missing (404).
/// </summary>
public sealed class SessionAccess(DataScopeProvider scope, AppDbContext db)
{
    /// <summary>The events a department manager organises (R8.6): suggestion schemes, information-sharing meetings, recognition events.</summary>
    public static readonly IReadOnlyList<SessionKind> DepartmentEvents = [SessionKind.Suggestions, SessionKind.InfoSharing, SessionKind.Recognition];

    /// <summary>Trainers, HR and supervisors run every kind of session; a department manager (only) the R8.6 events.</summary>
    public static IReadOnlyList<SessionKind> KindsFor(System.Security.Claims.ClaimsPrincipal user) =>
        ManagesEveryKind(user) ? Enum.GetValues<SessionKind>()
        : user.IsInRole(Roles.DepartmentManager) ? DepartmentEvents
        : [];

    /// <summary>Trainers, HR and supervisors: every kind of session, the owners of induction days.</summary>
    public static bool ManagesEveryKind(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Supervisor);

    /// <summary>Whether the user may change, mark and print this session (the policy <see cref="Policies.SessionsManage"/> and the kind).</summary>
    public static bool CanManage(System.Security.Claims.ClaimsPrincipal user, SessionKind kind) => KindsFor(user).Contains(kind);

    /// <summary>
    /// Whether the user may mark attendance of session <paramref name="id"/>, decided before the session is looked up in
    /// their scope (403, not 404, for someone who may not mark it, whether it exists or not): who manages its kind, or its instructor.
    /// </summary>
    public async Task<bool> MayMarkAsync(System.Security.Claims.ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (ManagesEveryKind(user))
        {
            return true;
        }

        var self = await SelfAsync(ct);
        var kinds = KindsFor(user).ToList();
        return await db.TrainingSessions.AnyAsync(s => s.Id == id && (kinds.Contains(s.Kind) || (self != null && s.InstructorEmployeeId == self)), ct);
    }

    public async Task<IQueryable<TrainingSession>> VisibleAsync(CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        if (s.Everyone)
        {
            return db.TrainingSessions;
        }

        var people = await scope.PeopleAsync(ct);
        var teams = await scope.TeamsAsync(ct);
        var self = s.SelfEmployeeId ?? -1;
        return db.TrainingSessions.Where(x => x.InstructorEmployeeId == self
            || (x.CohortId != null && db.CohortMembers.Any(m => m.CohortId == x.CohortId && people.Any(p => p.Id == m.EmployeeId)))
            || (x.TeamId != null && teams.Any(t => t.Id == x.TeamId)));
    }

    public async Task<TrainingSession?> FindAsync(int id, CancellationToken ct) =>
        await (await VisibleAsync(ct)).Include(x => x.Instructor).FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>Who is meant to attend: the cohort's members or the team's people, still in training or at work (not eliminated or gone), in the user's scope.</summary>
    public async Task<List<Employee>> AudienceAsync(TrainingSession session, CancellationToken ct)
    {
        var people = (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Team)
            .Where(e => e.Stage != Stage.Eliminated && e.Stage != Stage.Left);
        if (session.CohortId is { } c)
        {
            people = people.Where(e => db.CohortMembers.Any(m => m.CohortId == c && m.EmployeeId == e.Id));
        }
        else if (session.TeamId is { } t)
        {
            people = people.Where(e => e.TeamId == t);
        }
        else
        {
            return [];
        }

        return await people.OrderBy(e => e.EmployeeNumber).ToListAsync(ct);
    }

    /// <summary>Whether the person belongs to the session's audience (whatever the user's scope).</summary>
    public async Task<bool> InAudienceAsync(TrainingSession session, int employeeId, CancellationToken ct) =>
        session.CohortId is { } c ? await db.CohortMembers.AnyAsync(m => m.CohortId == c && m.EmployeeId == employeeId, ct)
        : session.TeamId is { } t && await db.Employees.AnyAsync(e => e.Id == employeeId && e.TeamId == t, ct);

    public async Task<int?> SelfAsync(CancellationToken ct) => (await scope.GetAsync(ct)).SelfEmployeeId;

    /// <summary>The audience's name: the cohort's or the team's.</summary>
    public async Task<string> AudienceNameAsync(TrainingSession session, CancellationToken ct) =>
        session.CohortId is { } c ? await db.Cohorts.Where(x => x.Id == c).Select(x => x.Name).FirstAsync(ct)
        : session.TeamId is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Department.Name + " · " + x.Name).FirstAsync(ct)
        : "";
}

/// <summary>A session's trainee feedback summed up: how many, the mean rating, how many gave each rating, the comments (without names).</summary>
public sealed record FeedbackSummary(int Count, decimal? Average, IReadOnlyDictionary<int, int> ByRating, IReadOnlyList<string> Comments)
{
    public static FeedbackSummary Of(IReadOnlyCollection<SessionFeedback> feedback) => new(
        feedback.Count,
        feedback.Count == 0 ? null : Math.Round(feedback.Average(f => (decimal)f.Rating), 1, MidpointRounding.AwayFromZero),
        Enumerable.Range(1, 5).ToDictionary(r => r, r => feedback.Count(f => f.Rating == r)),
        feedback.Where(f => f.Comment is not null).OrderBy(f => f.At).Select(f => f.Comment!).ToList());
}
