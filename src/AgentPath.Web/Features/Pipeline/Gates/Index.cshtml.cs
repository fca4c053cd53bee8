using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Pipeline.Gates;

/// <summary>The gates (R1.3): the current rules of each stage's gate and every earlier version, with how many results each decided.</summary>
[Authorize(Policy = Policies.ResultsRead)]
public sealed class IndexModel(GateDefinitionService service, IAuthorizationService authorization) : PageModel
{
    public sealed record Entry(GateDefinition Current, IReadOnlyList<GateDefinition> Versions, IReadOnlyDictionary<int, int> Results);

    public IReadOnlyList<Entry> Gates { get; private set; } = [];
    public bool CanChange { get; private set; }

    /// <summary>The version just saved, to confirm it.</summary>
    public int? Saved { get; private set; }

    public async Task OnGetAsync(int? saved, CancellationToken ct)
    {
        Saved = saved;
        CanChange = (await authorization.AuthorizeAsync(User, Policies.GatesManage)).Succeeded;
        var list = new List<Entry>();
        foreach (var g in await service.CurrentAsync(ct))
        {
            list.Add(new Entry(g, await service.VersionsAsync(g.Stage, ct), await service.ResultCountsAsync(g.Stage, ct)));
        }

        Gates = list;
    }
}
