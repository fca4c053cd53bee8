using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

public enum RetrainingStatus
{
    /// <summary>Assigned; waits for the follow-up assessment to pass.</summary>
    Open,
    /// <summary>The follow-up assessment passed.</summary>
    Done,
    /// <summary>Withdrawn by whoever may assign it (e.g. the person left).</summary>
    Cancelled,
}

/// <summary>
/// 针对性的再培训 — targeted retraining of one person on a topic (SPEC R3.3), with an owner who
/// delivers it and a due date. It is done only when a follow-up assessment passes, not when
/// someone ticks it off: that is the follow-up the anchors' coaching rarely gets. The task keeps
/// the score before (baseline) and the follow-up's score, so the effect can be shown.
/// Training does not know who raised it: <see cref="Source"/> and <see cref="SourceRef"/> name it.
/// </summary>
public sealed class RetrainingTask : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TopicMax = 200;
    public const int NoteMax = 2000;
    public const int SourceMax = 32;
    public const int RefMax = 200;

    public int Id { get; private set; }
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;

    /// <summary>What to retrain, e.g. a scorecard dimension ("服务用语").</summary>
    public string Topic { get; private set; } = "";

    /// <summary>A key the source uses to match the follow-up (a dimension name, a finding tag).</summary>
    public string? FocusKey { get; private set; }
    public string Note { get; private set; } = "";

    /// <summary>Who delivers the retraining (a team lead, trainer or QA inspector account).</summary>
    public int OwnerUserId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public RetrainingStatus Status { get; private set; }

    /// <summary>"Quality" for a task raised from QA findings.</summary>
    public string Source { get; private set; } = "";
    public string? SourceRef { get; private set; }

    /// <summary>The person's score on the topic before retraining (0–100), when the source knows one.</summary>
    public decimal? BaselineScore { get; private set; }
    public string AssignedBy { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>The follow-up assessment that passed, as the source names it (e.g. "Evaluation:42").</summary>
    public string? FollowUpRef { get; private set; }
    public decimal? FollowUpScore { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    private RetrainingTask() { }

    public RetrainingTask(int employeeId, string topic, string? focusKey, string note, int ownerUserId, string ownerName, DateOnly dueOn, DateOnly today,
        string source, string? sourceRef, decimal? baseline, string assignedBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > TopicMax)
        {
            throw new DomainException("Retraining needs a topic of at most 200 characters.");
        }

        if (dueOn < today)
        {
            throw new DomainException("The due date cannot be in the past.");
        }

        if (dueOn > today.AddDays(90))
        {
            throw new DomainException("Retraining is due within 90 days.");
        }

        EmployeeId = employeeId;
        Topic = topic.Trim();
        FocusKey = focusKey;
        Note = note.Length > NoteMax ? note[..NoteMax] : note.Trim();
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        DueOn = dueOn;
        Status = RetrainingStatus.Open;
        Source = source.Length > SourceMax ? source[..SourceMax] : source;
        SourceRef = sourceRef is { Length: > RefMax } ? sourceRef[..RefMax] : sourceRef;
        BaselineScore = baseline;
        AssignedBy = assignedBy;
        AssignedAt = at;
    }

    public bool IsOverdue(DateOnly today) => Status == RetrainingStatus.Open && today > DueOn;

    /// <summary>The follow-up assessment passed: the retraining is done.</summary>
    public void CompleteByFollowUp(string followUpRef, decimal score, bool passed, DateTimeOffset at)
    {
        if (Status != RetrainingStatus.Open)
        {
            throw new DomainException("This retraining is not open.");
        }

        if (!passed)
        {
            throw new DomainException("Retraining is done only when the follow-up assessment passes.");
        }

        FollowUpRef = followUpRef;
        FollowUpScore = score;
        DoneAt = at;
        Status = RetrainingStatus.Done;
    }

    public void Cancel()
    {
        if (Status != RetrainingStatus.Open)
        {
            throw new DomainException("This retraining is not open.");
        }

        Status = RetrainingStatus.Cancelled;
    }
}

internal sealed class RetrainingTaskConfiguration : IEntityTypeConfiguration<RetrainingTask>
{
    public void Configure(EntityTypeBuilder<RetrainingTask> b)
    {
        b.Property(x => x.Topic).HasMaxLength(RetrainingTask.TopicMax);
        b.Property(x => x.FocusKey).HasMaxLength(RetrainingTask.TopicMax);
        b.Property(x => x.Note).HasMaxLength(RetrainingTask.NoteMax);
        b.Property(x => x.OwnerName).HasMaxLength(256);
        b.Property(x => x.Source).HasMaxLength(RetrainingTask.SourceMax);
        b.Property(x => x.SourceRef).HasMaxLength(RetrainingTask.RefMax);
        b.Property(x => x.FollowUpRef).HasMaxLength(RetrainingTask.RefMax);
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.BaselineScore).HasPrecision(6, 2);
        b.Property(x => x.FollowUpScore).HasPrecision(6, 2);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EmployeeId, x.Status });
    }
}
