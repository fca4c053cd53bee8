using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Coaching.Standards;

/// <summary>工作标准模板 — the work standards new apprenticeships are coached on, and the earlier versions with who changed them, when and why.</summary>
public sealed class IndexModel(WorkStandardService service, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<WorkStandardTemplate> Current { get; private set; } = [];
    public IReadOnlyList<WorkStandardTemplate> Earlier { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Apprentices { get; private set; } = new Dictionary<int, int>();
    public bool CanChange { get; private set; }
    public string? Flash { get; private set; }

    public async Task OnGetAsync(int? saved, int? retired, CancellationToken ct)
    {
        CanChange = User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.SystemAdmin);
        var all = await service.VersionsOfAllAsync(ct);
        Current = all.Where(t => t.IsCurrent).ToList();
        Earlier = all.Where(t => !t.IsCurrent).OrderByDescending(t => t.RetiredOn).ThenByDescending(t => t.Id).ToList();
        Apprentices = await service.ApprenticeCountsAsync(ct);
        if (saved is { } s && all.FirstOrDefault(t => t.Id == s) is { } t1)
        {
            Flash = text["Saved: {0}, version {1}, for apprenticeships starting from {2}.", t1.Name, t1.Version, (t1.InForceFrom ?? service.Today).ToString("yyyy-MM-dd")];
        }
        else if (retired is { } r && all.FirstOrDefault(t => t.Id == r) is { } t2)
        {
            Flash = text["Removed: {0}. Apprenticeships under way keep it.", t2.Name];
        }
    }
}
