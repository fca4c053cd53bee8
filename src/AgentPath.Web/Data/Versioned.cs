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
