using System.Text.Json;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

/// <summary>知识点 — a knowledge area of the question bank: products, medical knowledge, scripts… and the general-skills categories (SPEC R6.2).</summary>
public sealed class KnowledgeArea : IAudited
{
    public const int NameMax = 64;

    public int Id { get; private set; }
    public int? ParentId { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    private KnowledgeArea() { }

    public KnowledgeArea(string name, string nameEn, KnowledgeArea? parent = null)
    {
        Name = name;
        NameEn = nameEn;
        ParentId = parent?.Id;
        Parent = parent;
    }

    public KnowledgeArea? Parent { get; private set; }

    /// <summary>Renames the area or moves it under another; refuses a move that would make it its own ancestor.</summary>
    public void Update(string name, string nameEn, KnowledgeArea? parent)
    {
        for (var p = parent; p is not null; p = p.Parent)
        {
            if (p.Id == Id)
            {
                throw new DomainException("A knowledge area cannot be placed under itself or one of its own sub-areas.");
            }
        }

        Name = name;
        NameEn = nameEn;
        ParentId = parent?.Id;
        Parent = parent;
    }

    public string DisplayName(bool chinese) => chinese || NameEn.Length == 0 ? Name : NameEn;
}

public enum QuestionStatus
{
    Draft,
    Active,
    Retired,
}

/// <summary>An option of a choice question. <see cref="Fraction"/> is Moodle's share of the points (1 = right).</summary>
public sealed record QuestionOption(int Id, string Text, decimal Fraction, string? Feedback = null);

/// <summary>
/// 试题 — one version of a question. Versions of the same question share <see cref="FamilyId"/>.
/// Editing a question that an attempt has shown makes a new version; the attempt keeps the one it showed.
/// </summary>
public sealed class Question : IAudited, ICachedReference
{
    public const int NameMax = 200;
    public const int TextMax = 8000;

    public int Id { get; private set; }
    public Guid FamilyId { get; private set; }
    public int Version { get; private set; }
    public bool IsCurrent { get; private set; }
    public int AreaId { get; private set; }
    public KnowledgeArea Area { get; private set; } = null!;
    public QuestionType Type { get; private set; }
    public string Name { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string OptionsJson { get; private set; } = "[]";
    public string AcceptedAnswersJson { get; private set; } = "[]";
    public MultipleScoring MultipleScoring { get; private set; }
    public string? Explanation { get; private set; }
    public string? Rubric { get; private set; }
    public int Difficulty { get; private set; }
    public decimal DefaultPoints { get; private set; }
    public QuestionStatus Status { get; private set; }
    public string Tags { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private Question() { }

    public static Question Create(QuestionDraft d, KnowledgeArea area, DateTimeOffset at, QuestionStatus status = QuestionStatus.Active)
    {
        var q = new Question { FamilyId = Guid.NewGuid(), Version = 1, IsCurrent = true, CreatedAt = at, Status = status };
        q.Apply(d, area);
        return q;
    }

    /// <summary>A new version carrying the edit; this one stops being current. Used once an attempt has shown this version.</summary>
    public Question NewVersion(QuestionDraft d, KnowledgeArea area, DateTimeOffset at)
    {
        IsCurrent = false;
        var q = new Question { FamilyId = FamilyId, Version = Version + 1, IsCurrent = true, CreatedAt = at, Status = Status };
        q.Apply(d, area);
        return q;
    }

    /// <summary>Edits this version in place — only while no attempt has shown it.</summary>
    public void Edit(QuestionDraft d, KnowledgeArea area) => Apply(d, area);

    public void SetStatus(QuestionStatus status) => Status = status;

    /// <summary>
    /// Corrects this version's key in place — the key was wrong, so every attempt that showed it
    /// must be regraded (<see cref="ExamEngine.RegradeAsync"/>). The text and options stay as shown.
    /// </summary>
    public void CorrectKey(IReadOnlyDictionary<int, decimal> fractions, IReadOnlyList<string> acceptedAnswers)
    {
        var options = Options.Select(o => o with { Fraction = fractions.TryGetValue(o.Id, out var f) ? f : o.Fraction }).ToList();
        var draft = ToDraft() with
        {
            Options = Type is QuestionType.Single or QuestionType.Multiple ? options.Select(o => new OptionDraft(o.Text, o.Fraction, o.Feedback)).ToList() : [],
            TrueFalseAnswer = Type == QuestionType.TrueFalse ? options.First(o => o.Id == 1).Fraction > 0 : null,
            AcceptedAnswers = Type == QuestionType.FillIn ? acceptedAnswers : [],
        };
        var problems = QuestionRules.Check(draft);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0]);
        }

        OptionsJson = JsonSerializer.Serialize(options);
        AcceptedAnswersJson = JsonSerializer.Serialize(draft.AcceptedAnswers.Select(a => a.Trim()).Where(a => a.Length > 0).ToList());
    }

    private void Apply(QuestionDraft d, KnowledgeArea area)
    {
        var problems = QuestionRules.Check(d);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0]);
        }

        Area = area;
        AreaId = area.Id;
        Type = d.Type;
        Name = d.Name.Trim().Length > NameMax ? d.Name.Trim()[..NameMax] : d.Name.Trim();
        Text = d.Text.Trim();
        var options = d.Type == QuestionType.TrueFalse
            ? [new QuestionOption(1, "True", d.TrueFalseAnswer == true ? 1 : 0), new QuestionOption(2, "False", d.TrueFalseAnswer == false ? 1 : 0)]
            : d.Options.Select((o, i) => new QuestionOption(i + 1, o.Text.Trim(), o.Fraction, o.Feedback)).ToList();
        OptionsJson = JsonSerializer.Serialize(options);
        AcceptedAnswersJson = JsonSerializer.Serialize(d.AcceptedAnswers.Select(a => a.Trim()).Where(a => a.Length > 0).ToList());
        MultipleScoring = d.MultipleScoring;
        Explanation = string.IsNullOrWhiteSpace(d.Explanation) ? null : d.Explanation.Trim();
        Rubric = string.IsNullOrWhiteSpace(d.Rubric) ? null : d.Rubric.Trim();
        Difficulty = Math.Clamp(d.Difficulty, 1, 5);
        DefaultPoints = d.DefaultPoints;
        Tags = string.Join(",", d.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct());
    }

    public IReadOnlyList<QuestionOption> Options => JsonSerializer.Deserialize<List<QuestionOption>>(OptionsJson) ?? [];

    public IReadOnlyList<string> AcceptedAnswers => JsonSerializer.Deserialize<List<string>>(AcceptedAnswersJson) ?? [];

    public QuestionKey Key => new(Type, Options, AcceptedAnswers, MultipleScoring);

    public QuestionDraft ToDraft(string? category = null) => new()
    {
        Name = Name,
        Type = Type,
        Text = Text,
        Options = Type is QuestionType.Single or QuestionType.Multiple ? Options.Select(o => new OptionDraft(o.Text, o.Fraction, o.Feedback)).ToList() : [],
        AcceptedAnswers = Type == QuestionType.FillIn ? AcceptedAnswers : [],
        TrueFalseAnswer = Type == QuestionType.TrueFalse ? Options.First(o => o.Id == 1).Fraction > 0 : null,
        Explanation = Explanation,
        Rubric = Rubric,
        Category = category,
        Difficulty = Difficulty,
        Tags = Tags.Length == 0 ? [] : Tags.Split(','),
        DefaultPoints = DefaultPoints,
        MultipleScoring = MultipleScoring,
    };
}

/// <summary>The rules every question obeys, whoever writes it (editor, import). Messages are resource keys.</summary>
public static class QuestionRules
{
    public static IReadOnlyList<string> Check(QuestionDraft d)
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Text))
        {
            p.Add("The question has no text.");
        }

        if (d.Text?.Length > Question.TextMax)
        {
            p.Add("The question text is too long.");
        }

        if (d.DefaultPoints <= 0 || d.DefaultPoints > 100)
        {
            p.Add("Points must be more than 0 and at most 100.");
        }

        switch (d.Type)
        {
            case QuestionType.Single:
                if (d.Options.Count < 2)
                {
                    p.Add("A choice question needs at least two options.");
                }
                else if (d.Options.Count(o => o.Fraction >= 1) != 1)
                {
                    p.Add("A single-choice question needs exactly one right option.");
                }

                break;
            case QuestionType.Multiple:
                if (d.Options.Count < 2)
                {
                    p.Add("A choice question needs at least two options.");
                }
                else if (!d.Options.Any(o => o.Fraction > 0))
                {
                    p.Add("A multiple-choice question needs at least one right option.");
                }

                break;
            case QuestionType.TrueFalse:
                if (d.TrueFalseAnswer is null)
                {
                    p.Add("A true/false question needs its answer.");
                }

                break;
            case QuestionType.FillIn:
                if (!d.AcceptedAnswers.Any(a => !string.IsNullOrWhiteSpace(a)))
                {
                    p.Add("A fill-in question needs at least one accepted answer.");
                }

                break;
        }

        if (d.Options.Any(o => string.IsNullOrWhiteSpace(o.Text)))
        {
            p.Add("An option has no text.");
        }

        return p;
    }
}

internal sealed class KnowledgeAreaConfiguration : IEntityTypeConfiguration<KnowledgeArea>
{
    public void Configure(EntityTypeBuilder<KnowledgeArea> b)
    {
        b.Property(x => x.Name).HasMaxLength(KnowledgeArea.NameMax);
        b.Property(x => x.NameEn).HasMaxLength(KnowledgeArea.NameMax);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(x => x.Name).HasMaxLength(Question.NameMax);
        b.Property(x => x.Text).HasMaxLength(Question.TextMax);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.MultipleScoring).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Tags).HasMaxLength(500);
        b.Property(x => x.DefaultPoints).HasPrecision(9, 2);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FamilyId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.IsCurrent });
        b.Ignore(x => x.Options);
        b.Ignore(x => x.AcceptedAnswers);
        b.Ignore(x => x.Key);
    }
}
