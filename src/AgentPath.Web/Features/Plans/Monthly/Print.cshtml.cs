using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>The plan as a printable A4 page in the seed's table form, with the signature lines; the same rows as the .xlsx export.</summary>
public sealed class PrintModel(PlanAccess access, AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public PlanExport.Sheet Sheet { get; private set; } = null!;
    public int PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await access.LoadAsync(id, track: false, ct);
        if (plan is null)
        {
            return NotFound();
        }

        PlanId = id;
        Sheet = PlanExport.Build(plan, (await PlansApi.ContextAsync(plan, db, ct)).Needs, text);
        return Page();
    }
}
