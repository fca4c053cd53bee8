using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Induction;

/// <summary>培训方案 — the induction program: a version's days (topics, owning role, goal, evidence) and every version, newest first.</summary>
public sealed class ProgramsModel(AppDbContext db) : PageModel
{
    public sealed record VersionRow(int Id, string Name, int Version, bool IsCurrent, DateTimeOffset CreatedAt, string CreatedBy, int Days, int Cohorts);

    public ProgramTemplate? Shown { get; private set; }
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Hr);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Versions = await db.ProgramTemplates.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.Version).ThenByDescending(p => p.Id)
            .Select(p => new VersionRow(p.Id, p.Name, p.Version, p.IsCurrent, p.CreatedAt, p.CreatedBy, p.Days.Count, db.Cohorts.Count(c => c.ProgramTemplateId == p.Id)))
            .ToListAsync(ct);
        var shownId = id ?? Versions.FirstOrDefault()?.Id;
        Shown = shownId is null ? null : await db.ProgramTemplates.AsNoTracking().Include(p => p.Days).FirstOrDefaultAsync(p => p.Id == shownId, ct);
        if (id is not null && Shown is null)
        {
            return NotFound();
        }

        return Page();
    }
}
