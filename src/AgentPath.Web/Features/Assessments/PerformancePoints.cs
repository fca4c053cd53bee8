using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// 绩效加扣分规则 — a tier: an exam of this kind scored in [MinPercent, MaxPercent) earns these points (negative = a deduction).
/// Rules decide pay, so a tier is never overwritten (R5.3 "rules are configurable"): a change is a new version naming the one it
/// replaces (<see cref="PreviousId"/>, unique: one successor per version) and the old one is retired (<see cref="SupersededAt"/>);
/// a tier that is removed is retired with a reason. Entries already booked keep their points.
/// </summary>
public sealed class PointsRule : Data.IAudited, Data.ICachedReference, Data.IVersioned
{
    public const int ChangeNoteMax = 500;

    public int Id { get; private set; }
    public ExamKind Kind { get; private set; }
    public decimal MinPercent { get; private set; }
    public decimal MaxPercent { get; private set; }
    public decimal Points { get; private set; }

    /// <summary>1 for a new tier, counting up with each change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The version this one replaced; null for a new tier.</summary>
    public int? PreviousId { get; private set; }

    /// <summary>When a newer version replaced this one or it was removed; null while it is in force.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>When and by whom this version was made, and why (null for the rules set up at installation).</summary>
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public string? ChangeNote { get; private set; }

    /// <summary>Who removed the tier and why (a removal has no successor to carry the reason).</summary>
    public string? RetiredBy { get; private set; }
    public string? RetireNote { get; private set; }

    /// <summary>Optimistic-concurrency token: of two changes of the same version the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    private PointsRule() { }

    public PointsRule(ExamKind kind, decimal minPercent, decimal maxPercent, decimal points)
    {
        Check(kind, minPercent, maxPercent, points);
        Kind = kind;
        MinPercent = minPercent;
        MaxPercent = maxPercent;
        Points = points;
    }

    /// <summary>A new tier added by a user (version 1, signed).</summary>
    public static PointsRule Add(ExamKind kind, decimal minPercent, decimal maxPercent, decimal points, string? note, DateTimeOffset at, string by) =>
        new(kind, minPercent, maxPercent, points) { ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };

    /// <summary>The next version of this tier with the given bounds and points; this one is retired. Only the current version changes, and only with a reason.</summary>
    public PointsRule Revise(decimal minPercent, decimal maxPercent, decimal points, string? note, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new Data.ConflictException("Only the current version of a points rule can be changed; a newer one was saved meanwhile.");
        }

        var next = new PointsRule(Kind, minPercent, maxPercent, points) { Version = Version + 1, PreviousId = Id, ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };
        if (next.MinPercent == MinPercent && next.MaxPercent == MaxPercent && next.Points == Points)
        {
            throw new Data.DomainException("Nothing was changed.");
        }

        SupersededAt = at;
        return next;
    }

    /// <summary>Removes the tier from the rules in force: it stays, retired, for the entries booked under it.</summary>
    public void Retire(string? note, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new Data.ConflictException("Only the current version of a points rule can be changed; a newer one was saved meanwhile.");
        }

        RetireNote = Note(note);
        RetiredBy = by;
        SupersededAt = at;
    }

    private static string Note(string? note) =>
        string.IsNullOrWhiteSpace(note) || note.Trim().Length > ChangeNoteMax
            ? throw new Data.DomainException("Say why the points rules change (at most 500 characters).")
            : note.Trim();

    /// <summary>The bounds of a tier: 0 ≤ from &lt; below ≤ 100, points other than 0 within ±100, at most two decimals.</summary>
    public static void Check(ExamKind kind, decimal minPercent, decimal maxPercent, decimal points)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new Data.DomainException("Choose the kind of exam.");
        }

        if (minPercent < 0 || maxPercent > 100 || minPercent >= maxPercent)
        {
            throw new Data.DomainException("A tier runs from a lower to a higher percentage between 0 and 100.");
        }

        if (points == 0 || Math.Abs(points) > 100)
        {
            throw new Data.DomainException("A tier gives points other than 0, at most 100 either way.");
        }

        if (minPercent != decimal.Round(minPercent, 2) || maxPercent != decimal.Round(maxPercent, 2) || points != decimal.Round(points, 2))
        {
            throw new Data.DomainException("Percentages and points have at most two decimals.");
        }
    }

    /// <summary>The points a percentage earns under a set of tiers (the first tier that holds it), or 0.</summary>
    public static decimal For(IEnumerable<PointsRule> rules, decimal percent) =>
        rules.Where(r => percent >= r.MinPercent && (percent < r.MaxPercent || (r.MaxPercent >= 100 && percent <= 100)))
            .Select(r => r.Points).FirstOrDefault();
}

/// <summary>
/// 绩效加扣分 — one entry of a person's monthly points ledger, linked to its source (an exam
/// attempt, a taught session…). Append-only: a correction is a new entry that names the one it corrects.
/// </summary>
public sealed class PointsEntry
{
    public long Id { get; private set; }
    public int EmployeeId { get; private set; }

    /// <summary>The pay month, "yyyy-MM".</summary>
    public string Month { get; private set; } = "";
    public decimal Points { get; private set; }
    public string SourceType { get; private set; } = "";
    public long SourceId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public long? CorrectsId { get; private set; }

    private PointsEntry() { }

    public PointsEntry(int employeeId, string month, decimal points, string sourceType, long sourceId, string reason, DateTimeOffset at, string by, long? correctsId = null)
    {
        EmployeeId = employeeId;
        Month = month;
        Points = points;
        SourceType = sourceType;
        SourceId = sourceId;
        Reason = reason;
        At = at;
        By = by;
        CorrectsId = correctsId;
    }
}

internal sealed class PointsRuleConfiguration : IEntityTypeConfiguration<PointsRule>
{
    public void Configure(EntityTypeBuilder<PointsRule> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.MinPercent).HasPrecision(5, 2);
        b.Property(x => x.MaxPercent).HasPrecision(5, 2);
        b.Property(x => x.Points).HasPrecision(7, 2);
        b.Property(x => x.Version).HasDefaultValue(1);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.ChangeNote).HasMaxLength(PointsRule.ChangeNoteMax);
        b.Property(x => x.RetiredBy).HasMaxLength(256);
        b.Property(x => x.RetireNote).HasMaxLength(PointsRule.ChangeNoteMax);
        b.Ignore(x => x.IsCurrent);
        // One successor per version: of two changes of the same version only one is saved.
        b.HasIndex(x => x.PreviousId).IsUnique();
        b.HasOne<PointsRule>().WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Kind, x.SupersededAt });
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.Points).HasPrecision(7, 2);
        b.Property(x => x.SourceType).HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.EmployeeId, x.Month });
        b.HasIndex(x => new { x.SourceType, x.SourceId });
        b.HasOne<People.Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
