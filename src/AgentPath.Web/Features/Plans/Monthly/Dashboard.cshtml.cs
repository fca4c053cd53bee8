using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>
/// The plan dashboard: this month's items and their progress per department, hours delivered against
/// planned, the 70/30 business/general split (planned, and delivered in attended person-hours), and
/// the attendance rate of the sessions held.
/// </summary>
public sealed class DashboardModel(PlanAccess access, PlanDelivery delivery, TimeProvider time) : PageModel
{
    public sealed record Department(
        int DepartmentId, string Name, TrainingPlan? Plan, IReadOnlyList<PlanItem> Items, decimal PlannedHours, decimal DeliveredHours,
        PlanMix Planned, PlanMix Delivered, decimal? AttendanceRate, IReadOnlyDictionary<int, PlanDelivery.ItemDelivery> Deliveries);

    public string Month { get; private set; } = "";
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        Month = PlanMonth.TryParse(month, out var first) ? PlanMonth.Of(first) : PlanMonth.Of(PlanMonth.Today(time));
        var departments = await (await access.DepartmentListAsync(ct)).AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var plans = await (await access.PlansAsync(ct)).AsNoTracking().Where(p => p.Month == Month)
            .Include(p => p.Items).ThenInclude(i => i.Team).Include(p => p.Items).ThenInclude(i => i.Owner).Include(p => p.Revisions)
            .AsSplitQuery().ToListAsync(ct);
        var rows = new List<Department>();
        foreach (var d in departments)
        {
            var plan = plans.FirstOrDefault(p => p.DepartmentId == d.Id);
            var items = plan?.Items.OrderBy(i => i.Date).ThenBy(i => i.StartTime).ToList() ?? [];
            var deliveries = await delivery.DeliveriesAsync(items, ct);
            rows.Add(new Department(d.Id, d.Name, plan, items, items.Sum(i => i.Hours), deliveries.Values.Sum(x => x.HoursDelivered),
                PlanMix.Of(items.Select(i => (i.Category, i.Hours, i.Headcount))),
                new PlanMix(deliveries.Values.Sum(x => x.BusinessPersonHours), deliveries.Values.Sum(x => x.GeneralPersonHours)),
                PlanDelivery.AttendanceRate(deliveries.Values), deliveries));
        }

        Departments = rows;
    }
}
