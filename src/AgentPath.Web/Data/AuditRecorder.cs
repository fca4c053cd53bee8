using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AgentPath.Web.Data;

/// <summary>
/// Turns tracked changes of domain data into <see cref="AuditEntry"/> rows. <see cref="Capture"/>
/// runs before the save (old values are still known); <see cref="Complete"/> runs after it, when
/// database-generated keys are known, inside the same transaction.
/// </summary>
public static class AuditRecorder
{
    /// <summary>Fields never written to the audit trail (secrets and counters).</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.NormalizedUserName), nameof(AppUser.NormalizedEmail),
        nameof(IVersioned.RowVersion),
    };

    /// <summary>
    /// How the changes are written: Chinese and other text as it is (not <c>\u6709</c>), enums by name.
    /// Rows written before this (escaped text, enums as numbers) are read by <see cref="AuditText"/> all the same.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// A change seen before the save; <see cref="Key"/> is null until the database assigns it.
    /// <see cref="Keys"/> are the key and foreign-key fields whose new value is read again after the
    /// save: before it, a key the database has not assigned yet holds a temporary value (−2147482646).
    /// </summary>
    public sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes, string? Key, IReadOnlyList<PropertyEntry> Keys);

    /// <summary>A field the trail never holds.</summary>
    public static bool IsIgnored(string field) => Ignored.Contains(field);

    /// <summary>Domain entities, role grants and many-to-many links (property bags) are audited.</summary>
    public static bool IsAudited(EntityEntry entry) =>
        entry.Entity is IAudited or IdentityUserRole<int> || entry.Metadata.IsPropertyBag;

    /// <summary>The same for a kind of record: what <see cref="IsAudited(EntityEntry)"/> says of its rows.</summary>
    public static bool IsAudited(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        typeof(IAudited).IsAssignableFrom(type.ClrType) || type.ClrType == typeof(IdentityUserRole<int>) || type.IsPropertyBag;

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k =>
            Convert.ToString(entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit entries are append-only.");
                }

                continue;
            }

            if (!IsAudited(entry) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            var keys = new List<PropertyEntry>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (Ignored.Contains(name) || (p.Metadata.IsPrimaryKey() && entry.State == EntityState.Added))
                {
                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Added:
                        if (p.CurrentValue is not null)
                        {
                            changes[name] = [null, p.CurrentValue];
                            if (p.Metadata.IsKey() || p.Metadata.IsForeignKey())
                            {
                                keys.Add(p);
                            }
                        }

                        break;
                    case EntityState.Deleted:
                        changes[name] = [p.OriginalValue, null];
                        break;
                    default:
                        if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        {
                            changes[name] = [p.OriginalValue, p.CurrentValue];
                            if (p.Metadata.IsKey() || p.Metadata.IsForeignKey())
                            {
                                keys.Add(p);
                            }
                        }

                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            pending.Add(new Pending(entry, action, changes, action == AuditAction.Created ? null : KeyOf(entry), keys));
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending, ICurrentActor actor, DateTimeOffset at)
    {
        foreach (var p in pending)
        {
            var key = p.Key ?? KeyOf(p.Entry);
            foreach (var k in p.Keys)
            {
                // After the save the database's key has replaced the temporary one.
                p.Changes[k.Metadata.Name][1] = k.CurrentValue;
            }

            var json = JsonSerializer.Serialize(p.Changes, Json);
            yield return new AuditEntry(at, actor.UserId, actor.UserName, p.Entry.Metadata.ShortName(), key, p.Action, json);
        }
    }
}
