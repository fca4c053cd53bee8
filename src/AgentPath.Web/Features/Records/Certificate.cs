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

/// <summary>An item of the new-post / transfer training form (新上岗/转岗人员培训表, R8.2): what someone taking the post must be trained on.</summary>
public sealed class PostChecklistItem : IAudited
{
    public const int TextMax = 300;

    public int Id { get; private set; }
    public int PostId { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
    public string TextEn { get; private set; } = "";

    private PostChecklistItem() { }

    public PostChecklistItem(int postId, int order, string text, string textEn)
    {
        PostId = postId;
        Order = order;
        Text = text;
        TextEn = textEn;
    }
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
