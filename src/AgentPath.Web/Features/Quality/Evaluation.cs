using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Quality;

public enum EvaluationStatus
{
    /// <summary>Being scored; only inspectors see it.</summary>
    Draft,
    /// <summary>Submitted; the agent is notified and may acknowledge or dispute it within the window.</summary>
    Submitted,
    Acknowledged,
    Disputed,
    /// <summary>A dispute was settled by an arbitrator (score kept or changed as a new version).</summary>
    Settled,
}

/// <summary>问题分类 — the taxonomy of findings (what went wrong on a call).</summary>
public enum FindingTag
{
    /// <summary>业务知识欠缺.</summary>
    BusinessKnowledge,
    /// <summary>流程不规范.</summary>
    Process,
    /// <summary>未按标准话术.</summary>
    Script,
    /// <summary>服务态度.</summary>
    Attitude,
    /// <summary>服务用语不当.</summary>
    Wording,
    /// <summary>语音语调.</summary>
    VoiceAndTone,
    /// <summary>合规问题.</summary>
    Compliance,
    /// <summary>通话冗长 / 不必要的语言 — the seed's "shorter calls, less unnecessary talk".</summary>
    CallLength,
    /// <summary>安抚不到位 — the seed's "effective reassurance".</summary>
    Reassurance,
}

public enum CommentAuthor
{
    Inspector,
    Agent,
    Arbitrator,
}

/// <summary>
/// 质检评分 — one inspector's scoring of one recording with one scorecard version. The scores
/// themselves are the append-only <see cref="EvaluationScore"/> rows: a settled dispute that
/// changes the score adds a version beside the original, naming who, when and why.
/// <see cref="Version"/> guards the draft: two inspectors saving the same draft cannot overwrite
/// each other — the second save is refused as a conflict.
/// </summary>
public sealed class Evaluation : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int CommentMax = 4000;

    public int Id { get; private set; }
    public long RecordingId { get; private set; }
    public Recording Recording { get; private set; } = null!;

    /// <summary>The agent on the call (copied from the recording, for scoping and reports).</summary>
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public int ScorecardVersionId { get; private set; }
    public ScorecardVersion ScorecardVersion { get; private set; } = null!;
    public int InspectorUserId { get; private set; }
    public string InspectorName { get; private set; } = "";

    /// <summary>Set when this is a blind scoring in a calibration session: not shown to the agent, not in reports of agents.</summary>
    public int? CalibrationSessionId { get; private set; }

    /// <summary>The sampling assignment this evaluation works off, if any.</summary>
    public int? AssignmentId { get; private set; }
    public EvaluationStatus Status { get; private set; }

    /// <summary>The draft's item answers (JSON array of {itemId, value}); frozen into a score at submit.</summary>
    public string DraftAnswers { get; private set; } = "[]";
    public string? Comment { get; private set; }

    /// <summary>Optimistic concurrency: each save of the draft increments it.</summary>
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The end of the window in which the agent may dispute.</summary>
    public DateTimeOffset? RespondBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public List<EvaluationScore> Scores { get; private set; } = [];
    public List<EvaluationComment> Comments { get; private set; } = [];
    public List<Finding> Findings { get; private set; } = [];
    public List<Dispute> Disputes { get; private set; } = [];

    private Evaluation() { }

    public Evaluation(Recording recording, ScorecardVersion version, int inspectorUserId, string inspectorName, DateTimeOffset at, int? calibrationSessionId = null, int? assignmentId = null)
    {
        if (version.Status != VersionStatus.Published)
        {
            throw new DomainException("Only a published scorecard version can be used.");
        }

        Recording = recording;
        RecordingId = recording.Id;
        EmployeeId = recording.EmployeeId;
        ScorecardVersion = version;
        ScorecardVersionId = version.Id;
        InspectorUserId = inspectorUserId;
        InspectorName = inspectorName;
        CalibrationSessionId = calibrationSessionId;
        AssignmentId = assignmentId;
        Status = EvaluationStatus.Draft;
        CreatedAt = at;
        Version = 1;
    }

    public EvaluationScore? Latest => Scores.MaxBy(s => s.Number);

    public EvaluationScore? Original => Scores.MinBy(s => s.Number);

    private void EnsureDraft()
    {
        if (Status != EvaluationStatus.Draft)
        {
            throw new DomainException("This evaluation has been submitted; it can no longer be edited.");
        }
    }

    /// <summary>Saves the draft's answers, comment and findings; the caller has checked <see cref="Version"/>.</summary>
    public void SaveDraft(string answersJson, string? comment, IEnumerable<Finding> findings)
    {
        EnsureDraft();
        if (comment is { Length: > CommentMax })
        {
            throw new DomainException("The comment is too long.");
        }

        DraftAnswers = answersJson;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Findings.Clear();
        Findings.AddRange(findings);
        Version++;
    }

    public void AddComment(EvaluationComment comment)
    {
        if (Status is EvaluationStatus.Settled)
        {
            throw new DomainException("This evaluation is settled.");
        }

        Comments.Add(comment);
    }

    /// <summary>Freezes the draft into the first score. Calibration scorings have no window: agents never see them.</summary>
    public void Submit(EvaluationScore score, DateTimeOffset at, DateTimeOffset? respondBy)
    {
        EnsureDraft();
        Scores.Add(score);
        Status = EvaluationStatus.Submitted;
        SubmittedAt = at;
        RespondBy = CalibrationSessionId is null ? respondBy : null;
        Version++;
    }

    public bool CanRespond(DateTimeOffset now) =>
        Status == EvaluationStatus.Submitted && CalibrationSessionId is null && RespondBy is { } by && now <= by;

    public void Acknowledge(DateTimeOffset at)
    {
        if (Status != EvaluationStatus.Submitted || CalibrationSessionId is not null)
        {
            throw new DomainException("Only a submitted evaluation can be acknowledged.");
        }

        Status = EvaluationStatus.Acknowledged;
        AcknowledgedAt = at;
        Version++;
    }

    public Dispute RaiseDispute(string reason, int userId, DateTimeOffset at)
    {
        if (!CanRespond(at))
        {
            throw new DomainException("The time to dispute this evaluation has passed, or it has been answered already.");
        }

        var d = new Dispute(reason, userId, at);
        Disputes.Add(d);
        Status = EvaluationStatus.Disputed;
        Version++;
        return d;
    }

    /// <summary>The arbitrator's decision; a changed score comes in as <paramref name="newScore"/>, beside the original.</summary>
    public void Settle(string decision, EvaluationScore? newScore, int userId, string userName, DateTimeOffset at)
    {
        if (Status != EvaluationStatus.Disputed)
        {
            throw new DomainException("Only a disputed evaluation can be settled.");
        }

        if (userId == InspectorUserId)
        {
            throw new DomainException("The inspector who scored the call cannot settle its dispute.");
        }

        var open = Disputes.Single(d => d.SettledAt is null);
        if (newScore is not null)
        {
            Scores.Add(newScore);
        }

        open.Settle(decision, newScore is not null, userId, userName, at);
        Status = EvaluationStatus.Settled;
        Version++;
    }
}

/// <summary>
/// A score of an evaluation: number 1 is the inspector's; a later number is a correction from a
/// settled dispute, naming the one it supersedes, who, when and why. Never updated or deleted.
/// </summary>
public sealed class EvaluationScore : IAudited
{
    public int Id { get; private set; }
    public int EvaluationId { get; private set; }
    public int Number { get; private set; }
    public decimal Total { get; private set; }
    public bool Passed { get; private set; }
    public bool AutoFailed { get; private set; }
    public int ByUserId { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
    public int? SupersedesId { get; private set; }
    public List<ItemScore> Items { get; private set; } = [];
    public List<SectionScore> Sections { get; private set; } = [];

    private EvaluationScore() { }

    public EvaluationScore(int number, ScorecardMath.Result result, IEnumerable<ScorecardMath.Answer> answers, ScorecardMath.Card card,
        int byUserId, string by, DateTimeOffset at, string? reason, EvaluationScore? supersedes)
    {
        Number = number;
        Total = result.Total;
        Passed = result.Passed;
        AutoFailed = result.AutoFailed;
        ByUserId = byUserId;
        By = by;
        At = at;
        Reason = reason;
        SupersedesId = supersedes?.Id;
        var items = card.Sections.SelectMany(s => s.Items).ToDictionary(i => i.Id);
        foreach (var a in answers)
        {
            Items.Add(new ItemScore(a.ItemId, a.Value, ScorecardMath.Fraction(items[a.ItemId], a.Value)));
        }

        foreach (var s in result.Sections)
        {
            Sections.Add(new SectionScore(s.SectionId, s.Score));
        }
    }
}

/// <summary>One item's answer in a score: a value on its scale, or N/A (null).</summary>
public sealed class ItemScore
{
    public int Id { get; private set; }
    public int ScoreId { get; private set; }
    public int ItemId { get; private set; }
    public decimal? Value { get; private set; }
    public decimal? Fraction { get; private set; }

    private ItemScore() { }

    public ItemScore(int itemId, decimal? value, decimal? fraction)
    {
        ItemId = itemId;
        Value = value;
        Fraction = fraction;
    }
}

/// <summary>A section's (dimension's) score in a score, 0–100, or N/A.</summary>
public sealed class SectionScore
{
    public int Id { get; private set; }
    public int ScoreId { get; private set; }
    public int SectionId { get; private set; }
    public decimal? Score { get; private set; }

    private SectionScore() { }

    public SectionScore(int sectionId, decimal? score)
    {
        SectionId = sectionId;
        Score = score;
    }
}

/// <summary>A comment on an evaluation, optionally pinned to a moment of the call (seconds from its start).</summary>
public sealed class EvaluationComment : IAudited
{
    public const int TextMax = 2000;

    public int Id { get; private set; }
    public int EvaluationId { get; private set; }
    public decimal? AtSecond { get; private set; }
    public string Text { get; private set; } = "";
    public CommentAuthor Author { get; private set; }
    public int ByUserId { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private EvaluationComment() { }

    public EvaluationComment(decimal? atSecond, string text, CommentAuthor author, int byUserId, string by, DateTimeOffset at, int durationSeconds)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMax)
        {
            throw new DomainException("A comment needs a text of at most 2000 characters.");
        }

        if (atSecond is { } s && (s < 0 || s > durationSeconds + 1))
        {
            throw new DomainException("The comment's time is outside the call.");
        }

        AtSecond = atSecond is { } t ? Math.Round(t, 1) : null;
        Text = text.Trim();
        Author = author;
        ByUserId = byUserId;
        By = by;
        At = at;
    }
}

/// <summary>问题 — a problem found on a call, tagged from the taxonomy and, where it belongs to one, a dimension (section).</summary>
public sealed class Finding : IAudited
{
    public const int NoteMax = 1000;

    public int Id { get; private set; }
    public int EvaluationId { get; private set; }
    public FindingTag Tag { get; private set; }
    public int? SectionId { get; private set; }
    public decimal? AtSecond { get; private set; }
    public string? Note { get; private set; }

    private Finding() { }

    public Finding(FindingTag tag, int? sectionId, decimal? atSecond, string? note)
    {
        if (note is { Length: > NoteMax })
        {
            throw new DomainException("A finding's note is at most 1000 characters.");
        }

        Tag = tag;
        SectionId = sectionId;
        AtSecond = atSecond is { } t && t >= 0 ? Math.Round(t, 1) : null;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public enum DisputeOutcome
{
    /// <summary>The score stands.</summary>
    Upheld,
    /// <summary>The score was changed: a new score version.</summary>
    Changed,
}

/// <summary>申诉 — the agent's dispute of an evaluation, with a reason, settled by an arbitrator who did not score it.</summary>
public sealed class Dispute : IAudited
{
    public const int ReasonMax = 2000;

    public int Id { get; private set; }
    public int EvaluationId { get; private set; }
    public string Reason { get; private set; } = "";
    public int RaisedByUserId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DisputeOutcome? Outcome { get; private set; }
    public string? Decision { get; private set; }
    public int? SettledByUserId { get; private set; }
    public string? SettledBy { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }

    private Dispute() { }

    internal Dispute(string reason, int userId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMax)
        {
            throw new DomainException("A dispute needs a reason of at most 2000 characters.");
        }

        Reason = reason.Trim();
        RaisedByUserId = userId;
        RaisedAt = at;
    }

    internal void Settle(string decision, bool changed, int userId, string userName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(decision) || decision.Trim().Length > ReasonMax)
        {
            throw new DomainException("Settling a dispute needs a decision of at most 2000 characters.");
        }

        Decision = decision.Trim();
        Outcome = changed ? DisputeOutcome.Changed : DisputeOutcome.Upheld;
        SettledByUserId = userId;
        SettledBy = userName;
        SettledAt = at;
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.Property(x => x.InspectorName).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Comment).HasMaxLength(Evaluation.CommentMax);
        b.Property(x => x.DraftAnswers).HasMaxLength(20_000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Recording).WithMany().HasForeignKey(x => x.RecordingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ScorecardVersion).WithMany().HasForeignKey(x => x.ScorecardVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.InspectorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Disputes).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EmployeeId, x.Status });
        b.HasIndex(x => x.RecordingId);
        // One open draft per inspector × recording × scorecard version outside calibration; one scoring per inspector in a calibration session.
        b.HasIndex(x => new { x.RecordingId, x.ScorecardVersionId, x.InspectorUserId }).IsUnique()
            .HasFilter("\"Status\" = 'Draft' AND \"CalibrationSessionId\" IS NULL").HasDatabaseName("IX_Evaluations_OneOpenDraft");
        b.HasIndex(x => new { x.CalibrationSessionId, x.InspectorUserId }).IsUnique();
        b.HasIndex(x => x.InspectorUserId);
    }
}

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.Property(x => x.Total).HasPrecision(6, 2);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(Dispute.ReasonMax);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.ScoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(i => i.ScoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EvaluationScore>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EvaluationId, x.Number }).IsUnique();
    }
}

internal sealed class ItemScoreConfiguration : IEntityTypeConfiguration<ItemScore>
{
    public void Configure(EntityTypeBuilder<ItemScore> b)
    {
        b.Property(x => x.Value).HasPrecision(6, 2);
        b.Property(x => x.Fraction).HasPrecision(8, 6);
        b.HasOne<ScorecardItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SectionScoreConfiguration : IEntityTypeConfiguration<SectionScore>
{
    public void Configure(EntityTypeBuilder<SectionScore> b)
    {
        b.Property(x => x.Score).HasPrecision(6, 2);
        b.HasOne<ScorecardSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationCommentConfiguration : IEntityTypeConfiguration<EvaluationComment>
{
    public void Configure(EntityTypeBuilder<EvaluationComment> b)
    {
        b.Property(x => x.Text).HasMaxLength(EvaluationComment.TextMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.AtSecond).HasPrecision(8, 1);
        b.Property(x => x.Author).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(x => x.Note).HasMaxLength(Finding.NoteMax);
        b.Property(x => x.AtSecond).HasPrecision(8, 1);
        b.Property(x => x.Tag).HasConversion<string>().HasMaxLength(24);
        b.HasOne<ScorecardSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.Property(x => x.Reason).HasMaxLength(Dispute.ReasonMax);
        b.Property(x => x.Decision).HasMaxLength(Dispute.ReasonMax);
        b.Property(x => x.SettledBy).HasMaxLength(256);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
    }
}
