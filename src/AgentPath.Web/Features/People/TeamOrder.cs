using AgentPath.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>
/// Teams in their natural order wherever they are listed or grouped: by department, then by name as a
/// person reads it (一组, 二组, 三组, … 十组, 十一组 — <see cref="NaturalOrder"/>), then by id.
/// </summary>
public static class TeamOrder
{
    public static List<Team> InNaturalOrder(this IEnumerable<Team> teams) =>
        teams.OrderBy(t => t.DepartmentId).ThenBy(t => t.Name, NaturalOrder.Instance).ThenBy(t => t.Id).ToList();

    /// <summary>Loads the teams of a query in their natural order (teams are few: sorted in memory).</summary>
    public static async Task<List<Team>> ToNaturalListAsync(this IQueryable<Team> teams, CancellationToken ct = default) =>
        (await teams.ToListAsync(ct)).InNaturalOrder();

    /// <summary>Names in natural order (for grouping rows by team name).</summary>
    public static IOrderedEnumerable<T> ByTeamName<T>(this IEnumerable<T> rows, Func<T, string?> name) =>
        rows.OrderBy(name, NaturalOrder.Instance);

    /// <summary>Team ids of the whole center in natural order, for sorting a query by team inside the SQL (<see cref="SortMap{T}.AddRanked"/>).</summary>
    public static async Task<List<int?>> RankedIdsAsync(IQueryable<Team> teams, CancellationToken ct = default) =>
        (await teams.AsNoTracking().ToNaturalListAsync(ct)).Select(t => (int?)t.Id).ToList();
}
