using System.Security.Cryptography;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Records;

/// <summary>
/// 岗位合格证 — the post qualification certificate given to who passes the assessment (R8.3). Its
/// number is unique; a public verification page, reached by an unguessable token, shows only
/// whether it is valid.
/// </summary>
public sealed class Certificate : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int NumberMax = 32;

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public string Token { get; private set; } = "";
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public int? PostId { get; private set; }
    public Post? Post { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public long? GateResultId { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateOnly? RevokedOn { get; private set; }
    public string? RevokedReason { get; private set; }

    private Certificate() { }

    public Certificate(string number, int employeeId, int? postId, DateOnly issuedOn, long? gateResultId, string issuedBy)
    {
        Number = number;
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        EmployeeId = employeeId;
        PostId = postId;
        IssuedOn = issuedOn;
        GateResultId = gateResultId;
        IssuedBy = issuedBy;
    }

    public bool Valid => RevokedOn is null;

    public void Revoke(DateOnly on, string reason)
    {
        if (RevokedOn is not null)
        {
            throw new DomainException("The certificate is revoked already.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("A revocation needs a reason.");
        }

        RevokedOn = on;
        RevokedReason = reason.Trim();
    }

    /// <summary>岗位合格证编号: GZ-year-sequence, e.g. HG-2026-0007.</summary>
    public static string NumberFor(int year, int sequence) => $"HG-{year}-{sequence:D4}";
}

/// <summary>
/// An item of the new-post / transfer training form (新上岗/转岗人员培训表, R8.2): what someone taking the post must be trained on.
/// Edited by the training manager or a supervisor without overwriting: a change is a new version naming the one it replaced
/// (<see cref="PreviousId"/>, unique) and the old one is retired (<see cref="RetiredAt"/>); a removal retires it. A trainee's
/// confirmation names the item it confirmed, so it keeps the text that was confirmed; a new version needs its own confirmation.
/// </summary>
public sealed class PostChecklistItem : IAudited, IVersioned
{
    public const int TextMax = 300;
    public const int ChangeNoteMax = 500;
    public const int MaxItemsPerPost = 40;

    public int Id { get; private set; }
    public int PostId { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
    public string TextEn { get; private set; } = "";

    /// <summary>1 for a new item, counting up with each change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The version this one replaced; null for a new item.</summary>
    public int? PreviousId { get; private set; }

    /// <summary>When the item left the form (replaced or removed); null while on it.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>When and by whom this version was made, and why (null for the items set up at installation).</summary>
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public string? ChangeNote { get; private set; }

    /// <summary>Who removed the item and why.</summary>
    public string? RetiredBy { get; private set; }
    public string? RetireNote { get; private set; }

    /// <summary>Optimistic-concurrency token: of two changes of the same version the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public bool IsCurrent => RetiredAt is null;

    private PostChecklistItem() { }

    public PostChecklistItem(int postId, int order, string text, string textEn)
    {
        PostId = postId;
        Order = order;
        SetText(text, textEn);
    }

    /// <summary>An item added to a post's form, at the end.</summary>
    public static PostChecklistItem Add(int postId, int order, string text, string textEn, string? note, DateTimeOffset at, string by) =>
        new(postId, order, text, textEn) { ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };

    /// <summary>The next version in the same place; this one is retired. Only the current version changes, and only with a reason.</summary>
    public PostChecklistItem Revise(string text, string textEn, string? note, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new ConflictException("Only the current version of a checklist item can be changed; a newer one was saved meanwhile.");
        }

        var next = new PostChecklistItem(PostId, Order, text, textEn) { Version = Version + 1, PreviousId = Id, ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };
        if (next.Text == Text && next.TextEn == TextEn)
        {
            throw new DomainException("Nothing was changed.");
        }

        RetiredAt = at;
        return next;
    }

    /// <summary>Takes the item off the form; the confirmations given for it stay.</summary>
    public void Retire(string? note, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new ConflictException("Only the current version of a checklist item can be changed; a newer one was saved meanwhile.");
        }

        RetireNote = Note(note);
        RetiredBy = by;
        RetiredAt = at;
    }

    public string DisplayText(bool chinese) => chinese || TextEn.Length == 0 ? Text : TextEn;

    private void SetText(string text, string textEn)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMax || (textEn ?? "").Trim().Length > TextMax)
        {
            throw new DomainException("A checklist item needs a text of at most 300 characters.");
        }

        Text = text.Trim();
        TextEn = string.IsNullOrWhiteSpace(textEn) ? Text : textEn.Trim();
    }

    private static string Note(string? note) =>
        string.IsNullOrWhiteSpace(note) || note.Trim().Length > ChangeNoteMax
            ? throw new DomainException("Say why the checklist changes (at most 500 characters).")
            : note.Trim();
}

/// <summary>The trainee's signature on one item of the form: they confirm they were trained on it.</summary>
public sealed class PostChecklistConfirmation : IAudited
{
    public long Id { get; private set; }
    public int EmployeeId { get; private set; }
    public int ItemId { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }

    private PostChecklistConfirmation() { }

    public PostChecklistConfirmation(int employeeId, int itemId, DateTimeOffset at)
    {
        EmployeeId = employeeId;
        ItemId = itemId;
        ConfirmedAt = at;
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(x => x.Number).HasMaxLength(Certificate.NumberMax);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Token).HasMaxLength(32);
        b.HasIndex(x => x.Token).IsUnique();
        b.Property(x => x.IssuedBy).HasMaxLength(256);
        b.Property(x => x.RevokedReason).HasMaxLength(500);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pipeline.GateResult>().WithMany().HasForeignKey(x => x.GateResultId).OnDelete(DeleteBehavior.Restrict);
        // One certificate per gate pass.
        b.HasIndex(x => x.GateResultId).IsUnique();
        b.Ignore(x => x.Valid);
    }
}

internal sealed class PostChecklistItemConfiguration : IEntityTypeConfiguration<PostChecklistItem>
{
    public void Configure(EntityTypeBuilder<PostChecklistItem> b)
    {
        b.Property(x => x.Text).HasMaxLength(PostChecklistItem.TextMax);
        b.Property(x => x.TextEn).HasMaxLength(PostChecklistItem.TextMax);
        b.Property(x => x.Version).HasDefaultValue(1);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.ChangeNote).HasMaxLength(PostChecklistItem.ChangeNoteMax);
        b.Property(x => x.RetiredBy).HasMaxLength(256);
        b.Property(x => x.RetireNote).HasMaxLength(PostChecklistItem.ChangeNoteMax);
        b.Ignore(x => x.IsCurrent);
        // One successor per version: of two changes of the same version only one is saved.
        b.HasIndex(x => x.PreviousId).IsUnique();
        b.HasOne<PostChecklistItem>().WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PostId, x.Order });
        b.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostChecklistConfirmationConfiguration : IEntityTypeConfiguration<PostChecklistConfirmation>
{
    public void Configure(EntityTypeBuilder<PostChecklistConfirmation> b)
    {
        b.HasIndex(x => new { x.EmployeeId, x.ItemId }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PostChecklistItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
