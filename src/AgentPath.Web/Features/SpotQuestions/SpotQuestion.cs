using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.SpotQuestions;

/// <summary>Which shift meeting a spot question was asked at (SPEC R5.5).</summary>
public enum ShiftMeeting
{
    /// <summary>班前会 — the meeting before the shift.</summary>
    PreShift,

    /// <summary>班后会 — the meeting after the shift.</summary>
    PostShift,
}

/// <summary>How a person answered a spot question, judged on the spot by whoever asked it.</summary>
public enum SpotAnswer
{
    /// <summary>答对 — right (100).</summary>
    Correct,

    /// <summary>部分答对 — partly right (50).</summary>
    Partial,

    /// <summary>答错 — wrong or no answer (0).</summary>
    Wrong,
}

/// <summary>
/// 班前会/班后会随机提问 — one question a team lead or supervisor asked out loud at a pre- or post-shift
/// meeting (SPEC R5.5), with how each person asked answered (<see cref="SpotCheck"/>). One save records the
/// whole meeting. The same recorder, meeting, minute and question make one record (unique index), so a
/// double tap or two racing requests record it once.
/// </summary>
public sealed class SpotMeeting : IAudited
{
    public const int QuestionMax = 500;
    public const int MaxPeople = 200;

    /// <summary>How far back a meeting may be recorded.</summary>
    public const int MaxDaysBack = 30;

    public long Id { get; private set; }
    public ShiftMeeting Meeting { get; private set; }

    /// <summary>When the meeting was held, to the minute (UTC; shown in center time).</summary>
    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>The question asked, as the lead typed it.</summary>
    public string Question { get; private set; } = "";

    /// <summary>The team the meeting was held for, when one was chosen.</summary>
    public int? TeamId { get; private set; }

    /// <summary>The account that recorded (and asked) it.</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>The recorder's name as shown.</summary>
    public string RecordedByName { get; private set; } = "";
    public int? RecordedByEmployeeId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public List<SpotCheck> Checks { get; private set; } = [];

    private SpotMeeting() { }

    public SpotMeeting(ShiftMeeting meeting, DateTimeOffset heldAt, string? question, int? teamId, string recordedBy, string recordedByName, int? recordedByEmployeeId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(meeting))
        {
            throw new DomainException("Choose the pre-shift or the post-shift meeting.");
        }

        var q = (question ?? "").Trim();
        if (q.Length == 0)
        {
            throw new DomainException("Type the question that was asked.");
        }

        if (q.Length > QuestionMax)
        {
            throw new DomainException("The question is too long (at most 500 characters).");
        }

        var at = ToMinute(heldAt);
        if (at > now.AddMinutes(5))
        {
            throw new DomainException("The meeting cannot be in the future.");
        }

        if (at < now.AddDays(-MaxDaysBack))
        {
            throw new DomainException("A meeting is recorded within 30 days.");
        }

        Meeting = meeting;
        HeldAt = at;
        Question = q;
        TeamId = teamId;
        RecordedBy = recordedBy;
        RecordedByName = recordedByName;
        RecordedByEmployeeId = recordedByEmployeeId;
        RecordedAt = now;
    }

    /// <summary>Scores one person asked at this meeting (the first record of their answer).</summary>
    public SpotCheck Score(Employee person, SpotAnswer answer, string? note, string by, DateTimeOffset at)
    {
        if (Checks.Any(c => c.EmployeeId == person.Id))
        {
            throw new DomainException("Each person is scored once per meeting.");
        }

        var check = new SpotCheck(this, person, answer, note, null, null, by, at);
        Checks.Add(check);
        return check;
    }

    /// <summary>An instant cut to its minute, in UTC.</summary>
    public static DateTimeOffset ToMinute(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}

/// <summary>
/// 随机提问成绩 — how one person answered a spot question at a shift meeting: an assessment on their record
/// (timeline, own page, API). Append-only: a correction is a new row naming the one it corrects
/// (<see cref="SupersedesId"/>) with a reason; one first record per person and meeting, each record
/// corrected at most once (unique indexes), so racing requests decide once.
/// </summary>
public sealed class SpotCheck : IAudited
{
    public const int NoteMax = 200;
    public const int ReasonMax = 200;

    public long Id { get; private set; }
    public long MeetingId { get; private set; }
    public SpotMeeting MeetingRecord { get; private set; } = null!;
    public int EmployeeId { get; private set; }
    public SpotAnswer Answer { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The record this one corrects; null for the first.</summary>
    public long? SupersedesId { get; private set; }

    /// <summary>Why the score was corrected.</summary>
    public string? Reason { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private SpotCheck() { }

    internal SpotCheck(SpotMeeting meeting, Employee person, SpotAnswer answer, string? note, long? supersedes, string? reason, string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(answer))
        {
            throw new DomainException("Score each answer as right, partly right or wrong.");
        }

        if (person.Stage.IsTerminal())
        {
            throw new DomainException("Only people on the floor are scored (not those who left or were eliminated).");
        }

        if ((note?.Trim().Length ?? 0) > NoteMax)
        {
            throw new DomainException("A note is at most 200 characters.");
        }

        if (supersedes is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Say why the score is corrected.");
        }

        if ((reason?.Trim().Length ?? 0) > ReasonMax)
        {
            throw new DomainException("The reason is at most 200 characters.");
        }

        MeetingRecord = meeting;
        MeetingId = meeting.Id;
        EmployeeId = person.Id;
        Answer = answer;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        SupersedesId = supersedes;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        By = by;
        At = at;
    }

    /// <summary>The correction of this record: a new record naming it.</summary>
    public SpotCheck Correct(Employee person, SpotAnswer answer, string? note, string? reason, string by, DateTimeOffset at) =>
        new(MeetingRecord, person, answer, note, Id, reason, by, at);

    /// <summary>The answer as a score out of 100: right 100, partly right 50, wrong 0.</summary>
    public int Score => ScoreOf(Answer);

    public static int ScoreOf(SpotAnswer a) => a switch
    {
        SpotAnswer.Correct => 100,
        SpotAnswer.Partial => 50,
        _ => 0,
    };
}

internal sealed class SpotMeetingConfiguration : IEntityTypeConfiguration<SpotMeeting>
{
    public void Configure(EntityTypeBuilder<SpotMeeting> b)
    {
        b.ToTable("SpotMeetings");
        b.Property(x => x.Meeting).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Question).HasMaxLength(SpotMeeting.QuestionMax);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.RecordedByName).HasMaxLength(256);
        // One meeting's question is recorded once: a double tap or racing requests of the same recorder, meeting, minute and question make one record.
        b.HasIndex(x => new { x.RecordedBy, x.Meeting, x.HeldAt, x.Question }).IsUnique().HasDatabaseName("IX_SpotMeetings_OneRecord");
        b.HasIndex(x => x.HeldAt);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Checks).WithOne(x => x.MeetingRecord).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> b)
    {
        b.ToTable("SpotChecks");
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(SpotCheck.NoteMax);
        b.Property(x => x.Reason).HasMaxLength(SpotCheck.ReasonMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.Ignore(x => x.Score);
        // Append-only and one line: one first score per person and meeting, each score corrected at most once.
        b.HasIndex(x => new { x.MeetingId, x.EmployeeId }).IsUnique().HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName("IX_SpotChecks_OneFirst");
        b.HasIndex(x => x.SupersedesId).IsUnique();
        b.HasIndex(x => x.EmployeeId);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SpotCheck>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
    }
}
