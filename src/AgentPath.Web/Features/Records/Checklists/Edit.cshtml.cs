using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Records.Checklists;

/// <summary>
/// The training manager or a supervisor changes an item of a post's checklist (a new version; the confirmations given keep
/// the old text) or takes it off. A refusal keeps what was typed and marks the field.
/// </summary>
[Authorize(Policy = Policies.ChecklistsManage)]
public sealed class EditModel(ChecklistService service, IStringLocalizer<Text> text) : ItemFormModel(text)
{
    public PostChecklistItem Item { get; private set; } = null!;

    [BindProperty] public string? RetireNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } item)
        {
            return NotFound();
        }

        if (!item.IsCurrent)
        {
            return LocalRedirect("/records/checklists");
        }

        Item = item;
        (ItemText, ItemTextEn) = (item.Text, item.TextEn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        try
        {
            var next = await service.ReviseAsync(id, new ChecklistItemInput(null, ItemText, ItemTextEn, Note), ct);
            return LocalRedirect($"/records/checklists?saved={next!.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            Refused(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        (ItemText, ItemTextEn) = (item.Text, item.TextEn);
        try
        {
            await service.RetireAsync(id, new ChecklistRetireInput(RetireNote), ct);
            return LocalRedirect($"/records/checklists?retired={id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
            Problems[message.StartsWith("Say why", StringComparison.Ordinal) ? nameof(RetireNote) : ""] = Texts[message];
            return Page();
        }
    }
}
