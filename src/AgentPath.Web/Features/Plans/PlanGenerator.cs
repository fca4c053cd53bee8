using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// 编制 — turns the month's open training needs of a department into draft items (SPEC R7.2: the
/// management department turns the departments' reported needs into the monthly plan). Each need
/// becomes one item, spread over the month's working days, owned by the department's trainer; the
/// compiler then adjusts the draft before submitting it. The needs are marked as taken into the plan.
/// </summary>
public sealed class PlanGenerator(AppDbContext db, PlanAccess access, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<PlanResult> GenerateAsync(int departmentId, string month, IReadOnlyCollection<int>? needIds, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!PlanService.Compiles(user))
        {
            return new PlanResult(PlanOutcome.Forbidden);
        }

        if (!PlanMonth.TryParse(month, out var first))
        {
            return Invalid("Month", "A month is written as YYYY-MM.");
        }

        var department = await (await access.DepartmentListAsync(ct)).FirstOrDefaultAsync(d => d.Id == departmentId, ct);
        if (department is null)
        {
            return Invalid("DepartmentId", "Unknown department.");
        }

        var q = PlanNeeds.Query(db).Where(n => n.ForMonth == first && n.Status == TrainingNeedStatus.Open && (n.DepartmentId == departmentId || n.DepartmentId == null));
        if (needIds is { Count: > 0 })
        {
            q = q.Where(n => needIds.Contains(n.Id));
        }

        var needs = (await q.ToListAsync(ct)).OrderBy(n => n.Category).ThenByDescending(n => n.Headcount).ThenBy(n => n.Id).ToList();
        if (needs.Count == 0)
        {
            return Invalid("NeedIds", "There are no open training needs for this department and month.");
        }

        var m = PlanMonth.Of(first);
        var plan = await access.LoadAsync(await db.TrainingPlans.Where(p => p.DepartmentId == departmentId && p.Month == m).Select(p => p.Id).FirstOrDefaultAsync(ct), track: true, ct);
        if (plan is not null && plan.Status != PlanStatus.Draft)
        {
            return new PlanResult(PlanOutcome.Conflict, plan, text["The department's plan for this month is no longer a draft; take further needs in through a revision."]);
        }

        var owner = await DefaultOwnerAsync(db, departmentId, ct);
        if (owner is null)
        {
            return Invalid("OwnerEmployeeId", "The owner must be someone of the plan's department.");
        }

        if (plan is null)
        {
            plan = new TrainingPlan(department, m, PlanActor.Name(user), time.GetUtcNow());
            db.TrainingPlans.Add(plan);
        }

        await AddFromNeedsAsync(db, plan, needs, owner, ct);
        await db.SaveChangesAsync(ct);
        return new PlanResult(PlanOutcome.Ok, plan);
    }

    /// <summary>
    /// Adds one draft item per need (business first, largest first), on evenly spread working days,
    /// owned by <paramref name="owner"/>, and marks the needs as taken into the plan. The caller saves.
    /// </summary>
    public static async Task AddFromNeedsAsync(AppDbContext db, TrainingPlan plan, IReadOnlyList<NeedRow> needs, Employee owner, CancellationToken ct)
    {
        var first = PlanMonth.First(plan.Month);
        var days = WorkingDays(first);
        var teams = await db.Teams.Where(t => t.DepartmentId == plan.DepartmentId).ToDictionaryAsync(t => t.Id, ct);
        var areas = await db.KnowledgeAreas.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        for (var i = 0; i < needs.Count; i++)
        {
            var n = needs[i];
            var team = n.TeamId is { } t ? teams.GetValueOrDefault(t) : null;
            var size = await PlanService.AudienceSizeAsync(db, plan.DepartmentId, team?.Id, n.Stage, ct);
            var business = n.Category == PlanCategory.Business;
            var area = n.KnowledgeAreaId ?? (n.SkillArea is { } s ? areas.GetValueOrDefault(SkillAreas.KnowledgeAreaName(s)) : null);
            var spec = new PlanItemSpec(null, n.Title, team?.Id, n.Stage, Spread(days, i, needs.Count), new TimeOnly(business ? 14 : 16, 0),
                Math.Clamp(n.Headcount, 1, Math.Max(1, size)), MethodFor(n), business ? 2m : 1.5m, owner.Id, n.Category, area == 0 ? null : area, [n.Id]);
            plan.AddItem(spec, team, owner, Math.Max(1, size));
        }

        var ids = needs.Select(n => n.Id).ToList();
        foreach (var need in await db.TrainingNeeds.Where(n => ids.Contains(n.Id) && n.Status == TrainingNeedStatus.Open).ToListAsync(ct))
        {
            need.MarkPlanned();
        }
    }

    /// <summary>The department's trainer, else its supervisor, else its manager: who usually owns the month's training.</summary>
    public static async Task<Employee?> DefaultOwnerAsync(AppDbContext db, int departmentId, CancellationToken ct)
    {
        foreach (var post in new[] { "TRAINER", "SUPERVISOR", "MANAGER" })
        {
            var e = await db.Employees.Where(x => x.DepartmentId == departmentId && x.Stage != Stage.Eliminated && x.Stage != Stage.Left && x.Posts.Any(p => p.Code == post))
                .OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (e is not null)
            {
                return e;
            }
        }

        return await db.Employees.Where(x => x.DepartmentId == departmentId && x.TeamId == null && x.Stage == Stage.Regular).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Monday to Friday of the month.</summary>
    public static List<DateOnly> WorkingDays(DateOnly first) =>
        Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(first.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();

    /// <summary>The i-th of n items on evenly spread working days, so the month's training does not pile up.</summary>
    public static DateOnly Spread(IReadOnlyList<DateOnly> days, int i, int n) => days[Math.Min(days.Count - 1, (int)((i + 0.5) * days.Count / n))];

    private static TrainingMethod MethodFor(NeedRow n) => n.Source switch
    {
        NeedSources.Quality => TrainingMethod.RolePlay,
        _ when n.Category == PlanCategory.GeneralSkills => TrainingMethod.Workshop,
        _ => TrainingMethod.Lecture,
    };

    private PlanResult Invalid(string field, string message) =>
        new(PlanOutcome.Invalid, Problems: new Dictionary<string, string> { [field] = text[message] });
}
