using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Records.Checklists;

/// <summary>What the add and change pages of a checklist item share: the typed fields (kept after a refusal) and the problems by field.</summary>
public abstract class ItemFormModel(IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? ItemText { get; set; }
    [BindProperty] public string? ItemTextEn { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Problems by field: ItemText, Note (and "" for the whole form).</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    protected IStringLocalizer<Text> Texts => text;

    protected void Refused(Exception e)
    {
        var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
        var field = message switch
        {
            _ when message.StartsWith("A checklist item", StringComparison.Ordinal) => nameof(ItemText),
            _ when message.StartsWith("Say why", StringComparison.Ordinal) => nameof(Note),
            _ => "",
        };
        Problems[field] = text[message];
    }
}
