using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Coaching;

/// <summary>
/// 工作标准模板 — a work standard the team lead coaches against (SPEC R3.1): consultation call, callback call, order entry, complaint handling….
/// The list an apprentice is coached on is the one in force on the first day of their apprenticeship: the training manager's change is a
/// new version from today (<see cref="InForceFrom"/>) and the old one is retired from today (<see cref="RetiredOn"/>), so existing
/// apprenticeships keep theirs and the steps recorded keep the standard they were recorded on. Nothing is overwritten.
/// </summary>
public sealed class WorkStandardTemplate : IAudited, IVersioned
{
    public const int NameMax = 64;
    public const int DescriptionMax = 2000;
    public const int ChangeNoteMax = 500;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Description { get; private set; } = "";
    public bool Active { get; private set; } = true;

    /// <summary>1 for a new standard, counting up with each change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The version this one replaced; null for a new standard. Unique: one successor per version.</summary>
    public int? PreviousId { get; private set; }

    /// <summary>The first apprenticeship start day (center time) this standard applies to; null = since installation.</summary>
    public DateOnly? InForceFrom { get; private set; }

    /// <summary>Apprenticeships starting on or after this day (center time) no longer get it; null while in force.</summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>When and by whom this version was made, and why (null for the standards set up at installation).</summary>
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public string? ChangeNote { get; private set; }

    /// <summary>Who removed the standard and why.</summary>
    public string? RetiredBy { get; private set; }
    public string? RetireNote { get; private set; }

    /// <summary>Optimistic-concurrency token: of two changes of the same version the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public bool IsCurrent => RetiredOn is null;

    private WorkStandardTemplate() { }

    public WorkStandardTemplate(string name, string nameEn, string description)
    {
        Update(name, nameEn, description);
    }

    /// <summary>A standard added by the training manager: in force for apprenticeships starting from <paramref name="today"/>.</summary>
    public static WorkStandardTemplate Add(string name, string nameEn, string description, string? note, DateOnly today, DateTimeOffset at, string by) =>
        new(name, nameEn, description) { InForceFrom = today, ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };

    /// <summary>The next version (from today); this one is retired from today. Only the current version changes, and only with a reason.</summary>
    public WorkStandardTemplate Revise(string name, string nameEn, string description, string? note, DateOnly today, DateTimeOffset at, string by)
    {
        if (!IsCurrent)
        {
            throw new ConflictException("Only the current version of a work standard can be changed; a newer one was saved meanwhile.");
        }

        var next = new WorkStandardTemplate(name, nameEn, description) { Version = Version + 1, PreviousId = Id, InForceFrom = today, ChangedAt = at, ChangedBy = by, ChangeNote = Note(note) };
        if (next.Name == Name && next.NameEn == NameEn && next.Description == Description)
        {
            throw new DomainException("Nothing was changed.");
        }

        RetiredOn = today;
        Active = false;
        return next;
    }

    /// <summary>Takes the standard off the list for apprenticeships starting from today; the ones under way keep it.</summary>
    public void Retire(string? note, DateOnly today, string by)
    {
        if (!IsCurrent)
        {
            throw new ConflictException("Only the current version of a work standard can be changed; a newer one was saved meanwhile.");
        }

        RetireNote = Note(note);
        RetiredBy = by;
        RetiredOn = today;
        Active = false;
    }

    /// <summary>Whether the standard is on the list of an apprenticeship that began on <paramref name="start"/>.</summary>
    public bool AppliesTo(DateOnly start) => (InForceFrom is null || InForceFrom <= start) && (RetiredOn is null || RetiredOn > start);

    private static string Note(string? note) =>
        string.IsNullOrWhiteSpace(note) || note.Trim().Length > ChangeNoteMax
            ? throw new DomainException("Say why the work standards change (at most 500 characters).")
            : note.Trim();

    private void Update(string name, string nameEn, string description)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax || (nameEn ?? "").Trim().Length > NameMax)
        {
            throw new DomainException("A work standard needs a name of at most 64 characters.");
        }

        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        Description = (description ?? "").Trim() is { Length: <= DescriptionMax } d ? d : throw new DomainException("The description is too long.");
    }

    public string DisplayName(bool chinese) => chinese ? Name : NameEn;
}

/// <summary>
/// 辅导步骤 — the five coaching steps of R3.1, in order: 1 the lead does it while the apprentice
/// watches; 2 together; 3 the lead watches; 4 the lead reviews, praises and corrects; 5 the lead
/// supervises until it is habit.
/// </summary>
public enum CoachingStep
{
    LeadShows = 1,
    Together = 2,
    LeadWatches = 3,
    LeadReviews = 4,
    Supervised = 5,
}

/// <summary>A coaching step reached by an apprentice on a work standard, with the date and the lead's note. Steps follow one another.</summary>
public sealed class CoachingStepRecord : IAudited
{
    public const int NoteMax = 1000;

    public long Id { get; private set; }
    public int ApprenticeId { get; private set; }
    public int TemplateId { get; private set; }
    public WorkStandardTemplate Template { get; private set; } = null!;
    public CoachingStep Step { get; private set; }
    public DateOnly On { get; private set; }
    public string? Note { get; private set; }
    public int? ByEmployeeId { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private CoachingStepRecord() { }

    /// <summary>Records the next step; <paramref name="reached"/> is the highest step already recorded for this apprentice and standard.</summary>
    public static CoachingStepRecord Next(Employee apprentice, WorkStandardTemplate template, CoachingStep step, CoachingStep? reached, DateOnly on, DateOnly today,
        string? note, int? byEmployeeId, string by, DateTimeOffset at)
    {
        if (apprentice.Stage != Stage.Apprenticeship)
        {
            throw new DomainException("Coaching steps are recorded for apprentices.");
        }

        if (!Enum.IsDefined(step))
        {
            throw new DomainException("There are five coaching steps.");
        }

        var expected = reached is { } r ? (int)r + 1 : 1;
        if ((int)step != expected)
        {
            throw new DomainException(reached == CoachingStep.Supervised ? "All five steps are done for this work standard." : "Coaching steps follow one another: record the next step.");
        }

        CheckDate(apprentice, on, today);
        if (note?.Trim() is { Length: > NoteMax })
        {
            throw new DomainException("The note is too long.");
        }

        return new CoachingStepRecord
        {
            ApprenticeId = apprentice.Id, TemplateId = template.Id, Template = template, Step = step, On = on,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), ByEmployeeId = byEmployeeId, By = by, At = at,
        };
    }

    internal static void CheckDate(Employee apprentice, DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            throw new DomainException("The date cannot be in the future.");
        }

        if (on < apprentice.HireDate || on < apprentice.StageStart)
        {
            throw new DomainException("The date cannot be before the apprenticeship began.");
        }
    }
}

/// <summary>
/// 每日跟踪评估 — a team lead's or supervisor's daily evaluation of an apprentice on the seed's targets
/// (R3.2): shorter calls, less unnecessary talk, effective reassurance, general knowledge, voice and
/// tone; each 1–5. Append-only: one per evaluator per day.
/// </summary>
public sealed class DailyEvaluation : IAudited
{
    public const int CommentMax = 1000;

    public long Id { get; private set; }
    public int ApprenticeId { get; private set; }
    public DateOnly On { get; private set; }
    public int? EvaluatorEmployeeId { get; private set; }
    public string EvaluatorName { get; private set; } = "";

    /// <summary>TeamLead or Supervisor.</summary>
    public string EvaluatorRole { get; private set; } = "";

    /// <summary>通话时长 — keeps calls short.</summary>
    public int CallLength { get; private set; }

    /// <summary>精简语言 — no unnecessary talk.</summary>
    public int ConciseTalk { get; private set; }

    /// <summary>有效安抚 — reassures callers effectively.</summary>
    public int Reassurance { get; private set; }

    /// <summary>常识 — general knowledge.</summary>
    public int Knowledge { get; private set; }

    /// <summary>语音语调 — control of voice and tone.</summary>
    public int VoiceTone { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }

    private DailyEvaluation() { }

    public DailyEvaluation(Employee apprentice, DateOnly on, DateOnly today, int? evaluatorEmployeeId, string evaluatorName, string evaluatorRole,
        int callLength, int conciseTalk, int reassurance, int knowledge, int voiceTone, string? comment, DateTimeOffset at)
    {
        if (apprentice.Stage != Stage.Apprenticeship)
        {
            throw new DomainException("Daily evaluations are for apprentices.");
        }

        CoachingStepRecord.CheckDate(apprentice, on, today);
        if (new[] { callLength, conciseTalk, reassurance, knowledge, voiceTone }.Any(v => v is < 1 or > 5))
        {
            throw new DomainException("Each target is rated from 1 to 5.");
        }

        if (comment?.Trim() is { Length: > CommentMax })
        {
            throw new DomainException("The comment is too long.");
        }

        ApprenticeId = apprentice.Id;
        On = on;
        EvaluatorEmployeeId = evaluatorEmployeeId;
        EvaluatorName = evaluatorName;
        EvaluatorRole = evaluatorRole;
        CallLength = callLength;
        ConciseTalk = conciseTalk;
        Reassurance = reassurance;
        Knowledge = knowledge;
        VoiceTone = voiceTone;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        At = at;
    }

    /// <summary>The evaluation as a score out of 100: the mean of the five ratings × 20.</summary>
    public decimal Score => ScoreOf(CallLength, ConciseTalk, Reassurance, Knowledge, VoiceTone);

    public static decimal ScoreOf(params int[] ratings) => Math.Round(ratings.Average(r => (decimal)r) * 20, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The 30-day limit of the apprenticeship (R3.4): warnings at day 20 and 25, flagged after day 30 without a gate.</summary>
public enum ApprenticeshipAlert
{
    None,
    Day20,
    Day25,
    Overdue,
}

public static class ApprenticeshipLimit
{
    public const int MaxDays = 30;

    /// <summary>The apprenticeship day of today (day 1 = the day it began).</summary>
    public static int DayOf(DateOnly since, DateOnly today) => today.DayNumber - since.DayNumber + 1;

    public static ApprenticeshipAlert AlertFor(DateOnly since, DateOnly today) => DayOf(since, today) switch
    {
        > MaxDays => ApprenticeshipAlert.Overdue,
        >= 25 => ApprenticeshipAlert.Day25,
        >= 20 => ApprenticeshipAlert.Day20,
        _ => ApprenticeshipAlert.None,
    };

    /// <summary>The same, on the center's calendar of the given clock.</summary>
    public static ApprenticeshipAlert AlertFor(DateOnly since, TimeProvider time) => AlertFor(since, Today(time));

    /// <summary>The last day of the apprenticeship.</summary>
    public static DateOnly Deadline(DateOnly since) => since.AddDays(MaxDays - 1);

    public static DateOnly Today(TimeProvider time) =>
        CenterClock.DateOf(time.GetUtcNow());
}

internal sealed class WorkStandardTemplateConfiguration : IEntityTypeConfiguration<WorkStandardTemplate>
{
    public void Configure(EntityTypeBuilder<WorkStandardTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(WorkStandardTemplate.NameMax);
        b.Property(x => x.NameEn).HasMaxLength(WorkStandardTemplate.NameMax);
        b.Property(x => x.Description).HasMaxLength(WorkStandardTemplate.DescriptionMax);
        b.Property(x => x.Version).HasDefaultValue(1);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.ChangeNote).HasMaxLength(WorkStandardTemplate.ChangeNoteMax);
        b.Property(x => x.RetiredBy).HasMaxLength(256);
        b.Property(x => x.RetireNote).HasMaxLength(WorkStandardTemplate.ChangeNoteMax);
        b.Ignore(x => x.IsCurrent);
        // One successor per version: of two changes of the same version only one is saved.
        b.HasIndex(x => x.PreviousId).IsUnique();
        b.HasOne<WorkStandardTemplate>().WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoachingStepRecordConfiguration : IEntityTypeConfiguration<CoachingStepRecord>
{
    public void Configure(EntityTypeBuilder<CoachingStepRecord> b)
    {
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(CoachingStepRecord.NoteMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.ApprenticeId, x.TemplateId, x.Step }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.ApprenticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Template).WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DailyEvaluationConfiguration : IEntityTypeConfiguration<DailyEvaluation>
{
    public void Configure(EntityTypeBuilder<DailyEvaluation> b)
    {
        b.Property(x => x.EvaluatorName).HasMaxLength(256);
        b.Property(x => x.EvaluatorRole).HasMaxLength(16);
        b.Property(x => x.Comment).HasMaxLength(DailyEvaluation.CommentMax);
        b.HasIndex(x => new { x.ApprenticeId, x.On, x.EvaluatorEmployeeId }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.ApprenticeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Score);
    }
}
