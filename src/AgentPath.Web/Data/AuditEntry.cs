using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Data;

/// <summary>
/// One change to domain data: who, when, which entity and key, and each changed field's old and new
/// value as JSON. Written in the same transaction as the change. Append-only: the application
/// refuses to update or delete these rows.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string Key { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON object: field → [old, new].</summary>
    public string Changes { get; private set; } = "{}";

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, int? userId, string userName, string entity, string key, AuditAction action, string changes)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Entity = entity;
        Key = key;
        Action = action;
        Changes = changes;
    }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Entity).HasMaxLength(128);
        b.Property(x => x.Key).HasMaxLength(128);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.Key });
        b.HasIndex(x => x.UserId);
    }
}
