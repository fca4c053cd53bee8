using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Training.Sessions;

/// <summary>培训场次 — the sessions the user may see: upcoming first, then the recent past; managers create new ones here.</summary>
public sealed class IndexModel(SessionAccess access, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(TrainingSession Session, string Audience, int Attended);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    /// <summary>Whether the user may set up sessions: every kind, or a department manager's R8.6 events.</summary>
    public bool CanManage => SessionAccess.KindsFor(User).Count > 0;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var now = Now;
        var visible = (await access.VisibleAsync(ct)).AsNoTracking();
        var upcoming = await visible.Where(s => s.EndsAt >= now).OrderBy(s => s.StartsAt).Take(50).Include(s => s.Instructor).ToListAsync(ct);
        var past = await visible.Where(s => s.EndsAt < now).OrderByDescending(s => s.StartsAt).Take(50).Include(s => s.Instructor).ToListAsync(ct);
        var ids = upcoming.Concat(past).Select(s => s.Id).ToList();
        var attended = await db.Attendances.Where(a => ids.Contains(a.SessionId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .GroupBy(a => a.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var cohortIds = upcoming.Concat(past).Where(s => s.CohortId != null).Select(s => s.CohortId!.Value).Distinct().ToList();
        var teamIds = upcoming.Concat(past).Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).Distinct().ToList();
        var cohorts = await db.Cohorts.Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        Row ToRow(TrainingSession s) => new(s, s.CohortId is { } c ? cohorts[c] : s.TeamId is { } t ? teams[t] : "—", attended.GetValueOrDefault(s.Id));
        Upcoming = upcoming.Select(ToRow).ToList();
        Past = past.Select(ToRow).ToList();
    }
}
