using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Coaching.Standards;

/// <summary>The training manager adds a work standard for apprenticeships starting from today; a refusal keeps what was typed and marks the field.</summary>
[Authorize(Policy = Policies.StandardsManage)]
public sealed class NewModel(WorkStandardService service, IStringLocalizer<Text> text) : StandardFormModel(text)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var t = await service.AddAsync(Input(), ct);
            return LocalRedirect($"/coaching/standards?saved={t.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            Refused(e);
            return Page();
        }
    }
}
