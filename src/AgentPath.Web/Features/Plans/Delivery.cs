using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>A training session (培训场次, Training) held for a plan item: the item is delivered through its sessions and their sign-in sheets.</summary>
public sealed class PlanItemSession : IAudited
{
    public int PlanItemId { get; private set; }
    public int SessionId { get; private set; }
    public TrainingSession Session { get; private set; } = null!;

    private PlanItemSession() { }

    public PlanItemSession(int planItemId, TrainingSession session)
    {
        PlanItemId = planItemId;
        Session = session;
        SessionId = session.Id;
    }
}

/// <summary>
/// Delivery of plan items: a session per item (kind business or general skills, so its attended
/// hours count in the 70/30 ledger of Training), and the figures of the plan dashboard.
/// </summary>
public sealed class PlanDelivery(AppDbContext db, PlanAccess access, TimeProvider time, IStringLocalizer<Text> text)
{
    public const int PlaceMax = TrainingSession.PlaceMax;

    /// <summary>Schedules a session for an item of an approved or issued plan, at the item's time, for the item's team, with the owner as instructor unless another is named.</summary>
    public async Task<(TrainingSession? Session, string? Error)> ScheduleAsync(int planId, int itemId, string? place, int? instructorEmployeeId, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await access.LoadAsync(planId, track: true, ct);
        var item = plan?.Items.FirstOrDefault(i => i.Id == itemId);
        if (plan is null || item is null)
        {
            return (null, null);
        }

        if (plan.Status is not (PlanStatus.Approved or PlanStatus.Issued))
        {
            return (null, text["Sessions are scheduled once the plan is approved."]);
        }

        var start = CenterClock.FromCenter(item.Date.ToDateTime(item.StartTime ?? new TimeOnly(14, 0)));
        var instructor = instructorEmployeeId ?? item.OwnerEmployeeId;
        if (!await db.Employees.AnyAsync(e => e.Id == instructor, ct))
        {
            return (null, text["Unknown employee."]);
        }

        try
        {
            var sessions = await SessionsForAsync(db, item.Title, item.Category == PlanCategory.Business ? SessionKind.Business : SessionKind.GeneralSkills,
                start, start.AddMinutes((double)(item.Hours * 60)), string.IsNullOrWhiteSpace(place) ? text["Training room"].Value : place, instructor,
                plan.DepartmentId, item.TeamId, text["Plan item of {0} {1}", plan.Department.Name, plan.Month].Value, ct);
            db.PlanItemSessions.AddRange(sessions.Select(s => new PlanItemSession(item.Id, s)));
            if (item.Progress == ItemProgress.NotStarted)
            {
                plan.SetProgress(item, ItemProgress.Preparing);
            }

            await db.SaveChangesAsync(ct);
            return (sessions[0], null);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return (null, text[e.Message]);
        }
    }

    /// <summary>
    /// The sessions of one training: one for the team, or (a whole-department training) one per team of
    /// the department, so each team has its own sign-in sheet and code. Added to the context, not saved.
    /// </summary>
    public static async Task<List<TrainingSession>> SessionsForAsync(AppDbContext db, string title, SessionKind kind, DateTimeOffset start, DateTimeOffset end, string place,
        int instructorId, int departmentId, int? teamId, string goal, CancellationToken ct)
    {
        var teams = teamId is { } t ? await db.Teams.Where(x => x.Id == t).ToListAsync(ct) : await db.Teams.Where(x => x.DepartmentId == departmentId).OrderBy(x => x.Id).ToListAsync(ct);
        if (teams.Count == 0)
        {
            throw new DomainException("The department has no team to train.");
        }

        var sessions = teams.Select(team => new TrainingSession(teams.Count == 1 ? title : $"{title} · {team.Name}", kind, start, end, place, null, instructorId,
            Roles.Trainer, null, team.Id, goal: goal)).ToList();
        db.TrainingSessions.AddRange(sessions);
        return sessions;
    }

    /// <summary>What one plan item has delivered: its sessions that have ended, their hours and how many of the planned headcount attended.</summary>
    public sealed record ItemDelivery(int ItemId, int Sessions, decimal HoursDelivered, int Attended, int Invited, decimal BusinessPersonHours, decimal GeneralPersonHours);

    public async Task<Dictionary<int, ItemDelivery>> DeliveriesAsync(IReadOnlyCollection<PlanItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var now = time.GetUtcNow();
        var links = await db.PlanItemSessions.AsNoTracking().Where(l => ids.Contains(l.PlanItemId))
            .Select(l => new { l.PlanItemId, l.SessionId, l.Session.StartsAt, l.Session.EndsAt, l.Session.TeamId }).ToListAsync(ct);
        var sizes = await db.Employees.Where(e => e.TeamId != null && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
            .GroupBy(e => new { Team = e.TeamId!.Value, e.Stage }).Select(g => new { g.Key.Team, g.Key.Stage, N = g.Count() }).ToListAsync(ct);
        var sessionIds = links.Select(l => l.SessionId).ToList();
        var attended = await db.Attendances.AsNoTracking()
            .Where(a => sessionIds.Contains(a.SessionId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .GroupBy(a => a.SessionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var result = new Dictionary<int, ItemDelivery>();
        foreach (var item in items)
        {
            var held = links.Where(l => l.PlanItemId == item.Id && l.EndsAt <= now).ToList();
            decimal hours;
            int present, invited;
            if (held.Count > 0)
            {
                // Per person: a whole-department item runs once per team, so the hours delivered are the most any one team got.
                hours = held.GroupBy(l => l.TeamId).Max(g => g.Sum(l => Math.Round((decimal)(l.EndsAt - l.StartsAt).TotalHours, 1)));
                present = held.Sum(l => attended.GetValueOrDefault(l.SessionId));
                // Invited: the planned headcount, shared over the teams' sessions in proportion to their size.
                var teamSizes = held.Select(l => sizes.Where(x => x.Team == l.TeamId && (item.Stage == null || x.Stage == item.Stage)).Sum(x => x.N)).ToList();
                var all = teamSizes.Sum();
                invited = all == 0 ? 0 : Math.Min(item.Headcount, all);
            }
            else
            {
                // Delivered without a registered session (e.g. recorded on paper): the planned hours count, attendance is unknown.
                hours = item.Progress == ItemProgress.Delivered ? item.Hours : 0;
                present = 0;
                invited = 0;
            }

            var personHours = held.Sum(l => attended.GetValueOrDefault(l.SessionId) * Math.Round((decimal)(l.EndsAt - l.StartsAt).TotalHours, 1));
            result[item.Id] = new ItemDelivery(item.Id, held.Count, hours, present, invited,
                item.Category == PlanCategory.Business ? personHours : 0, item.Category == PlanCategory.GeneralSkills ? personHours : 0);
        }

        return result;
    }

    /// <summary>Attended ÷ invited (the planned headcount of each held session), in percent with one decimal; null when nothing was held.</summary>
    public static decimal? AttendanceRate(IEnumerable<ItemDelivery> deliveries)
    {
        var list = deliveries.ToList();
        var invited = list.Sum(d => d.Invited);
        return invited == 0 ? null : Math.Round(Math.Min(100m, list.Sum(d => d.Attended) * 100m / invited), 1, MidpointRounding.AwayFromZero);
    }
}

internal sealed class PlanItemSessionConfiguration : IEntityTypeConfiguration<PlanItemSession>
{
    public void Configure(EntityTypeBuilder<PlanItemSession> b)
    {
        b.HasKey(x => new { x.PlanItemId, x.SessionId });
        b.HasIndex(x => x.SessionId);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
