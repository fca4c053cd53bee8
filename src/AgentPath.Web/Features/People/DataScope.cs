using System.Security.Claims;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>
/// Whose records the signed-in user may see — the one place that decides it (ARCHITECTURE "Data scope").
/// Agent → self; team lead → the teams they lead; supervisor and department manager → their
/// department; trainer, QA, HR, general manager and system admin → everyone. Several roles add up.
/// A record outside the scope is answered as missing (404).
/// </summary>
public sealed class DataScope
{
    public static readonly DataScope Nobody = new(false, null, [], []);

    public bool Everyone { get; }
    public int? SelfEmployeeId { get; }
    public IReadOnlyList<int> TeamIds { get; }
    public IReadOnlyList<int> DepartmentIds { get; }

    private DataScope(bool everyone, int? self, IReadOnlyList<int> teams, IReadOnlyList<int> departments)
    {
        Everyone = everyone;
        SelfEmployeeId = self;
        TeamIds = teams;
        DepartmentIds = departments;
    }

    /// <summary>The scope given by a set of roles and the person's place in the org tree.</summary>
    public static DataScope For(IEnumerable<string> roles, int? employeeId, int? ownDepartmentId, IEnumerable<int> ledTeamIds)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        if (set.Overlaps(Roles.CenterWide))
        {
            return new DataScope(true, employeeId, [], []);
        }

        var teams = set.Contains(Roles.TeamLead) ? ledTeamIds.Distinct().ToArray() : [];
        var departments = set.Overlaps(Roles.DepartmentWide) && ownDepartmentId is { } d ? new[] { d } : [];
        return new DataScope(false, employeeId, teams, departments);
    }

    public bool Includes(Employee e) =>
        Everyone || e.Id == SelfEmployeeId
        || (e.TeamId is { } t && TeamIds.Contains(t))
        || DepartmentIds.Contains(e.DepartmentId);

    /// <summary>Filters a query of people to this scope, inside the SQL.</summary>
    public IQueryable<Employee> Apply(IQueryable<Employee> people)
    {
        if (Everyone)
        {
            return people;
        }

        var self = SelfEmployeeId ?? -1;
        var teams = TeamIds.ToArray();
        var departments = DepartmentIds.ToArray();
        return people.Where(e => e.Id == self
            || (e.TeamId != null && teams.Contains(e.TeamId.Value))
            || departments.Contains(e.DepartmentId));
    }

    /// <summary>Teams whose members the user may see (for filters and pickers).</summary>
    public IQueryable<Team> ApplyToTeams(IQueryable<Team> teams, int? ownTeamId)
    {
        if (Everyone)
        {
            return teams;
        }

        var ids = TeamIds.ToArray();
        var departments = DepartmentIds.ToArray();
        var own = ownTeamId ?? -1;
        return teams.Where(t => ids.Contains(t.Id) || departments.Contains(t.DepartmentId) || t.Id == own);
    }
}

/// <summary>Builds the <see cref="DataScope"/> of the current request once, from the user's roles and org position.</summary>
public sealed class DataScopeProvider(IHttpContextAccessor http, AppDbContext db)
{
    public const string EmployeeIdClaim = "agentpath:employee";

    private DataScope? _scope;
    private int? _ownTeamId;

    public async Task<DataScope> GetAsync(CancellationToken ct = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return _scope = DataScope.Nobody;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        int? employeeId = int.TryParse(user.FindFirstValue(EmployeeIdClaim), out var e) ? e : null;
        int? department = null;
        var led = new List<int>();
        if (employeeId is { } id)
        {
            var me = await db.Employees.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.DepartmentId, x.TeamId }).FirstOrDefaultAsync(ct);
            department = me?.DepartmentId;
            _ownTeamId = me?.TeamId;
            if (roles.Contains(Roles.TeamLead))
            {
                led = await db.Teams.AsNoTracking().Where(t => t.LeadEmployeeId == id).Select(t => t.Id).ToListAsync(ct);
            }
        }

        return _scope = DataScope.For(roles, employeeId, department, led);
    }

    public async Task<IQueryable<Employee>> PeopleAsync(CancellationToken ct = default) => (await GetAsync(ct)).Apply(db.Employees);

    public async Task<IQueryable<Team>> TeamsAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).ApplyToTeams(db.Teams, _ownTeamId);

    /// <summary>The person with this id if the user may see them; null (→ 404) otherwise.</summary>
    public async Task<Employee?> FindPersonAsync(int id, CancellationToken ct = default) =>
        await (await PeopleAsync(ct)).FirstOrDefaultAsync(e => e.Id == id, ct);
}
