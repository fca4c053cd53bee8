using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>Two versions of a plan side by side: the items added, removed and changed, column by column.</summary>
public sealed class CompareModel(PlanAccess access, AppDbContext db) : PageModel
{
    public TrainingPlan Plan { get; private set; } = null!;
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<ItemChange> Changes { get; private set; } = [];
    public PlanFormat.Context Format { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var plan = await access.LoadAsync(id, track: false, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Format = await PlansApi.ContextAsync(plan, db, ct);
        To = to ?? plan.Versions.Select(v => v.Number).DefaultIfEmpty(0).Max();
        From = from ?? Math.Max(1, To - 1);
        var a = plan.Versions.FirstOrDefault(v => v.Number == From);
        var b = plan.Versions.FirstOrDefault(v => v.Number == To);
        if (a is not null && b is not null)
        {
            Changes = PlanComparison.Compare(a.Items(), b.Items());
        }

        return Page();
    }
}
