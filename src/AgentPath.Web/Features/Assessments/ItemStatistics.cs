using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// Running sums for one question of one exam, updated at each submit, from which the item
/// statistics of the paper analysis (试卷分析) are computed instantly at any size. x is the
/// score on this question, y the score on the rest of the attempt (Moodle's "rest of test").
/// </summary>
public sealed class ExamQuestionStat
{
    public long Id { get; private set; }
    public int ExamId { get; private set; }
    public int QuestionId { get; private set; }
    public double MaxPoints { get; private set; }
    public int N { get; private set; }
    public double SumX { get; private set; }
    public double SumX2 { get; private set; }
    public double SumY { get; private set; }
    public double SumY2 { get; private set; }
    public double SumXY { get; private set; }

    private ExamQuestionStat() { }

    public ExamQuestionStat(int examId, int questionId, double maxPoints)
    {
        ExamId = examId;
        QuestionId = questionId;
        MaxPoints = maxPoints;
    }

    /// <summary>Adds one attempt's (item score, rest-of-attempt score) pair.</summary>
    public void Add(double x, double y)
    {
        N++;
        SumX += x;
        SumX2 += x * x;
        SumY += y;
        SumY2 += y * y;
        SumXY += x * y;
    }

    /// <summary>Takes one attempt's pair out again (its grade changed).</summary>
    public void Remove(double x, double y)
    {
        N--;
        SumX -= x;
        SumX2 -= x * x;
        SumY -= y;
        SumY2 -= y * y;
        SumXY -= x * y;
    }

    /// <summary>Sets the sums from scratch from (item score, rest-of-attempt score) pairs.</summary>
    public void Reset(IReadOnlyCollection<(double X, double Y)> pairs)
    {
        N = pairs.Count;
        SumX = pairs.Sum(p => p.X);
        SumX2 = pairs.Sum(p => p.X * p.X);
        SumY = pairs.Sum(p => p.Y);
        SumY2 = pairs.Sum(p => p.Y * p.Y);
        SumXY = pairs.Sum(p => p.X * p.Y);
    }
}

/// <summary>How often each option of a question was chosen in an exam.</summary>
public sealed class ExamOptionStat
{
    public long Id { get; private set; }
    public int ExamId { get; private set; }
    public int QuestionId { get; private set; }
    public int OptionId { get; private set; }
    public int Count { get; private set; }

    private ExamOptionStat() { }

    public ExamOptionStat(int examId, int questionId, int optionId)
    {
        ExamId = examId;
        QuestionId = questionId;
        OptionId = optionId;
    }

    public void Reset(int count) => Count = count;
}

/// <summary>
/// Moodle's item statistics (question/classes/statistics): the facility index is the mean score
/// on the item as a percentage of its maximum; the discrimination index is 100 × the Pearson
/// correlation between the item score and the score on the rest of the test. Both come from
/// running sums, so they need no pass over the attempts.
/// </summary>
public static class ItemStatistics
{
    /// <summary>Facility above this (%) is flagged too easy.</summary>
    public const double TooEasy = 90;

    /// <summary>Facility below this (%) is flagged too hard.</summary>
    public const double TooHard = 20;

    public static double? Facility(int n, double sumX, double maxPoints) =>
        n == 0 || maxPoints <= 0 ? null : 100.0 * (sumX / n) / maxPoints;

    /// <summary>Sample standard deviation of the item score as a % of its maximum (Moodle's "standard deviation").</summary>
    public static double? StandardDeviation(int n, double sumX, double sumX2, double maxPoints)
    {
        if (n < 2 || maxPoints <= 0)
        {
            return null;
        }

        var variance = (sumX2 - (sumX * sumX / n)) / (n - 1);
        return 100.0 * Math.Sqrt(Math.Max(0, variance)) / maxPoints;
    }

    /// <summary>100 × r(x, y); null when either score does not vary (no correlation is defined).</summary>
    public static double? Discrimination(int n, double sumX, double sumX2, double sumY, double sumY2, double sumXY)
    {
        if (n < 2)
        {
            return null;
        }

        var sxx = sumX2 - (sumX * sumX / n);
        var syy = sumY2 - (sumY * sumY / n);
        var sxy = sumXY - (sumX * sumY / n);
        if (sxx <= 1e-12 || syy <= 1e-12)
        {
            return null;
        }

        return 100.0 * sxy / Math.Sqrt(sxx * syy);
    }

    public static IReadOnlyList<string> Flags(double? facility, double? discrimination)
    {
        var flags = new List<string>();
        if (facility > TooEasy)
        {
            flags.Add("Too easy");
        }

        if (facility < TooHard)
        {
            flags.Add("Too hard");
        }

        if (discrimination < 0)
        {
            flags.Add("Negative discrimination");
        }

        return flags;
    }
}

/// <summary>A submitted attempt not yet added to its exam's running sums; <see cref="ExamStatsJob"/> adds them in batches.</summary>
public sealed class PendingStat
{
    public long AttemptId { get; private set; }
    public int ExamId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private PendingStat() { }

    public PendingStat(long attemptId, int examId, DateTimeOffset at)
    {
        AttemptId = attemptId;
        ExamId = examId;
        At = at;
    }
}

internal sealed class PendingStatConfiguration : IEntityTypeConfiguration<PendingStat>
{
    public void Configure(EntityTypeBuilder<PendingStat> b)
    {
        b.ToTable("ExamStatsQueue");
        b.HasKey(x => x.AttemptId);
        b.Property(x => x.AttemptId).ValueGeneratedNever();
        b.HasIndex(x => x.ExamId);
        b.HasOne<Attempt>().WithOne().HasForeignKey<PendingStat>(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamQuestionStatConfiguration : IEntityTypeConfiguration<ExamQuestionStat>
{
    public void Configure(EntityTypeBuilder<ExamQuestionStat> b)
    {
        b.HasIndex(x => new { x.ExamId, x.QuestionId }).IsUnique();
        b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamOptionStatConfiguration : IEntityTypeConfiguration<ExamOptionStat>
{
    public void Configure(EntityTypeBuilder<ExamOptionStat> b)
    {
        b.HasIndex(x => new { x.ExamId, x.QuestionId, x.OptionId }).IsUnique();
        b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
    }
}
