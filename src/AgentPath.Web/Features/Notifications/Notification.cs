using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Notifications;

/// <summary>
/// An in-app message to one user (the bell in the header). The text is a resource key with
/// arguments, so each reader sees it in their own language.
/// </summary>
public sealed class Notification
{
    public const int KeyMax = 200;
    public const int LinkMax = 512;

    public long Id { get; private set; }
    public int UserId { get; private set; }
    public string MessageKey { get; private set; } = "";

    /// <summary>JSON array of strings filled into the message's placeholders.</summary>
    public string Args { get; private set; } = "[]";

    /// <summary>A local link ("/…") to what the message is about.</summary>
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification() { }

    public Notification(int userId, string messageKey, string args, string? link, DateTimeOffset createdAt)
    {
        if (link is not null && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)))
        {
            throw new DomainException("A notification links only to a page of AgentPath.");
        }

        UserId = userId;
        MessageKey = messageKey;
        Args = args;
        Link = link;
        CreatedAt = createdAt;
    }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.MessageKey).HasMaxLength(Notification.KeyMax);
        b.Property(x => x.Link).HasMaxLength(Notification.LinkMax);
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        b.HasOne<Features.People.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
