using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Scorecards;

/// <summary>评分表 — the scorecards and their versions; a new card, or a new draft version of one.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Cards = await db.Scorecards.AsNoTracking().Include(c => c.Versions).OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<IActionResult> OnPostNewAsync(string? name, ScorecardPurpose purpose, CancellationToken ct)
    {
        try
        {
            var card = new Scorecard(name ?? "", purpose);
            card.NewDraft();
            db.Scorecards.Add(card);
            await db.SaveChangesAsync(ct);
            TempData.Confirm(text["Scorecard created: {0}. Add its sections and items, then publish it.", card.Name]);
            return Redirect($"/quality/scorecards/{card.Id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct)
    {
        var card = await db.Scorecards.Include(c => c.Versions).ThenInclude(v => v.Sections).ThenInclude(s => s.Items).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null)
        {
            return NotFound();
        }

        if (!card.Versions.Any(v => v.Status == VersionStatus.Draft))
        {
            card.NewDraft();
            await db.SaveChangesAsync(ct);
            TempData.Confirm(text["A new draft version was made; it is used once published."]);
        }

        return Redirect($"/quality/scorecards/{id}");
    }
}
