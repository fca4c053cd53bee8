using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

/// <summary>绩效加扣分规则 — a tier: an exam of this kind scored in [MinPercent, MaxPercent) earns these points (negative = a deduction).</summary>
public sealed class PointsRule : Data.IAudited, Data.ICachedReference
{
    public int Id { get; private set; }
    public ExamKind Kind { get; private set; }
    public decimal MinPercent { get; private set; }
    public decimal MaxPercent { get; private set; }
    public decimal Points { get; private set; }

    private PointsRule() { }

    public PointsRule(ExamKind kind, decimal minPercent, decimal maxPercent, decimal points)
    {
        Kind = kind;
        MinPercent = minPercent;
        MaxPercent = maxPercent;
        Points = points;
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
