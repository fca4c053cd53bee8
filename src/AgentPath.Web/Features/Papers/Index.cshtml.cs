using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Papers;

/// <summary>试卷 — every paper: fixed questions or draw rules, points, time, pass mark, and how many exams use it.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, PaperMode Mode, int Questions, int Rules, decimal Points, int DurationMinutes, decimal PassPercent, int Exams);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Few papers: totals are summed here (SQLite cannot sum decimals).
        var papers = await db.Papers.AsNoTracking().Include(p => p.Items).Include(p => p.DrawRules).AsSplitQuery()
            .OrderByDescending(p => p.Id).ToListAsync(ct);
        var exams = await db.Exams.GroupBy(e => e.PaperId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = papers.Select(p => new Row(p.Id, p.Title, p.Mode,
            p.Mode == PaperMode.Fixed ? p.Items.Count : p.DrawRules.Sum(r => r.Count), p.DrawRules.Count,
            p.MaxPoints, p.DurationMinutes, p.PassPercent, exams.GetValueOrDefault(p.Id))).ToList();
    }
}
