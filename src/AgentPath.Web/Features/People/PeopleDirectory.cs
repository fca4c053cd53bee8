using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>Filters of the people directory, shared by the page and GET /api/v1/people.</summary>
public sealed record PeopleFilter(string? Q, Stage? Stage, int? TeamId, string? Role, int Page = 1, int PageSize = 25,
    string? Sort = null, bool Desc = false, DateOnly? HiredFrom = null, DateOnly? HiredTo = null)
{
    /// <summary>The directory's sort keys (the first is the default): 工号, name, stage (in path order), team (natural order), hire date.</summary>
    public static readonly string[] Sorts = ["number", "name", "stage", "team", "hired"];

    public const int MaxPageSize = 200;
    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record PersonRow(int Id, string EmployeeNumber, string Name, Stage Stage, int? TeamId, string? TeamName, string DepartmentName, DateOnly HireDate, int? ServiceLevel);

/// <summary>The directory query: scope first (inside the SQL), then filters, then one page.</summary>
public static class PeopleDirectory
{
    public static async Task<(IReadOnlyList<PersonRow> Items, int Total)> SearchAsync(
        IQueryable<Employee> scoped, AppDbContext db, PeopleFilter f, CancellationToken ct = default)
    {
        var q = scoped.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var number = Employee.NormalizeNumber(term);
            q = q.Where(e => e.Name.Contains(term) || e.EmployeeNumber.Contains(number));
        }

        if (f.Stage is { } stage)
        {
            q = q.Where(e => e.Stage == stage);
        }

        if (f.TeamId is { } team)
        {
            q = q.Where(e => e.TeamId == team);
        }

        if (!string.IsNullOrEmpty(f.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == f.Role).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct) ?? -1;
            q = q.Where(e => db.Users.Any(u => u.EmployeeId == e.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)));
        }

        if (f.HiredFrom is { } from)
        {
            q = q.Where(e => e.HireDate >= from);
        }

        if (f.HiredTo is { } to)
        {
            q = q.Where(e => e.HireDate <= to);
        }

        var sorts = new SortMap<Employee>()
            .Add("number", e => e.EmployeeNumber)
            .Add("name", e => e.Name)
            .AddRanked("stage", e => e.Stage, Stages.All)
            .AddRanked("team", e => e.TeamId, f.Sort == "team" ? await TeamOrder.RankedIdsAsync(db.Teams, ct) : [])
            .Add("hired", e => e.HireDate);
        var total = await q.CountAsync(ct);
        var items = await sorts.Apply(q, f.Sort ?? "number", f.Desc, e => e.Id)
            .Skip((f.SafePage - 1) * f.SafePageSize).Take(f.SafePageSize)
            .Select(e => new PersonRow(e.Id, e.EmployeeNumber, e.Name, e.Stage, e.TeamId, e.Team != null ? e.Team.Name : null,
                e.Department.Name, e.HireDate, e.ServiceLevel))
            .ToListAsync(ct);
        return (items, total);
    }
}
