using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Org;

/// <summary>The org tree (site → department → team) and team leads, kept by HR and system admins.</summary>
public sealed class IndexModel(AppDbContext db, OrgTree org, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<OrgApi.SiteDto> Tree { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label, int DepartmentId)> Candidates { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddSiteAsync(string name, CancellationToken ct) =>
        await Done(await org.AddSiteAsync(name, ct) is not null, ct);

    public async Task<IActionResult> OnPostRenameSiteAsync(int id, string name, CancellationToken ct) =>
        await Done(await org.RenameSiteAsync(id, name, ct), ct);

    public async Task<IActionResult> OnPostAddDepartmentAsync(int siteId, string name, CancellationToken ct) =>
        await Done(await org.AddDepartmentAsync(siteId, name, ct) is not null, ct);

    public async Task<IActionResult> OnPostRenameDepartmentAsync(int id, string name, CancellationToken ct) =>
        await Done(await org.RenameDepartmentAsync(id, name, ct), ct);

    public async Task<IActionResult> OnPostAddTeamAsync(int departmentId, string name, int? leadEmployeeId, CancellationToken ct) =>
        await Done(await org.AddTeamAsync(departmentId, name, leadEmployeeId, ct) is not null, ct);

    public async Task<IActionResult> OnPostUpdateTeamAsync(int id, string name, int? leadEmployeeId, CancellationToken ct) =>
        await Done(await org.UpdateTeamAsync(id, name, leadEmployeeId, ct), ct);

    private async Task<IActionResult> Done(bool? ok, CancellationToken ct)
    {
        if (ok is null)
        {
            return NotFound();
        }

        if (ok.Value)
        {
            return RedirectToPage();
        }

        Error = text[org.Error ?? "Invalid value."];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tree = await OrgTree.LoadAsync(db, ct);

        // Leads are chosen among regular staff of the department.
        var candidates = await db.Employees.AsNoTracking().Where(e => e.Stage == Stage.Regular)
            .OrderBy(e => e.EmployeeNumber).Select(e => new { e.Id, e.EmployeeNumber, e.Name, e.DepartmentId }).ToListAsync(ct);
        Candidates = candidates.Select(c => (c.Id, $"{c.EmployeeNumber} {c.Name}", c.DepartmentId)).ToList();
    }
}
