using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>What a gate part measures; each kind has one source of its number (see <see cref="IGatePartSource"/>).</summary>
public enum GatePartKind
{
    /// <summary>理论知识笔试 — the written theory test: an exam of kind gate test.</summary>
    WrittenTest,
    /// <summary>录音质检评分 — the QA score of the trainee's recordings.</summary>
    RecordingQa,
    /// <summary>模拟演练接线评分 — the mock-call score.</summary>
    MockCall,
    /// <summary>每日跟踪评估 — the average of the daily evaluations by team lead and supervisor.</summary>
    DailyEvaluations,
    /// <summary>质检抽查 — the QA department's random checks of the apprentice's recordings.</summary>
    QaChecks,
    /// <summary>组长评定 — the team lead's assessment.</summary>
    LeadAssessment,
    /// <summary>业务考试 — the business exam.</summary>
    BusinessExam,
    /// <summary>质检标准 — meeting the QA standard.</summary>
    QaStandard,
    /// <summary>在岗培训课时 — on-the-job training hours against the target.</summary>
    TrainingHours,
}

/// <summary>
/// 培训考核 — the gate at the exit of a stage (SPEC R1.3): a weighted composite of parts, each with an
/// optional minimum; pass mark 80 unless configured; a number of retakes (补考).
/// Versioned: a change by the training manager makes a new version (<see cref="Revise"/>) and retires
/// this one; each <see cref="GateResult"/> names the version it was decided under, so old results and
/// their printed records keep the rules they were decided by. One current version per stage
/// (a filtered unique index) and a concurrency token make two racing changes one new version.
/// </summary>
public sealed class GateDefinition : IAudited, IVersioned
{
    public const int NameMax = 100;
    public const int ChangeNoteMax = 500;

    public int Id { get; private set; }

    /// <summary>1 for the first version of the stage's gate, counting up with each change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>When a newer version replaced this one; null for the current version.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>When and by whom this version was made, and why (null for the version set up at installation).</summary>
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public string? ChangeNote { get; private set; }

    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>The stage whose exit this gate guards.</summary>
    public Stage Stage { get; private set; }
    public string Name { get; private set; } = "";
    public decimal PassMark { get; private set; }

    /// <summary>How many retakes a failure allows before elimination.</summary>
    public int RetakesAllowed { get; private set; }
    public List<GatePart> Parts { get; private set; } = [];

    private GateDefinition() { }

    public GateDefinition(Stage stage, string name, decimal passMark, int retakesAllowed)
    {
        if (stage is not (Stage.Induction or Stage.Apprenticeship or Stage.Probation))
        {
            throw new DomainException("Only induction, apprenticeship and probation end in a gate.");
        }

        Stage = stage;
        Configure(name, passMark, retakesAllowed);
    }

    public void Configure(string name, decimal passMark, int retakesAllowed)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw new DomainException("A gate needs a name of at most 100 characters.");
        }

        if (passMark is < 1 or > 100)
        {
            throw new DomainException("The pass mark must be between 1 and 100.");
        }

        if (passMark != decimal.Round(passMark, 1))
        {
            throw new DomainException("The pass mark, weights and minimums have at most one decimal.");
        }

        if (retakesAllowed is < 0 or > 5)
        {
            throw new DomainException("Retakes allowed must be 0 to 5.");
        }

        Name = name.Trim();
        PassMark = passMark;
        RetakesAllowed = retakesAllowed;
    }

    /// <summary>
    /// The next version with the given rules (name, pass mark, retakes and the parts' weights, minimums
    /// and targets); this one is retired. Only the current version can be revised, and only with a reason.
    /// </summary>
    public GateDefinition Revise(string name, decimal passMark, int retakesAllowed,
        IEnumerable<(GatePartKind Kind, decimal Weight, decimal? Minimum, decimal? Target)> parts, string? note, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new DomainException("Only the current version of a gate can be changed; a newer one was saved meanwhile.");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > ChangeNoteMax)
        {
            throw new DomainException("Say why the gate changes (at most 500 characters).");
        }

        var next = new GateDefinition(Stage, name, passMark, retakesAllowed) { Version = Version + 1, ChangedAt = at, ChangedBy = by, ChangeNote = note.Trim() };
        next.SetParts(parts);
        if (next.Name == Name && next.PassMark == PassMark && next.RetakesAllowed == RetakesAllowed
            && next.Parts.Select(p => (p.Kind, p.Weight, p.Minimum, p.Target)).SequenceEqual(Parts.OrderBy(p => p.Order).Select(p => (p.Kind, p.Weight, p.Minimum, p.Target))))
        {
            throw new DomainException("Nothing was changed.");
        }

        SupersededAt = at;
        return next;
    }

    /// <summary>Replaces the parts. Weights must add up to 100; minimums lie in 0–100.</summary>
    public void SetParts(IEnumerable<(GatePartKind Kind, decimal Weight, decimal? Minimum, decimal? Target)> parts)
    {
        var list = parts.ToList();
        if (list.Count == 0 || list.Select(p => p.Kind).Distinct().Count() != list.Count)
        {
            throw new DomainException("A gate needs parts, each kind once.");
        }

        if (list.Any(p => p.Weight <= 0) || list.Sum(p => p.Weight) != 100)
        {
            throw new DomainException("The weights of a gate's parts must be positive and add up to 100.");
        }

        if (list.Any(p => p.Minimum is < 0 or > 100))
        {
            throw new DomainException("A minimum must be between 0 and 100.");
        }

        if (list.Any(p => p.Weight != decimal.Round(p.Weight, 1) || p.Minimum is { } m && m != decimal.Round(m, 1)))
        {
            throw new DomainException("The pass mark, weights and minimums have at most one decimal.");
        }

        if (list.Any(p => p.Target is { } t && (t is <= 0 or > 1000 || t != decimal.Round(t, 1))))
        {
            throw new DomainException("The hours target must be between 0.1 and 1000.");
        }

        Parts.Clear();
        var order = 0;
        foreach (var p in list)
        {
            Parts.Add(new GatePart(p.Kind, p.Weight, p.Minimum, p.Target, ++order));
        }
    }
}

/// <summary>One part of a gate: its kind, weight (percent of the composite), optional minimum, and for hours the target.</summary>
public sealed class GatePart
{
    public int Id { get; private set; }
    public int GateDefinitionId { get; private set; }
    public GatePartKind Kind { get; private set; }
    public decimal Weight { get; private set; }
    public decimal? Minimum { get; private set; }

    /// <summary>For <see cref="GatePartKind.TrainingHours"/>: the hours that score 100.</summary>
    public decimal? Target { get; private set; }
    public int Order { get; private set; }

    private GatePart() { }

    internal GatePart(GatePartKind kind, decimal weight, decimal? minimum, decimal? target, int order)
    {
        Kind = kind;
        Weight = weight;
        Minimum = minimum;
        Target = target;
        Order = order;
    }
}

public enum GateOutcome
{
    /// <summary>合格 — passed; the person moves on.</summary>
    Passed,
    /// <summary>不合格，再培训后补考 — failed; retraining and a retake follow.</summary>
    Retake,
    /// <summary>不合格，淘汰 — failed and eliminated.</summary>
    Eliminated,
}

/// <summary>
/// 考核结果 — one sitting of a gate by one person, signed by the assessor with their name and time.
/// The numbers of every part are kept as they were, with where they came from. Append-only: a
/// correction is a new result naming the one it supersedes (SPEC R10.4: complete, signed, unchanged).
/// </summary>
public sealed class GateResult : IAudited
{
    public const int NoteMax = 1000;

    public long Id { get; private set; }
    public int EmployeeId { get; private set; }
    public int GateDefinitionId { get; private set; }
    public Stage Stage { get; private set; }

    /// <summary>1 for the first sitting, 2 for the first retake (补考), …</summary>
    public int Sitting { get; private set; }
    public decimal Composite { get; private set; }
    public decimal PassMark { get; private set; }
    public bool Passed { get; private set; }
    public GateOutcome Outcome { get; private set; }
    public StageReason? EliminationReason { get; private set; }
    public string? Note { get; private set; }
    public DateOnly On { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? AssessorUserId { get; private set; }
    public string AssessorName { get; private set; } = "";
    public long? SupersedesId { get; private set; }
    public List<GateResultPart> Parts { get; private set; } = [];

    /// <summary>The round of sittings: 1 + the stage events into this stage before the sitting (a reinstatement starts a new round); with the sitting it is unique per person and stage.</summary>
    public int Round { get; private set; } = 1;

    private GateResult() { }

    public GateResult(int employeeId, GateDefinition gate, int sitting, GateComposite composite, GateOutcome outcome, StageReason? eliminationReason,
        string? note, DateOnly on, DateTimeOffset at, int? assessorUserId, string assessorName, int round = 1)
    {
        Round = Math.Max(1, round);
        if (composite.Passed != (outcome == GateOutcome.Passed))
        {
            throw new DomainException(composite.Passed ? "A passed gate cannot be recorded as failed." : "A failed gate cannot be recorded as passed.");
        }

        if (outcome == GateOutcome.Eliminated && eliminationReason is null)
        {
            throw new DomainException("An elimination needs a reason.");
        }

        if (note?.Trim() is { Length: > NoteMax })
        {
            throw new DomainException("The note is too long.");
        }

        EmployeeId = employeeId;
        GateDefinitionId = gate.Id;
        Stage = gate.Stage;
        Sitting = sitting;
        Composite = composite.Score;
        PassMark = composite.PassMark;
        Passed = composite.Passed;
        Outcome = outcome;
        EliminationReason = outcome == GateOutcome.Eliminated ? eliminationReason : null;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        On = on;
        At = at;
        AssessorUserId = assessorUserId;
        AssessorName = assessorName;
        Parts = composite.Parts.Select(p => new GateResultPart(p.Kind, p.Weight, p.Minimum, p.Score!.Value, p.Source, p.Reference)).ToList();
    }

    public bool IsRetake => Sitting > 1;
}

/// <summary>One part of a gate result as it was scored, with its source ("Exam", "Evaluations", "Hours", "Entered") and reference.</summary>
public sealed class GateResultPart
{
    public const int ReferenceMax = 300;

    public long Id { get; private set; }
    public long GateResultId { get; private set; }
    public GatePartKind Kind { get; private set; }
    public decimal Weight { get; private set; }
    public decimal? Minimum { get; private set; }
    public decimal Score { get; private set; }
    public string Source { get; private set; } = "";
    public string? Reference { get; private set; }

    private GateResultPart() { }

    internal GateResultPart(GatePartKind kind, decimal weight, decimal? minimum, decimal score, string source, string? reference)
    {
        Kind = kind;
        Weight = weight;
        Minimum = minimum;
        Score = score;
        Source = source;
        Reference = reference is { Length: > ReferenceMax } r ? r[..ReferenceMax] : reference;
    }
}

/// <summary>A part with its number, as the composite sees it.</summary>
public sealed record ScoredPart(GatePartKind Kind, decimal Weight, decimal? Minimum, decimal? Score, string Source, string? Reference)
{
    public bool Missing => Score is null;
    public bool BelowMinimum => Score is { } s && Minimum is { } m && s < m;
}

/// <summary>The composite of a gate: the weighted score, which parts are missing or under their minimum, and whether it passes.</summary>
public sealed record GateComposite(decimal Score, decimal PassMark, bool Passed, IReadOnlyList<ScoredPart> Parts)
{
    public IEnumerable<ScoredPart> Missing => Parts.Where(p => p.Missing);
    public IEnumerable<ScoredPart> BelowMinimum => Parts.Where(p => p.BelowMinimum);
    public bool Complete => Parts.All(p => !p.Missing);

    /// <summary>
    /// Σ weight × score / Σ weight, rounded half away from zero to one decimal. It passes when every
    /// part has a number, none is under its minimum, and the composite reaches the pass mark.
    /// </summary>
    public static GateComposite Compute(IReadOnlyList<ScoredPart> parts, decimal passMark)
    {
        var weight = parts.Sum(p => p.Weight);
        var score = weight == 0 ? 0 : Math.Round(parts.Sum(p => p.Weight * (p.Score ?? 0)) / weight, 1, MidpointRounding.AwayFromZero);
        var passed = parts.Count > 0 && parts.All(p => !p.Missing && !p.BelowMinimum) && score >= passMark;
        return new GateComposite(score, passMark, passed, parts);
    }

    /// <summary>What may follow a sitting: a pass, a retake (while retakes remain), or only elimination.</summary>
    public static GateOutcome[] AllowedOutcomes(bool passed, int sitting, int retakesAllowed) =>
        passed ? [GateOutcome.Passed]
        : sitting <= retakesAllowed ? [GateOutcome.Retake, GateOutcome.Eliminated]
        : [GateOutcome.Eliminated];
}

internal sealed class GateDefinitionConfiguration : IEntityTypeConfiguration<GateDefinition>
{
    public void Configure(EntityTypeBuilder<GateDefinition> b)
    {
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        // One current version per stage; versions numbered once per stage.
        b.HasIndex(x => x.Stage).IsUnique().HasFilter("\"SupersededAt\" IS NULL").HasDatabaseName("IX_GateDefinitions_OneCurrent");
        b.HasIndex(x => new { x.Stage, x.Version }).IsUnique();
        b.Property(x => x.Version).HasDefaultValue(1);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.ChangeNote).HasMaxLength(GateDefinition.ChangeNoteMax);
        b.Ignore(x => x.IsCurrent);
        b.Property(x => x.Name).HasMaxLength(GateDefinition.NameMax);
        b.Property(x => x.PassMark).HasPrecision(5, 1);
        b.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.GateDefinitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GatePartConfiguration : IEntityTypeConfiguration<GatePart>
{
    public void Configure(EntityTypeBuilder<GatePart> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Weight).HasPrecision(5, 1);
        b.Property(x => x.Minimum).HasPrecision(5, 1);
        b.Property(x => x.Target).HasPrecision(7, 1);
    }
}

internal sealed class GateResultConfiguration : IEntityTypeConfiguration<GateResult>
{
    public void Configure(EntityTypeBuilder<GateResult> b)
    {
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.EliminationReason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Composite).HasPrecision(5, 1);
        b.Property(x => x.PassMark).HasPrecision(5, 1);
        b.Property(x => x.Note).HasMaxLength(GateResult.NoteMax);
        b.Property(x => x.AssessorName).HasMaxLength(256);
        // One decision, one record: a person sits each sitting of a stage's gate once per entry into the stage.
        b.HasIndex(x => new { x.EmployeeId, x.Stage, x.Round, x.Sitting }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GateDefinition>().WithMany().HasForeignKey(x => x.GateDefinitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GateResult>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.GateResultId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsRetake);
    }
}

internal sealed class GateResultPartConfiguration : IEntityTypeConfiguration<GateResultPart>
{
    public void Configure(EntityTypeBuilder<GateResultPart> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Weight).HasPrecision(5, 1);
        b.Property(x => x.Minimum).HasPrecision(5, 1);
        // Scores keep the precision their source gives (QA averages, exam percentages, entered paper scores): two decimals.
        b.Property(x => x.Score).HasPrecision(5, 2);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.Reference).HasMaxLength(GateResultPart.ReferenceMax);
    }
}
