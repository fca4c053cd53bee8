using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Points;

/// <summary>The history of one points tier: every version, who made it, when and why, and when it was replaced or removed.</summary>
[Authorize(Policy = Policies.PointsRules)]
public sealed class TierModel(PointsRuleService service) : PageModel
{
    public PointsRule Rule { get; private set; } = null!;
    public IReadOnlyList<PointsRule> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Versions = await service.VersionsAsync(id, ct);
        if (Versions.FirstOrDefault(v => v.Id == id) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        return Page();
    }
}
