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

    /// <summary>
    /// Takes one try of the person's sign-in to the session before the code is compared, atomically: a
    /// conditional UPDATE (<c>Wrong = Wrong + 1 WHERE Wrong &lt; MaxWrong</c>) or the first row. False when
    /// the person has no try left — then the code must not be compared at all, so parallel guesses
    /// cannot get more than <see cref="MaxWrong"/> codes looked at between two unlocks. A try whose code
    /// turns out right is given back with <see cref="GiveBackAsync"/>; a wrong one stays counted.
    /// </summary>
    public static async Task<bool> TakeTryAsync(AppDbContext db, int sessionId, int employeeId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var taken = await db.SignInLocks.Where(l => l.SessionId == sessionId && l.EmployeeId == employeeId && l.Wrong < MaxWrong)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Wrong, l => l.Wrong + 1).SetProperty(l => l.LastWrongAt, now), ct);
            if (taken > 0)
            {
                return true;
            }

            var wrong = await db.SignInLocks.Where(l => l.SessionId == sessionId && l.EmployeeId == employeeId).Select(l => (int?)l.Wrong).FirstOrDefaultAsync(ct);
            if (wrong >= MaxWrong)
            {
                return false; // no try left: locked
            }

            if (wrong is not null)
            {
                continue; // created (or unlocked) between the two statements: take the try on it
            }

            var row = new SignInLock(sessionId, employeeId, now);
            db.SignInLocks.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(row).State = EntityState.Detached;
                return true;
            }
            catch (DbUpdateException)
            {
                // Another try of the same person created the row at the same moment: take the try on it.
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return false;
    }

    /// <summary>Gives back a try taken by <see cref="TakeTryAsync"/> whose code was right (a right code is not a guess).</summary>
    public static Task GiveBackAsync(AppDbContext db, int sessionId, int employeeId, CancellationToken ct) =>
        db.SignInLocks.Where(l => l.SessionId == sessionId && l.EmployeeId == employeeId && l.Wrong > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Wrong, l => l.Wrong - 1), ct);
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
