using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.QuestionBank;

/// <summary>题库 — the question bank by knowledge area, with search, status, and export in each format.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AreaId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionType? Type { get; set; }

    public IReadOnlyList<(KnowledgeArea Area, int Count)> Areas { get; private set; } = [];
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var areas = await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var counts = await db.Questions.Where(q => q.IsCurrent && q.Status != QuestionStatus.Retired).GroupBy(q => q.AreaId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Areas = areas.Select(a => (a, counts.GetValueOrDefault(a.Id))).ToList();
        var q = db.Questions.AsNoTracking().Include(x => x.Area).Where(x => x.IsCurrent);
        if (AreaId is { } area)
        {
            q = q.Where(x => x.AreaId == area);
        }

        if (Type is { } type)
        {
            q = q.Where(x => x.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            q = q.Where(x => x.Text.Contains(Q) || x.Name.Contains(Q) || x.Tags.Contains(Q));
        }

        Total = await q.CountAsync(ct);
        Questions = await q.OrderBy(x => x.AreaId).ThenBy(x => x.Id).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        var (bytes, type, name) = await QuestionBankApi.ExportAsync(db, format, AreaId, ct);
        return File(bytes, type, name);
    }
}
