using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

public enum PaperMode
{
    /// <summary>固定试卷 — chosen questions.</summary>
    Fixed,
    /// <summary>随机组卷 — N questions per knowledge area and difficulty, drawn per attempt.</summary>
    Drawn,
}

/// <summary>When an agent sees the right answers and explanations of a submitted attempt.</summary>
public enum ReviewTime
{
    Never,
    AfterSubmit,
    AfterClose,
}

/// <summary>试卷 — what an exam asks: fixed questions or draw rules, points, time, pass mark and review settings.</summary>
public sealed class Paper : IAudited, ICachedReference
{
    public const int TitleMax = 200;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public PaperMode Mode { get; private set; }
    public bool ShuffleQuestions { get; private set; }
    public bool ShuffleOptions { get; private set; }
    public int DurationMinutes { get; private set; }

    /// <summary>Pass mark as a percentage of the paper's points.</summary>
    public decimal PassPercent { get; private set; }
    public ReviewTime ShowAnswers { get; private set; }
    public List<PaperItem> Items { get; private set; } = [];
    public List<PaperDrawRule> DrawRules { get; private set; } = [];

    private Paper() { }

    public Paper(string title, PaperMode mode, int durationMinutes, decimal passPercent, bool shuffleQuestions, bool shuffleOptions, ReviewTime showAnswers) =>
        Update(title, mode, durationMinutes, passPercent, shuffleQuestions, shuffleOptions, showAnswers);

    /// <summary>Changes the settings and empties the questions and rules, which the caller adds again. Only for a paper no exam uses yet.</summary>
    public void Update(string title, PaperMode mode, int durationMinutes, decimal passPercent, bool shuffleQuestions, bool shuffleOptions, ReviewTime showAnswers)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > TitleMax)
        {
            throw new DomainException("A paper needs a title of at most 200 characters.");
        }

        if (durationMinutes is < 1 or > 600)
        {
            throw new DomainException("The duration must be 1 to 600 minutes.");
        }

        if (passPercent is < 0 or > 100)
        {
            throw new DomainException("The pass mark must be 0 to 100.");
        }

        Title = title.Trim();
        Mode = mode;
        DurationMinutes = durationMinutes;
        PassPercent = passPercent;
        ShuffleQuestions = shuffleQuestions;
        ShuffleOptions = shuffleOptions;
        ShowAnswers = showAnswers;
        Items.Clear();
        DrawRules.Clear();
    }

    public void AddQuestion(Question q, decimal points)
    {
        if (Mode != PaperMode.Fixed)
        {
            throw new DomainException("Questions are chosen only on a fixed paper.");
        }

        if (points <= 0)
        {
            throw new DomainException("Points must be more than 0 and at most 100.");
        }

        if (Items.Any(i => i.Question.FamilyId == q.FamilyId))
        {
            throw new DomainException("The question is already on the paper.");
        }

        Items.Add(new PaperItem(q, Items.Count + 1, points));
    }

    public void AddDrawRule(KnowledgeArea area, int? difficulty, int count, decimal pointsEach)
    {
        if (Mode != PaperMode.Drawn)
        {
            throw new DomainException("Draw rules belong only to a drawn paper.");
        }

        if (count < 1 || pointsEach <= 0)
        {
            throw new DomainException("A draw rule needs a count of at least 1 and points above 0.");
        }

        DrawRules.Add(new PaperDrawRule(area, difficulty, count, pointsEach));
    }

    public decimal MaxPoints => Mode == PaperMode.Fixed ? Items.Sum(i => i.Points) : DrawRules.Sum(r => r.Count * r.PointsEach);
}

/// <summary>A question on a fixed paper, with its points. It names the version that was current when added; attempts show the current version of its family.</summary>
public sealed class PaperItem : ICachedReference
{
    public int Id { get; private set; }
    public int PaperId { get; private set; }
    public int QuestionId { get; private set; }
    public Question Question { get; private set; } = null!;
    public int Order { get; private set; }
    public decimal Points { get; private set; }

    private PaperItem() { }

    internal PaperItem(Question q, int order, decimal points)
    {
        Question = q;
        QuestionId = q.Id;
        Order = order;
        Points = points;
    }
}

/// <summary>N questions from a knowledge area (and optionally one difficulty), each worth the same points.</summary>
public sealed class PaperDrawRule : ICachedReference
{
    public int Id { get; private set; }
    public int PaperId { get; private set; }
    public int AreaId { get; private set; }
    public KnowledgeArea Area { get; private set; } = null!;
    public int? Difficulty { get; private set; }
    public int Count { get; private set; }
    public decimal PointsEach { get; private set; }

    private PaperDrawRule() { }

    internal PaperDrawRule(KnowledgeArea area, int? difficulty, int count, decimal pointsEach)
    {
        Area = area;
        AreaId = area.Id;
        Difficulty = difficulty;
        Count = count;
        PointsEach = pointsEach;
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> b)
    {
        b.Property(x => x.Title).HasMaxLength(Paper.TitleMax);
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ShowAnswers).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PassPercent).HasPrecision(5, 2);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.DrawRules).WithOne().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.MaxPoints);
    }
}

internal sealed class PaperItemConfiguration : IEntityTypeConfiguration<PaperItem>
{
    public void Configure(EntityTypeBuilder<PaperItem> b)
    {
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.HasOne(x => x.Question).WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperDrawRuleConfiguration : IEntityTypeConfiguration<PaperDrawRule>
{
    public void Configure(EntityTypeBuilder<PaperDrawRule> b)
    {
        b.Property(x => x.PointsEach).HasPrecision(9, 2);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
