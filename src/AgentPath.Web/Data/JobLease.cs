using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Data;

/// <summary>
/// A lease on a background job, so that of several web nodes on one database only one runs it at
/// a time. A node holds the lease until <see cref="ExpiresAt"/> and renews it while it runs.
/// </summary>
public sealed class JobLease
{
    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    private JobLease() { }

    public JobLease(string name, string holder, DateTimeOffset expiresAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false when another node holds it.</summary>
    public static async Task<bool> TryAcquireAsync(AppDbContext db, string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken ct)
    {
        var until = now + ttl;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLease(name, holder, until));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone inserted it at the same moment — perhaps this very holder on another thread.
            db.ChangeTracker.Clear();
            return await db.JobLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct) == 1;
        }
    }
}
