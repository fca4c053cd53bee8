using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

/// <summary>What an exam is for; points rules differ per kind (SPEC R5.3).</summary>
public enum ExamKind
{
    /// <summary>业务考试 — the monthly business exam, tied to pay.</summary>
    MonthlyBusiness,
    /// <summary>培训考核 — the written test of a pipeline gate.</summary>
    GateTest,
    /// <summary>等级考核 — the exam for the next service level.</summary>
    LevelExam,
    /// <summary>岗位竞聘 — a post competition's exam.</summary>
    CompetitionExam,
    /// <summary>随机提问 — spot questions at a shift meeting.</summary>
    SpotQuestions,
    /// <summary>课后作业 — a homework quiz.</summary>
    HomeworkQuiz,
}

public enum AudienceKind
{
    Person,
    Team,
    Stage,
}

/// <summary>考试 — a paper offered to an audience in a window, with a number of attempts.</summary>
public sealed class Exam : IAudited, ICachedReference, IVersioned
{
    public const int TitleMax = 200;

    public int Id { get; private set; }

    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing changes to the window (edit, close, extend) the second is a 409.</summary>
    public int RowVersion { get; private set; }
    public string Title { get; private set; } = "";
    public int PaperId { get; private set; }
    public Paper Paper { get; private set; } = null!;
    public ExamKind Kind { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public int AttemptsAllowed { get; private set; }
    public bool CountsForPoints { get; private set; }

    /// <summary>Saves sent before the deadline may arrive this many seconds after it.</summary>
    public int GraceSeconds { get; private set; }
    public List<ExamAudience> Audience { get; private set; } = [];

    /// <summary>试卷分析点评 — the trainer's written analysis of the paper, filed with the exam (SPEC R5.2).</summary>
    public string? Analysis { get; private set; }
    public string? AnalysisBy { get; private set; }
    public DateTimeOffset? AnalysisAt { get; private set; }

    private Exam() { }

    public Exam(string title, Paper paper, ExamKind kind, DateTimeOffset opensAt, DateTimeOffset closesAt, int attemptsAllowed, bool countsForPoints, int graceSeconds = 60)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > TitleMax)
        {
            throw new DomainException("An exam needs a title of at most 200 characters.");
        }

        if (closesAt <= opensAt)
        {
            throw new DomainException("The exam must close after it opens.");
        }

        if (attemptsAllowed is < 1 or > 20)
        {
            throw new DomainException("Attempts allowed must be 1 to 20.");
        }

        Title = title.Trim();
        Paper = paper;
        PaperId = paper.Id;
        Kind = kind;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        AttemptsAllowed = attemptsAllowed;
        CountsForPoints = countsForPoints;
        GraceSeconds = Math.Clamp(graceSeconds, 0, 600);
    }

    public void AddAudience(AudienceKind kind, int? refId, Stage? stage) => Audience.Add(new ExamAudience(kind, refId, stage));

    /// <summary>Whether the exam has not opened yet: only then may its title, paper, window and audience be edited.</summary>
    public bool EditableAt(DateTimeOffset now) => now < OpensAt;

    /// <summary>
    /// Edits an exam that has not opened yet (title, paper, window, attempts, audience). Once it is open,
    /// only <see cref="CloseEarly"/> and <see cref="Extend"/> move its window.
    /// </summary>
    public void Edit(string title, Paper paper, DateTimeOffset opensAt, DateTimeOffset closesAt, int attemptsAllowed, DateTimeOffset now)
    {
        if (!EditableAt(now))
        {
            throw new DomainException("The exam has opened: only closing early or extending its window is possible now.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("An exam needs a title of at most 200 characters.");
        }

        if (closesAt <= opensAt)
        {
            throw new DomainException("The exam must close after it opens.");
        }

        if (attemptsAllowed is < 1 or > 20)
        {
            throw new DomainException("Attempts allowed must be 1 to 20.");
        }

        Title = title.Trim();
        Paper = paper;
        PaperId = paper.Id;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        AttemptsAllowed = attemptsAllowed;
    }

    /// <summary>Replaces the audience of an exam that has not opened yet.</summary>
    public void ReplaceAudience(IEnumerable<(AudienceKind Kind, int? RefId, Stage? Stage)> audience, DateTimeOffset now)
    {
        if (!EditableAt(now))
        {
            throw new DomainException("The exam has opened: only closing early or extending its window is possible now.");
        }

        Audience.Clear();
        foreach (var (kind, refId, stage) in audience)
        {
            AddAudience(kind, refId, stage);
        }
    }

    /// <summary>
    /// 提前结束 — closes an open exam now. Attempts in progress are finished as at the deadline: their
    /// deadline becomes this moment and the deadline job submits them with the answers saved by then.
    /// </summary>
    public void CloseEarly(DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            throw new DomainException("Only an open exam can be closed early.");
        }

        ClosesAt = now;
    }

    /// <summary>
    /// 延长 — moves the close of an open exam later. Attempts in progress whose deadline was the old close
    /// get the time their paper's duration still allows, up to the new close.
    /// </summary>
    public void Extend(DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            throw new DomainException("Only an open exam can be extended; edit an exam that has not opened yet.");
        }

        if (closesAt <= ClosesAt)
        {
            throw new DomainException("The new close must be after the current one.");
        }

        if (closesAt > now.AddDays(366))
        {
            throw new DomainException("The new close must be within a year.");
        }

        ClosesAt = closesAt;
    }

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public void WriteAnalysis(string text, string by, DateTimeOffset at)
    {
        Analysis = text.Trim();
        AnalysisBy = by;
        AnalysisAt = at;
    }
}

/// <summary>Who an exam is for: a person, a team, or everyone in a stage.</summary>
public sealed class ExamAudience : ICachedReference
{
    public int Id { get; private set; }
    public int ExamId { get; private set; }
    public AudienceKind Kind { get; private set; }
    public int? RefId { get; private set; }
    public Stage? Stage { get; private set; }

    private ExamAudience() { }

    internal ExamAudience(AudienceKind kind, int? refId, Stage? stage)
    {
        Kind = kind;
        RefId = refId;
        Stage = stage;
    }
}

internal sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.Property(x => x.Title).HasMaxLength(Exam.TitleMax);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.AnalysisBy).HasMaxLength(256);
        b.HasOne(x => x.Paper).WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Audience).WithOne().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ClosesAt);
    }
}

internal sealed class ExamAudienceConfiguration : IEntityTypeConfiguration<ExamAudience>
{
    public void Configure(EntityTypeBuilder<ExamAudience> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
    }
}
