using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Pipeline.Gates;

/// <summary>One version of a gate, current or retired: the rules the results that name it were decided under.</summary>
[Authorize(Policy = Policies.ResultsRead)]
public sealed class DetailsModel(GateDefinitionService service, IAuthorizationService authorization) : PageModel
{
    public GateDefinition Gate { get; private set; } = null!;
    public GateDefinition? Current { get; private set; }
    public int Results { get; private set; }
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } gate)
        {
            return NotFound();
        }

        Gate = gate;
        var versions = await service.VersionsAsync(gate.Stage, ct);
        Current = versions.FirstOrDefault(v => v.IsCurrent);
        Results = (await service.ResultCountsAsync(gate.Stage, ct)).GetValueOrDefault(id);
        CanChange = gate.IsCurrent && (await authorization.AuthorizeAsync(User, Policies.GatesManage)).Succeeded;
        return Page();
    }
}
