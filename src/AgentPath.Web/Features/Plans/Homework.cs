using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

public enum HomeworkKind
{
    /// <summary>Questions from the bank: an Assessments exam of kind homework quiz.</summary>
    Quiz,
    /// <summary>A text or a file handed in, graded by the trainer.</summary>
    HandIn,
}

/// <summary>
/// 课后作业 — homework after a training (SPEC R6.1: 布置实际操作作业巩固培训效果): questions from the bank
/// (a homework-quiz exam) or a text or file to hand in, with a due date, grading and completion per
/// person. It follows a session (its attendees do it) or is set for teams.
/// </summary>
public sealed class Homework : IAudited
{
    public const int TitleMax = 200;
    public const int InstructionsMax = 4000;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Instructions { get; private set; } = "";
    public HomeworkKind Kind { get; private set; }

    /// <summary>For a quiz: the exam (kind HomeworkQuiz) that holds the questions.</summary>
    public int? ExamId { get; private set; }

    /// <summary>The session it follows; its attendees are the ones who do it.</summary>
    public int? SessionId { get; private set; }

    /// <summary>The highest score of a hand-in.</summary>
    public decimal MaxScore { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<HomeworkAudience> Audience { get; private set; } = [];

    private Homework() { }

    public Homework(string title, string instructions, HomeworkKind kind, int? examId, int? sessionId, IEnumerable<int> teamIds, decimal maxScore,
        DateTimeOffset dueAt, DateTimeOffset now, string by)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("Homework needs a title of at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(instructions) || instructions.Trim().Length > InstructionsMax)
        {
            throw new DomainException("Say what to do (at most 4000 characters).");
        }

        if (dueAt <= now)
        {
            throw new DomainException("The due time must be in the future.");
        }

        if (kind == HomeworkKind.Quiz && examId is null)
        {
            throw new DomainException("A quiz needs its questions: choose a paper.");
        }

        if (kind == HomeworkKind.HandIn && maxScore is <= 0 or > 100)
        {
            throw new DomainException("The highest score is more than 0 and at most 100.");
        }

        Title = title.Trim();
        Instructions = instructions.Trim();
        Kind = kind;
        ExamId = kind == HomeworkKind.Quiz ? examId : null;
        SessionId = sessionId;
        MaxScore = kind == HomeworkKind.HandIn ? maxScore : 0;
        DueAt = dueAt;
        CreatedBy = TrainingPlan.Cut(by, TrainingPlan.ByMax);
        CreatedAt = now;
        Audience.AddRange(teamIds.Distinct().Select(t => new HomeworkAudience(t)));
        if (Audience.Count == 0 && sessionId is null)
        {
            throw new DomainException("Set it for the attendees of a session or for teams.");
        }
    }
}

public sealed class HomeworkAudience
{
    public int HomeworkId { get; private set; }
    public int TeamId { get; private set; }

    private HomeworkAudience() { }

    internal HomeworkAudience(int teamId) => TeamId = teamId;
}

/// <summary>A person's hand-in: a text, a file, or both. Replaced freely until it is graded.</summary>
public sealed class HomeworkSubmission : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TextMax = 8000;
    public const int FileNameMax = 200;

    public int Id { get; private set; }
    public int HomeworkId { get; private set; }
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public string? Text { get; private set; }
    public string? FileKey { get; private set; }
    public string? FileName { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public bool Late { get; private set; }

    private HomeworkSubmission() { }

    public HomeworkSubmission(Homework homework, int employeeId, string? text, string? fileKey, string? fileName, DateTimeOffset at)
    {
        HomeworkId = homework.Id;
        EmployeeId = employeeId;
        Replace(homework, text, fileKey, fileName, at, graded: false);
    }

    public void Replace(Homework homework, string? text, string? fileKey, string? fileName, DateTimeOffset at, bool graded)
    {
        if (homework.Kind != HomeworkKind.HandIn)
        {
            throw new DomainException("A quiz is answered as an exam, not handed in.");
        }

        if (graded)
        {
            throw new DomainException("The hand-in is graded already; it can no longer be replaced.");
        }

        if (string.IsNullOrWhiteSpace(text) && fileKey is null)
        {
            throw new DomainException("Write your answer or attach a file.");
        }

        if ((text?.Trim().Length ?? 0) > TextMax)
        {
            throw new DomainException("The answer is too long (at most 8000 characters).");
        }

        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (fileKey is not null)
        {
            FileKey = fileKey;
            FileName = fileName is null ? null : TrainingPlan.Cut(fileName, 200);
        }

        SubmittedAt = at;
        Late = at > homework.DueAt;
    }
}

/// <summary>A grade of a hand-in. Append-only: a correction is a new row naming the one it replaces.</summary>
public sealed class HomeworkGrade
{
    public const int CommentMax = 1000;

    public long Id { get; private set; }
    public int SubmissionId { get; private set; }
    public decimal Score { get; private set; }
    public string? Comment { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public long? SupersedesId { get; private set; }

    private HomeworkGrade() { }

    public HomeworkGrade(HomeworkSubmission submission, decimal score, decimal maxScore, string? comment, string by, DateTimeOffset at, long? supersedes)
    {
        if (score < 0 || score > maxScore)
        {
            throw new DomainException("The score must be between 0 and the highest score.");
        }

        if ((comment?.Trim().Length ?? 0) > CommentMax)
        {
            throw new DomainException("The comment is too long (at most 1000 characters).");
        }

        SubmissionId = submission.Id;
        Score = score;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        By = by;
        At = at;
        SupersedesId = supersedes;
    }
}

internal sealed class HomeworkConfiguration : IEntityTypeConfiguration<Homework>
{
    public void Configure(EntityTypeBuilder<Homework> b)
    {
        b.Property(x => x.Title).HasMaxLength(Homework.TitleMax);
        b.Property(x => x.Instructions).HasMaxLength(Homework.InstructionsMax);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.MaxScore).HasPrecision(5, 1);
        b.Property(x => x.CreatedBy).HasMaxLength(TrainingPlan.ByMax);
        b.HasOne<Assessments.Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Training.TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Audience).WithOne().HasForeignKey(x => x.HomeworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DueAt);
    }
}

internal sealed class HomeworkAudienceConfiguration : IEntityTypeConfiguration<HomeworkAudience>
{
    public void Configure(EntityTypeBuilder<HomeworkAudience> b)
    {
        b.HasKey(x => new { x.HomeworkId, x.TeamId });
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HomeworkSubmissionConfiguration : IEntityTypeConfiguration<HomeworkSubmission>
{
    public void Configure(EntityTypeBuilder<HomeworkSubmission> b)
    {
        b.Property(x => x.Text).HasMaxLength(HomeworkSubmission.TextMax);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasIndex(x => new { x.HomeworkId, x.EmployeeId }).IsUnique();
        b.HasOne<Homework>().WithMany().HasForeignKey(x => x.HomeworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HomeworkGradeConfiguration : IEntityTypeConfiguration<HomeworkGrade>
{
    public void Configure(EntityTypeBuilder<HomeworkGrade> b)
    {
        b.Property(x => x.Score).HasPrecision(5, 1);
        b.Property(x => x.Comment).HasMaxLength(HomeworkGrade.CommentMax);
        b.Property(x => x.By).HasMaxLength(256);
        // Append-only and one line: one first grade per hand-in, and each grade corrected at most once, so two graders racing on the same state cannot both write.
        b.HasIndex(x => x.SubmissionId).IsUnique().HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName("IX_HomeworkGrades_OneFirst");
        b.HasIndex(x => x.SupersedesId).IsUnique();
        b.HasOne<HomeworkSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
