using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>
/// What the add and change pages of a points tier share: the typed fields (kept as typed after a refusal), the
/// problems by field, and reading numbers as a person types them (a comma or a full-width comma as the decimal mark).
/// </summary>
public abstract class RuleFormModel(IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? MinPercent { get; set; }
    [BindProperty] public string? MaxPercent { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Problems by field: Kind, MinPercent, MaxPercent, Points, Note (and "" for the whole form).</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    protected IStringLocalizer<Text> Text => text;

    protected decimal? Read(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            Problems[field] = text["Enter a number."];
            return null;
        }

        if (decimal.TryParse(raw.Trim().Replace('，', '.').Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Problems[field] = text["Enter a number."];
        return null;
    }

    /// <summary>The input as typed, or null with the problems marked.</summary>
    protected PointsRuleInput? Input()
    {
        var min = Read(nameof(MinPercent), MinPercent);
        var max = Read(nameof(MaxPercent), MaxPercent);
        var points = Read(nameof(Points), Points);
        return Problems.Count > 0 ? null : new PointsRuleInput(Kind, min, max, points, Note);
    }

    /// <summary>Marks the field a refusal belongs to.</summary>
    protected void Refused(Exception e)
    {
        var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
        var field = message switch
        {
            _ when message.StartsWith("Choose the kind", StringComparison.Ordinal) => nameof(Kind),
            _ when message.StartsWith("A tier runs", StringComparison.Ordinal) => nameof(MaxPercent),
            _ when message.StartsWith("The tier overlaps", StringComparison.Ordinal) => nameof(MinPercent),
            _ when message.StartsWith("A tier gives", StringComparison.Ordinal) => nameof(Points),
            _ when message.StartsWith("Say why", StringComparison.Ordinal) => nameof(Note),
            _ => "",
        };
        Problems[field] = text[message];
    }
}
