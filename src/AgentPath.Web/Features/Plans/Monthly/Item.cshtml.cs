using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>
/// 培训项目 — adds or changes one item of a draft plan: every column of the seed's table, the needs
/// it answers and the knowledge area whose exam scores show its effect. HR and trainers only.
/// </summary>
public sealed class ItemModel(PlanAccess access, PlanService plans, PlanNeeds needs, AppDbContext db, DataScopeProvider scope) : PageModel
{
    public sealed record TeamOption(int Id, string Name, int Size);

    public sealed record Person(int Id, string Name, string? Team, string Post);

    [BindProperty]
    public PlanItemInput Input { get; set; } = new();

    public TrainingPlan Plan { get; private set; } = null!;
    public int? ItemId { get; private set; }
    public int DepartmentSize { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public IReadOnlyList<Person> Owners { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];
    public IReadOnlyList<string> Dimensions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken ct)
    {
        if (!PlanService.Compiles(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (itemId is { } iid)
        {
            var item = Plan.Items.FirstOrDefault(i => i.Id == iid);
            if (item is null)
            {
                return NotFound();
            }

            ItemId = iid;
            Input = PlanItemInput.From(item);
        }
        else
        {
            var first = PlanMonth.First(Plan.Month);
            Input = new PlanItemInput { Date = first.AddDays(7), StartTime = new TimeOnly(14, 0), Hours = 2, Method = TrainingMethod.Lecture, Category = PlanCategory.Business };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? itemId, CancellationToken ct)
    {
        ModelState.Clear();
        var r = await plans.SaveItemAsync(id, itemId, Input, User, ct);
        switch (r.Outcome)
        {
            case PlanOutcome.Ok:
                return LocalRedirect($"/plans/{id}?done=saved");
            case PlanOutcome.NotFound:
                return NotFound();
            case PlanOutcome.Forbidden:
                return Forbid();
            case PlanOutcome.Conflict:
                ModelState.AddModelError("", r.Error!);
                break;
            default:
                foreach (var (field, message) in r.Problems!)
                {
                    ModelState.AddModelError($"Input.{field}", message);
                }

                break;
        }

        ItemId = itemId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await access.LoadAsync(id, track: false, ct);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        var d = plan.DepartmentId;
        DepartmentSize = await plans.AudienceSizeAsync(d, null, null, ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.DepartmentId == d).ToNaturalListAsync(ct);
        var sizes = await db.Employees.Where(e => e.DepartmentId == d && e.TeamId != null && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
            .GroupBy(e => e.TeamId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Teams = teams.Select(t => new TeamOption(t.Id, t.Name, sizes.GetValueOrDefault(t.Id))).ToList();
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        Owners = (await (await scope.PeopleAsync(ct)).AsNoTracking().Where(e => e.DepartmentId == d && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
                .Select(e => new { e.Id, e.Name, Team = e.Team != null ? e.Team.Name : null, Post = e.Posts.Select(p => zh ? p.Name : p.NameEn).FirstOrDefault(), Lead = db.Teams.Any(t => t.LeadEmployeeId == e.Id) })
                .ToListAsync(ct))
            .OrderBy(e => e.Team is null ? 0 : e.Lead ? 1 : 2).ThenBy(e => e.Team).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new Person(e.Id, e.Name, e.Team, e.Post ?? "")).ToList();
        Areas = (await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(a => (a.Id, a.DisplayName(zh))).ToList();
        Needs = await needs.ForAsync(plan.Month, d, ct);
        Dimensions = await db.Set<Quality.ScorecardSection>().AsNoTracking().Select(x => x.Name).Distinct().OrderBy(x => x).ToListAsync(ct);
        return true;
    }
}
