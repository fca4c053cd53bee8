using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

/// <summary>What each demo login should see, computed straight from the data with the rules of SPEC "People" — independently of DataScope.</summary>
public static class DemoPeople
{
    public static readonly string[] Logins = ["admin", "gm", "manager", "hr", "trainer", "supervisor", "qa", "lead", "agent"];

    public static async Task<HashSet<int>> ExpectedScopeAsync(AppFactory f, string login) => await f.QueryAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == login);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        var all = await db.Employees.Select(e => new { e.Id, e.TeamId, e.DepartmentId }).ToListAsync();
        if (roles.Any(r => r is Roles.Trainer or Roles.QaInspector or Roles.Hr or Roles.GeneralManager or Roles.SystemAdmin))
        {
            return all.Select(e => e.Id).ToHashSet();
        }

        var me = all.Single(e => e.Id == user.EmployeeId);
        var set = new HashSet<int> { me.Id };
        if (roles.Contains(Roles.TeamLead))
        {
            var led = await db.Teams.Where(t => t.LeadEmployeeId == me.Id).Select(t => t.Id).ToListAsync();
            set.UnionWith(all.Where(e => e.TeamId is { } t && led.Contains(t)).Select(e => e.Id));
        }

        if (roles.Any(r => r is Roles.Supervisor or Roles.DepartmentManager))
        {
            set.UnionWith(all.Where(e => e.DepartmentId == me.DepartmentId).Select(e => e.Id));
        }

        return set;
    });

    public static Task<List<int>> AllIdsAsync(AppFactory f) => f.QueryAsync(db => db.Employees.Select(e => e.Id).ToListAsync());

    public static Task<int> EmployeeIdOfAsync(AppFactory f, string login) =>
        f.QueryAsync(async db => (await db.Users.SingleAsync(u => u.UserName == login)).EmployeeId ?? 0);
}
