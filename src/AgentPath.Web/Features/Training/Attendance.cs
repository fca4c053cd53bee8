using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

public enum AttendanceStatus
{
    Present,
    Late,
    Absent,
    /// <summary>请假 — absent with leave asked for beforehand (a reason may be given).</summary>
    Leave,
}

/// <summary>缺勤原因.</summary>
public enum AbsenceReason
{
    Sick,
    Personal,
    OnDuty,
    NoNotice,
    Other,
}

public enum SignInMethod
{
    /// <summary>The trainee typed the code shown in the room.</summary>
    Code,
    /// <summary>The instructor marked it.</summary>
    Marked,
}

/// <summary>签到 — a trainee's attendance at a session. The instructor may correct it (audited).</summary>
public sealed class Attendance : IAudited, IVersioned
{
    public const int NoteMax = 500;

    public long Id { get; private set; }

    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two instructors saving the same row from stale pages, the second is a 409.</summary>
    public int RowVersion { get; private set; }
    public int SessionId { get; private set; }
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public AttendanceStatus Status { get; private set; }
    public AbsenceReason? AbsenceReason { get; private set; }
    public string? Note { get; private set; }
    public SignInMethod Method { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";

    private Attendance() { }

    public static Attendance SignIn(TrainingSession session, int employeeId, DateTimeOffset now, string by)
    {
        if (!session.SignInOpenAt(now))
        {
            throw new DomainException("Sign-in for this session is not open now.");
        }

        return new Attendance
        {
            SessionId = session.Id, EmployeeId = employeeId, Method = SignInMethod.Code, At = now, By = by,
            Status = now > session.StartsAt.AddMinutes(10) ? AttendanceStatus.Late : AttendanceStatus.Present,
        };
    }

    public static Attendance Mark(int sessionId, int employeeId, AttendanceStatus status, AbsenceReason? reason, string? note, DateTimeOffset now, string by)
    {
        var a = new Attendance { SessionId = sessionId, EmployeeId = employeeId };
        a.Correct(status, reason, note, now, by);
        return a;
    }

    public void Correct(AttendanceStatus status, AbsenceReason? reason, string? note, DateTimeOffset now, string by)
    {
        if (status == AttendanceStatus.Absent && reason is null)
        {
            throw new DomainException("An absence needs a reason.");
        }

        if (note?.Trim() is { Length: > NoteMax })
        {
            throw new DomainException("The note is too long.");
        }

        Status = status;
        AbsenceReason = status is AttendanceStatus.Absent or AttendanceStatus.Leave ? reason : null;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Method = SignInMethod.Marked;
        At = now;
        By = by;
    }

    public bool Attended => Status is AttendanceStatus.Present or AttendanceStatus.Late;
}

/// <summary>学员反馈 — a trainee's rating (1–5) and comment on a session they attended (R8.5).</summary>
public sealed class SessionFeedback : IAudited
{
    public const int CommentMax = 1000;

    public long Id { get; private set; }
    public int SessionId { get; private set; }
    public int EmployeeId { get; private set; }
    public int Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }

    private SessionFeedback() { }

    public SessionFeedback(int sessionId, int employeeId, int rating, string? comment, DateTimeOffset at)
    {
        if (rating is < 1 or > 5)
        {
            throw new DomainException("The rating is from 1 to 5.");
        }

        if (comment?.Trim() is { Length: > CommentMax })
        {
            throw new DomainException("The comment is too long.");
        }

        SessionId = sessionId;
        EmployeeId = employeeId;
        Rating = rating;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        At = at;
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AbsenceReason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(Attendance.NoteMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.SessionId, x.EmployeeId }).IsUnique();
        b.HasIndex(x => x.EmployeeId);
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Attended);
    }
}

internal sealed class SessionFeedbackConfiguration : IEntityTypeConfiguration<SessionFeedback>
{
    public void Configure(EntityTypeBuilder<SessionFeedback> b)
    {
        b.Property(x => x.Comment).HasMaxLength(SessionFeedback.CommentMax);
        b.HasIndex(x => new { x.SessionId, x.EmployeeId }).IsUnique();
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
