using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

public enum AttemptStatus
{
    Open,
    Submitted,
}

/// <summary>
/// 答卷 — one person's attempt at an exam. The server's clock decides: the deadline is fixed at
/// start (start + duration, but never after the exam closes). Answers are saved one by one as
/// they change, each with a sequence number, so an older save that arrives late never wins.
/// Scores are not kept here: they are the append-only <see cref="AttemptResult"/> rows.
/// </summary>
public sealed class Attempt
{
    public long Id { get; private set; }
    public int ExamId { get; private set; }
    public Exam Exam { get; private set; } = null!;
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public int Number { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public AttemptStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Finished by the deadline job with the answers saved by then, not by the agent.</summary>
    public bool FinishedAtDeadline { get; private set; }
    public List<AttemptItem> Items { get; private set; } = [];

    private Attempt() { }

    public Attempt(Exam exam, int employeeId, int number, DateTimeOffset now)
    {
        Exam = exam;
        ExamId = exam.Id;
        EmployeeId = employeeId;
        Number = number;
        StartedAt = now;
        var byDuration = now.AddMinutes(exam.Paper.DurationMinutes);
        Deadline = byDuration < exam.ClosesAt ? byDuration : exam.ClosesAt;
        Status = AttemptStatus.Open;
    }

    /// <summary>A new attempt from the exam's cached plan: the deadline is computed by the engine.</summary>
    public Attempt(int examId, int employeeId, int number, DateTimeOffset now, DateTimeOffset deadline)
    {
        ExamId = examId;
        EmployeeId = employeeId;
        Number = number;
        StartedAt = now;
        Deadline = deadline;
        Status = AttemptStatus.Open;
    }

    public decimal MaxPoints => Items.Sum(i => i.Points);

    /// <summary>
    /// The exam's window moved while this attempt is open: the deadline is the paper's duration from the
    /// start, but never after the exam's close (an early close ends it now; the deadline job submits it).
    /// </summary>
    public void FollowWindow(DateTimeOffset closesAt, int durationMinutes)
    {
        if (Status != AttemptStatus.Open)
        {
            return;
        }

        var byDuration = StartedAt.AddMinutes(durationMinutes);
        Deadline = byDuration < closesAt ? byDuration : closesAt;
    }
}

/// <summary>One question as shown in an attempt: the version, its points, the option order shown, and the latest saved response.</summary>
public sealed class AttemptItem
{
    public long Id { get; private set; }
    public long AttemptId { get; private set; }
    public Attempt Attempt { get; private set; } = null!;
    public int QuestionId { get; private set; }
    public Question Question { get; private set; } = null!;
    public int Order { get; private set; }
    public decimal Points { get; private set; }

    /// <summary>Option ids in the order shown, comma-separated (per-attempt shuffle).</summary>
    public string OptionOrder { get; private set; } = "";

    /// <summary>The response as JSON: an option id, an array of ids, or a string. Null until answered.</summary>
    public string? Response { get; private set; }

    /// <summary>The sequence number of the save that wrote <see cref="Response"/>; a save with a lower or equal number is ignored.</summary>
    public long Seq { get; private set; }
    public DateTimeOffset? SavedAt { get; private set; }

    private AttemptItem() { }

    public AttemptItem(Question q, int order, decimal points, IEnumerable<int> optionOrder)
    {
        Question = q;
        QuestionId = q.Id;
        Order = order;
        Points = points;
        OptionOrder = string.Join(",", optionOrder);
    }

    public AttemptItem(int questionId, int order, decimal points, IEnumerable<int> optionOrder)
    {
        QuestionId = questionId;
        Order = order;
        Points = points;
        OptionOrder = string.Join(",", optionOrder);
    }

    /// <summary>Records an answer outside the request path (demo data, imports of paper exams). The exam page saves through <see cref="ExamEngine.SaveAsync"/>.</summary>
    public void RecordAnswer(string responseJson, long seq, DateTimeOffset at)
    {
        if (seq <= Seq)
        {
            return;
        }

        Response = responseJson;
        Seq = seq;
        SavedAt = at;
    }

    public IReadOnlyList<int> OptionIds => OptionOrder.Length == 0 ? [] : OptionOrder.Split(',').Select(int.Parse).ToList();
}

public enum GradeSource
{
    /// <summary>Graded by the rules at submit.</summary>
    Auto,
    /// <summary>Graded by a person (short answers).</summary>
    Manual,
    /// <summary>Re-scored after the question's key was corrected.</summary>
    Regrade,
}

/// <summary>A score given to one answer. Append-only: a correction is a new row naming the one it replaces.</summary>
public sealed class ItemGrade
{
    public long Id { get; private set; }
    public long AttemptItemId { get; private set; }
    public decimal Score { get; private set; }
    public GradeSource Source { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? Reason { get; private set; }
    public long? SupersedesId { get; private set; }

    private ItemGrade() { }

    public ItemGrade(long attemptItemId, decimal score, GradeSource source, DateTimeOffset at, string by, string? reason = null, long? supersedes = null)
    {
        AttemptItemId = attemptItemId;
        Score = score;
        Source = source;
        At = at;
        By = by;
        Reason = reason;
        SupersedesId = supersedes;
    }
}

/// <summary>考试成绩 — an attempt's total. Append-only: a regrade or manual grading adds a row naming the one it replaces, with who, when and why.</summary>
public sealed class AttemptResult
{
    public long Id { get; private set; }
    public long AttemptId { get; private set; }
    public decimal Score { get; private set; }
    public decimal MaxScore { get; private set; }
    public bool Passed { get; private set; }

    /// <summary>Short answers still wait for a grader; the score so far counts them as 0.</summary>
    public bool Provisional { get; private set; }
    public GradeSource Source { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? Reason { get; private set; }
    public long? SupersedesId { get; private set; }

    private AttemptResult() { }

    public AttemptResult(long attemptId, decimal score, decimal maxScore, bool passed, bool provisional, GradeSource source, DateTimeOffset at, string by, string? reason = null, long? supersedes = null)
    {
        AttemptId = attemptId;
        Score = score;
        MaxScore = maxScore;
        Passed = passed;
        Provisional = provisional;
        Source = source;
        At = at;
        By = by;
        Reason = reason;
        SupersedesId = supersedes;
    }

    public decimal Percent => MaxScore == 0 ? 0 : Math.Round(Score * 100 / MaxScore, 1);
}

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne(x => x.Exam).WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(x => x.Attempt).HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ExamId, x.EmployeeId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Status, x.Deadline });
        b.Ignore(x => x.MaxPoints);
    }
}

internal sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> b)
    {
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.Property(x => x.OptionOrder).HasMaxLength(200);
        b.Property(x => x.Response).HasMaxLength(8000);
        b.HasOne(x => x.Question).WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AttemptId, x.QuestionId }).IsUnique();
        b.Ignore(x => x.OptionIds);
    }
}

internal sealed class ItemGradeConfiguration : IEntityTypeConfiguration<ItemGrade>
{
    public void Configure(EntityTypeBuilder<ItemGrade> b)
    {
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(1000);
        // Append-only in one line: one first grade per item, each grade superseded at most once (two graders racing on one state cannot both write).
        b.HasIndex(x => x.AttemptItemId).IsUnique().HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName("IX_ItemGrades_OneFirst");
        b.HasIndex(x => x.SupersedesId).IsUnique();
        b.HasOne<AttemptItem>().WithMany().HasForeignKey(x => x.AttemptItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttemptResultConfiguration : IEntityTypeConfiguration<AttemptResult>
{
    public void Configure(EntityTypeBuilder<AttemptResult> b)
    {
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.MaxScore).HasPrecision(9, 2);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(1000);
        // One first result per attempt, each result superseded at most once.
        b.HasIndex(x => x.AttemptId).IsUnique().HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName("IX_AttemptResults_OneFirst");
        b.HasIndex(x => x.SupersedesId).IsUnique();
        b.HasOne<Attempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Percent);
    }
}
