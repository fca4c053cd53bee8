using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Coaching.Standards;

/// <summary>
/// The training manager changes a work standard (a new version for apprenticeships starting from today) or takes it off the
/// list. Apprenticeships under way keep the version they started with; a refusal keeps what was typed and marks the field.
/// </summary>
[Authorize(Policy = Policies.StandardsManage)]
public sealed class EditModel(WorkStandardService service, IStringLocalizer<Text> text) : StandardFormModel(text)
{
    public WorkStandardTemplate Standard { get; private set; } = null!;

    [BindProperty] public string? RetireNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } t)
        {
            return NotFound();
        }

        if (!t.IsCurrent)
        {
            return LocalRedirect("/coaching/standards");
        }

        Standard = t;
        (Name, NameEn, Description) = (t.Name, t.NameEn, t.Description);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } t)
        {
            return NotFound();
        }

        Standard = t;
        try
        {
            var next = await service.ReviseAsync(id, Input(), ct);
            return LocalRedirect($"/coaching/standards?saved={next!.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            Refused(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } t)
        {
            return NotFound();
        }

        Standard = t;
        (Name, NameEn, Description) = (t.Name, t.NameEn, t.Description);
        try
        {
            await service.RetireAsync(id, new WorkStandardRetireInput(RetireNote), ct);
            return LocalRedirect($"/coaching/standards?retired={id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
            Problems[message.StartsWith("Say why", StringComparison.Ordinal) ? nameof(RetireNote) : ""] = Text[message];
            return Page();
        }
    }
}
