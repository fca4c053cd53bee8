using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>培训计划 — the monthly plans in the viewer's scope, by month; HR and trainers start a new draft here.</summary>
public sealed class IndexModel(PlanAccess access, PlanService plans, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(int Id, string Month, string Department, PlanStatus Status, int Version, int Items, decimal Hours, PlanMix Mix, bool PendingRevision);

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public string NextMonth { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool CanCompile { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(int departmentId, string? newMonth, CancellationToken ct)
    {
        var r = await plans.CreateAsync(departmentId, newMonth ?? "", [], User, ct);
        switch (r.Outcome)
        {
            case PlanOutcome.Ok:
                TempData.Confirm(text["Plan created as a draft for {0}.", r.Plan!.Month]);
                return LocalRedirect($"/plans/{r.Plan!.Id}");
            case PlanOutcome.Forbidden:
                return Forbid();
        }

        Error = r.Error ?? string.Join(" ", r.Problems!.Values);
        Month = newMonth;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = PlanMonth.Today(time);
        Month ??= Request.Query.ContainsKey("month") ? null : PlanMonth.Of(today);
        NextMonth = PlanMonth.Of(today.AddMonths(1));
        CanCompile = PlanService.Compiles(User);
        Departments = await (await access.DepartmentListAsync(ct)).AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var q = (await access.PlansAsync(ct)).AsNoTracking();
        if (!string.IsNullOrEmpty(Month) && PlanMonth.TryParse(Month, out var first))
        {
            var m = PlanMonth.Of(first);
            q = q.Where(p => p.Month == m);
        }

        var list = await q.Include(p => p.Department).Include(p => p.Items).Include(p => p.Revisions).AsSplitQuery()
            .OrderByDescending(p => p.Month).ThenBy(p => p.DepartmentId).Take(200).ToListAsync(ct);
        Rows = list.Select(p => new Row(p.Id, p.Month, p.Department.Name, p.Status, p.Version, p.Items.Count, p.Items.Sum(i => i.Hours),
            PlanMix.Of(p.Items.Select(i => (i.Category, i.Hours, i.Headcount))), p.HasPendingRevision)).ToList();
    }
}
