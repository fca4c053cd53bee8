using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>
/// 计划修订 — proposes a revision of an issued plan (SPEC R7.3): the whole table as it should be
/// (change a line, tick "drop", fill a blank line for a new item) and why. The general manager
/// approves it; until then the issued version stays in force.
/// </summary>
public sealed class ReviseModel(PlanAccess access, PlanService plans, AppDbContext db, DataScopeProvider scope) : PageModel
{
    public const int BlankLines = 3;

    [BindProperty]
    public List<PlanItemInput> Lines { get; set; } = [];

    [BindProperty]
    public List<int> Drop { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public TrainingPlan Plan { get; private set; } = null!;
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];
    public bool Allowed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Hr) && !User.IsInRole(Roles.DepartmentManager))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Allowed)
        {
            return Forbid();
        }

        Lines = Plan.Items.OrderBy(i => i.Order).ThenBy(i => i.Key).Select(PlanItemInput.From).ToList();
        Lines.AddRange(Enumerable.Range(0, BlankLines).Select(_ => new PlanItemInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var kept = Lines.Select((l, i) => (l, i)).Where(x => !x.l.IsBlank && !(x.l.Key is { } k && Drop.Contains(k))).ToList();
        var r = await plans.ProposeRevisionAsync(id, Reason, kept.Select(x => (PlanItemInput?)x.l).ToList(), User, ct);
        switch (r.Outcome)
        {
            case PlanOutcome.Ok:
                return LocalRedirect($"/plans/{id}?done=proposed");
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
                    // Problems name the line among the kept ones; show them on the line of the form.
                    var key = field;
                    if (field.StartsWith("Items[", StringComparison.Ordinal))
                    {
                        var close = field.IndexOf(']', StringComparison.Ordinal);
                        var n = int.Parse(field[6..close], System.Globalization.CultureInfo.InvariantCulture);
                        key = $"Lines[{kept[n].i}]{field[(close + 1)..]}";
                    }

                    ModelState.AddModelError(key, message);
                }

                break;
        }

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
        Allowed = User.IsInRole(Roles.Hr) || await plans.ManagesAsync(User, plan, ct);
        Teams = await db.Teams.AsNoTracking().Where(t => t.DepartmentId == plan.DepartmentId).ToNaturalListAsync(ct);
        Owners = (await (await scope.PeopleAsync(ct)).AsNoTracking()
                .Where(e => e.DepartmentId == plan.DepartmentId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
                .OrderBy(e => e.TeamId.HasValue).ThenBy(e => e.TeamId).ThenBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name)).ToList();
        return true;
    }

    /// <summary>The error of a field of line <paramref name="i"/>, if any.</summary>
    public string? ErrorOf(int i, string field) =>
        ModelState.TryGetValue($"Lines[{i}].{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
