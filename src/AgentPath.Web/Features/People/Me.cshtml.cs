using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.People;

/// <summary>/people/me — the signed-in person's own profile.</summary>
public sealed class MeModel(DataScopeProvider scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        (await scope.GetAsync(ct)).SelfEmployeeId is { } id ? LocalRedirect($"/people/{id}") : NotFound();
}
