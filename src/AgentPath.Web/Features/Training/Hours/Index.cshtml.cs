using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Training.Hours;

/// <summary>在岗培训课时 — the department view: each probationer in scope with business and general-skills hours since probation began, the 70/30 figure and a flag when off by more than 10 points.</summary>
public sealed class IndexModel(DataScopeProvider scope, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(Employee Person, HoursMix Mix);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public int? DepartmentId { get; private set; }

    public async Task OnGetAsync(int? departmentId, CancellationToken ct)
    {
        DepartmentId = departmentId;
        var today = ApprenticeshipLimit.Today(time);
        var people = (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Team).Include(e => e.Department).Where(e => e.Stage == Stage.Probation);
        Departments = await people.Select(e => e.Department).Distinct().OrderBy(d => d.Id).ToListAsync(ct);
        if (departmentId is { } d)
        {
            people = people.Where(e => e.DepartmentId == d);
        }

        var list = await people.OrderBy(e => e.DepartmentId).ThenBy(e => e.TeamId).ThenBy(e => e.EmployeeNumber).Take(500).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var p in list)
        {
            rows.Add(new Row(p, HoursLedger.Mix(await HoursLedger.LinesAsync(db, p.Id, p.StageStart, today, ct))));
        }

        Rows = rows;
    }
}
