using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// Wrong sign-in codes typed by one person while one session was open to them. After
/// <see cref="MaxWrong"/> the code no longer signs that person in to that session — not even the right
/// one — until the trainer (or anyone who marks the session's attendance) unlocks it on the session page.
/// A guessed code must never mark anyone present: attendance feeds training hours and gates.
/// </summary>
public sealed class SignInLock : IAudited
{
    public const int MaxWrong = 5;

    public long Id { get; private set; }
    public int SessionId { get; private set; }
    public int EmployeeId { get; private set; }
    public int Wrong { get; private set; }
    public DateTimeOffset LastWrongAt { get; private set; }
    public DateTimeOffset? UnlockedAt { get; private set; }
    public string? UnlockedBy { get; private set; }

    private SignInLock() { }

    public SignInLock(int sessionId, int employeeId, DateTimeOffset now)
    {
        SessionId = sessionId;
        EmployeeId = employeeId;
        Wrong = 1;
        LastWrongAt = now;
    }

    public bool Locked => Wrong >= MaxWrong;

    public void Unlock(DateTimeOffset now, string by)
    {
        Wrong = 0;
        UnlockedAt = now;
        UnlockedBy = by;
    }

    /// <summary>Counts one wrong code for the person in each of the sessions, atomically (parallel guesses all count).</summary>
    public static async Task CountWrongAsync(AppDbContext db, IReadOnlyCollection<int> sessionIds, int employeeId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var sessionId in sessionIds)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var updated = await db.SignInLocks.Where(l => l.SessionId == sessionId && l.EmployeeId == employeeId)
                    .ExecuteUpdateAsync(u => u.SetProperty(l => l.Wrong, l => l.Wrong + 1).SetProperty(l => l.LastWrongAt, now), ct);
                if (updated > 0)
                {
                    break;
                }

                var row = new SignInLock(sessionId, employeeId, now);
                db.SignInLocks.Add(row);
                try
                {
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateException)
                {
                    // Another wrong code of the same person created the row at the same moment: count on it.
                    db.Entry(row).State = EntityState.Detached;
                }
            }
        }
    }
}

internal sealed class SignInLockConfiguration : IEntityTypeConfiguration<SignInLock>
{
    public void Configure(EntityTypeBuilder<SignInLock> b)
    {
        b.Property(x => x.UnlockedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.SessionId, x.EmployeeId }).IsUnique();
        b.HasIndex(x => x.EmployeeId);
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Locked);
    }
}
