using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.QuestionBank;

/// <summary>知识点 — the knowledge-area tree of the question bank: add an area, rename it, move it under another.</summary>
public sealed class AreasModel(AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(KnowledgeArea Area, int Depth, int Questions);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Adds an area (id 0) or changes one.</summary>
    public async Task<IActionResult> OnPostAsync(int id, string? name, string? nameEn, int? parentId, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        nameEn = nameEn?.Trim() ?? "";
        if (name.Length == 0 || name.Length > KnowledgeArea.NameMax || nameEn.Length > KnowledgeArea.NameMax)
        {
            Error = text["A knowledge area needs a name of at most {0} characters.", KnowledgeArea.NameMax];
            await LoadAsync(ct);
            return Page();
        }

        var all = await db.KnowledgeAreas.ToListAsync(ct); // a small tree: loading it links every Parent for the cycle check
        var parent = parentId is { } pid ? all.FirstOrDefault(a => a.Id == pid) : null;
        if (parentId is not null && parent is null)
        {
            return NotFound();
        }

        if (all.Any(a => a.Id != id && a.ParentId == parent?.Id && string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            Error = text["There is already an area named {0} there.", name];
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            if (id == 0)
            {
                db.KnowledgeAreas.Add(new KnowledgeArea(name, nameEn, parent));
            }
            else
            {
                var area = all.FirstOrDefault(a => a.Id == id);
                if (area is null)
                {
                    return NotFound();
                }

                area.Update(name, nameEn, parent);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            Error = text[e.Message];
            await LoadAsync(ct);
            return Page();
        }

        TempData["done"] = text["Saved."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Done = TempData["done"] as string;
        var areas = await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var counts = await db.Questions.Where(q => q.IsCurrent && q.Status != QuestionStatus.Retired).GroupBy(q => q.AreaId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = new List<Row>();
        void Walk(int? parent, int depth)
        {
            foreach (var a in areas.Where(a => a.ParentId == parent))
            {
                rows.Add(new Row(a, depth, counts.GetValueOrDefault(a.Id)));
                Walk(a.Id, depth + 1);
            }
        }

        Walk(null, 0);
        Rows = rows;
    }
}
