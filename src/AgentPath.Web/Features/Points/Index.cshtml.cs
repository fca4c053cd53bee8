using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>
/// 绩效加扣分 — the monthly points ledger of everyone in the viewer's scope (an agent: their own),
/// each entry linked to its source. Append-only: HR and trainers correct an entry by adding one that names it.
/// </summary>
public sealed class IndexModel(AppDbContext db, DataScopeProvider scope, TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(PointsEntry Entry, string Number, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Number, string Name, decimal Total)> Totals { get; private set; } = [];
    public bool CanCorrect { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCorrectAsync(long entryId, decimal points, string? reason, CancellationToken ct)
    {
        if (!CanCorrectNow())
        {
            return Forbid();
        }

        var people = await scope.PeopleAsync(ct);
        var entry = await db.PointsEntries.FirstOrDefaultAsync(p => p.Id == entryId && people.Any(e => e.Id == p.EmployeeId), ct);
        if (entry is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || points == 0 || Math.Abs(points) > 100)
        {
            Error = text["A correction needs points (not 0) and a reason."];
            Month = entry.Month;
            await LoadAsync(ct);
            return Page();
        }

        db.PointsEntries.Add(new PointsEntry(entry.EmployeeId, entry.Month, points, "Correction", entry.SourceId, reason.Trim(), time.GetUtcNow(), actor.UserName, entry.Id));
        await db.SaveChangesAsync(ct);
        TempData.Confirm(text["Correction recorded: {0} points.", points.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)]);
        return RedirectToPage(new { month = entry.Month });
    }

    private bool CanCorrectNow() => User.IsInRole(Roles.Hr) || User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.SystemAdmin);

    private async Task LoadAsync(CancellationToken ct)
    {
        Month ??= CenterClock.ToCenter(time.GetUtcNow()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        CanCorrect = CanCorrectNow();
        var people = await scope.PeopleAsync(ct);
        var rows = await (from p in db.PointsEntries.AsNoTracking()
                          join e in people on p.EmployeeId equals e.Id
                          where p.Month == Month
                          orderby e.EmployeeNumber, p.Id
                          select new { p, e.EmployeeNumber, e.Name }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.p, r.EmployeeNumber, r.Name)).ToList();
        Totals = Rows.GroupBy(r => (r.Number, r.Name)).Select(g => (g.Key.Number, g.Key.Name, g.Sum(r => r.Entry.Points))).OrderByDescending(t => t.Item3).ToList();
    }
}
