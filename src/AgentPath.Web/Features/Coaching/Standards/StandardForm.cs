using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Coaching.Standards;

/// <summary>What the add and change pages of a work standard share: the typed fields (kept after a refusal) and the problems by field.</summary>
public abstract class StandardFormModel(IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Problems by field: Name, Description, Note (and "" for the whole form).</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    protected IStringLocalizer<Text> Text => text;

    protected WorkStandardInput Input() => new(Name, NameEn, Description, Note);

    protected void Refused(Exception e)
    {
        var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
        var field = message switch
        {
            _ when message.StartsWith("A work standard", StringComparison.Ordinal) => nameof(Name),
            _ when message.StartsWith("The description", StringComparison.Ordinal) => nameof(Description),
            _ when message.StartsWith("Say why", StringComparison.Ordinal) => nameof(Note),
            _ => "",
        };
        Problems[field] = text[message];
    }
}
