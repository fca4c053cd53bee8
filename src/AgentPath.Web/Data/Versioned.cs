namespace AgentPath.Web.Data;

/// <summary>
/// An aggregate whose state moves by decisions (a person's path, a plan, a revision, a grade…).
/// <see cref="RowVersion"/> is an optimistic-concurrency token: <see cref="AppDbContext"/> marks it as
/// such for every implementing entity and bumps it on every save that modifies the row, so of two
/// requests that loaded the same state and both decide, the second's UPDATE matches no row, nothing of
/// it is written, and the edge answers 409 (<see cref="DbErrors"/>). One decision, one record.
/// </summary>
public interface IVersioned
{
    int RowVersion { get; }
}

/// <summary>The versions of one versioned rule (a points tier, a work standard, a checklist item): each names the one it replaced.</summary>
public static class VersionChain
{
    /// <summary>Every version of the rule <paramref name="id"/> belongs to, newest first; empty when there is no such row.</summary>
    public static List<T> Of<T>(IReadOnlyCollection<T> rows, int id, Func<T, int> key, Func<T, int?> previous)
    {
        var byId = rows.ToDictionary(key);
        if (!byId.TryGetValue(id, out var first))
        {
            return [];
        }

        var next = rows.Where(r => previous(r) is not null).GroupBy(r => previous(r)!.Value).ToDictionary(g => g.Key, g => g.First());
        while (previous(first) is { } p && byId.TryGetValue(p, out var prev))
        {
            first = prev;
        }

        var chain = new List<T> { first };
        while (next.TryGetValue(key(chain[^1]), out var n))
        {
            chain.Add(n);
        }

        chain.Reverse();
        return chain;
    }
}
