using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>
/// The points tiers per exam kind (SPEC R5.3: bonus points for top scores, deductions for poor ones).
/// A change applies to attempts graded afterwards; entries already booked stay as they are.
/// </summary>
public sealed class RulesModel(AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<PointsRule> Rules { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rules = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(ExamKind kind, decimal minPercent, decimal maxPercent, decimal points, CancellationToken ct)
    {
        var rules = await LoadAsync(ct);
        if (minPercent < 0 || maxPercent > 100 || minPercent >= maxPercent || points == 0 || Math.Abs(points) > 100)
        {
            Error = text["A tier runs from a lower to a higher percentage between 0 and 100, and gives points other than 0."];
        }
        else if (rules.Any(r => r.Kind == kind && minPercent < r.MaxPercent && r.MinPercent < maxPercent))
        {
            Error = text["The tier overlaps another tier of the same exam kind."];
        }

        if (Error is not null)
        {
            Rules = rules;
            return Page();
        }

        db.PointsRules.Add(new PointsRule(kind, minPercent, maxPercent, points));
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var rule = await db.PointsRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        db.PointsRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private Task<List<PointsRule>> LoadAsync(CancellationToken ct) =>
        db.PointsRules.AsNoTracking().OrderBy(r => r.Kind).ThenByDescending(r => r.MinPercent).ToListAsync(ct);
}
