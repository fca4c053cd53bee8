using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.People;

/// <summary>找人 — the header search's answer: one match opens the person, several are listed (in the user's scope, at most 20).</summary>
public sealed class FindModel(DataScopeProvider scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<PersonHit> Hits { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Refusal = PeopleSearch.Refusal(Q);
        if (Refusal is not null)
        {
            return Page();
        }

        Hits = await PeopleSearch.FindAsync(await scope.PeopleAsync(ct), Q!, PeopleSearch.MaxResults, ct);
        return Hits.Count == 1 ? LocalRedirect($"/people/{Hits[0].Id}") : Page();
    }
}
