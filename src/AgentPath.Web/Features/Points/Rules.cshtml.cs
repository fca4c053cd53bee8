using System.Globalization;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>
/// The points tiers per exam kind in force (SPEC R5.3: bonus points for top scores, deductions for poor ones), each
/// with its version; adding, changing and removing a tier are their own pages (a new version each time).
/// </summary>
[Authorize(Policy = Policies.PointsRules)]
public sealed class RulesModel(PointsRuleService service, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<PointsRule> Rules { get; private set; } = [];
    public string? Flash { get; private set; }

    public static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>How a tier is named on links and in confirmations: "业务考试 90–95%".</summary>
    public static string Label(IStringLocalizer l, PointsRule r) => $"{l["Kind." + r.Kind]} {Num(r.MinPercent)}–{Num(r.MaxPercent)}%";

    public async Task OnGetAsync(int? saved, int? retired, CancellationToken ct)
    {
        Rules = await service.CurrentAsync(ct);
        if (saved is { } s && await service.FindAsync(s, ct) is { } rule)
        {
            Flash = text["Saved: {0}, {1} points, as version {2}.", Label(text, rule), rule.Points.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture), rule.Version];
        }
        else if (retired is { } r && await service.FindAsync(r, ct) is { } gone)
        {
            Flash = text["Removed: {0}. Its versions stay in the history.", Label(text, gone)];
        }
    }
}
