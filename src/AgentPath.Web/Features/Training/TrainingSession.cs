using System.Security.Cryptography;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

/// <summary>What a session is; business and general-skills hours count toward the 70/30 of probation (R4.1).</summary>
public enum SessionKind
{
    /// <summary>岗前培训 — a day of induction.</summary>
    Induction,
    /// <summary>业务培训 — business training.</summary>
    Business,
    /// <summary>综合技能培训 — general skills.</summary>
    GeneralSkills,
    /// <summary>再培训 — retraining before a retake.</summary>
    Retraining,
    /// <summary>合理化建议活动 — a suggestion scheme meeting (R8.6).</summary>
    Suggestions,
    /// <summary>信息交流会 — an information-sharing meeting (R8.6).</summary>
    InfoSharing,
    /// <summary>表彰活动 — a recognition event (R8.6).</summary>
    Recognition,
}

/// <summary>
/// 培训场次 — one training session: title, kind, time, place or online link, instructor and audience
/// (a cohort or a team). Trainees sign in with the short code shown in the room (签到), or the
/// instructor marks them; the sign-in sheet (签到表) prints from it.
/// </summary>
public sealed class TrainingSession : IAudited
{
    public const int TitleMax = 200;
    public const int PlaceMax = 200;
    public const int CodeLength = 8;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public SessionKind Kind { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineUrl { get; private set; }
    public int? InstructorEmployeeId { get; private set; }
    public Employee? Instructor { get; private set; }

    /// <summary>The role that owns the session in the program (R2.1: administration, supervisor, trainer).</summary>
    public string? OwnerRole { get; private set; }
    public int? CohortId { get; private set; }
    public int? TeamId { get; private set; }

    /// <summary>The day of the induction program, for induction sessions.</summary>
    public int? ProgramDay { get; private set; }
    public string? Goal { get; private set; }
    public string SignInCode { get; private set; } = "";

    private TrainingSession() { }

    public TrainingSession(string title, SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineUrl,
        int? instructorEmployeeId, string? ownerRole, int? cohortId, int? teamId, int? programDay = null, string? goal = null)
    {
        Change(title, kind, startsAt, endsAt, place, onlineUrl, instructorEmployeeId, cohortId, teamId);
        OwnerRole = ownerRole;
        ProgramDay = programDay;
        Goal = goal;
        SignInCode = NewCode();
    }

    /// <summary>Changes what, when, where, who teaches and who attends; the sign-in code stays, attendance already taken stays.</summary>
    public void Change(string title, SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineUrl,
        int? instructorEmployeeId, int? cohortId, int? teamId)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A session needs a title of at most 200 characters.");
        }

        if (endsAt <= startsAt)
        {
            throw new DomainException("A session must end after it starts.");
        }

        if (string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(onlineUrl))
        {
            throw new DomainException("A session needs a place or an online link.");
        }

        if ((place?.Trim().Length ?? 0) > PlaceMax || (onlineUrl?.Trim().Length ?? 0) > PlaceMax)
        {
            throw new DomainException("The place is too long.");
        }

        if (onlineUrl is { Length: > 0 } u && !u.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("An online link starts with https://.");
        }

        Title = title.Trim();
        Kind = kind;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        OnlineUrl = string.IsNullOrWhiteSpace(onlineUrl) ? null : onlineUrl.Trim();
        InstructorEmployeeId = instructorEmployeeId;
        CohortId = cohortId;
        TeamId = teamId;
    }

    /// <summary>Eight digits (10^8 codes, typeable on a phone's number pad), drawn by a cryptographic generator.
    /// With five wrong codes per person and session (<see cref="SignInLock"/>) a guess succeeds about once in 20 million tries.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gives a session made before codes had <see cref="CodeLength"/> digits a code of the current length.</summary>
    public bool RenewShortCode()
    {
        if (SignInCode.Length == CodeLength)
        {
            return false;
        }

        SignInCode = NewCode();
        return true;
    }

    /// <summary>Renews the codes of sessions made when codes were shorter (run at every start, after the migrations).</summary>
    public static async Task RenewShortCodesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var shortOnes = await db.TrainingSessions.Where(s => s.SignInCode.Length != CodeLength).ToListAsync(ct);
        if (shortOnes.Count == 0)
        {
            return;
        }

        foreach (var s in shortOnes)
        {
            s.RenewShortCode();
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sign-in by code is open from 30 minutes before the start to the end of the session.</summary>
    public bool SignInOpenAt(DateTimeOffset now) => now >= StartsAt.AddMinutes(-30) && now <= EndsAt;

    public decimal Hours => Math.Round((decimal)(EndsAt - StartsAt).TotalHours, 1);
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(TrainingSession.TitleMax);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Place).HasMaxLength(TrainingSession.PlaceMax);
        b.Property(x => x.OnlineUrl).HasMaxLength(TrainingSession.PlaceMax);
        b.Property(x => x.OwnerRole).HasMaxLength(32);
        b.Property(x => x.Goal).HasMaxLength(1000);
        b.Property(x => x.SignInCode).HasMaxLength(TrainingSession.CodeLength);
        b.HasIndex(x => x.SignInCode);
        b.HasIndex(x => x.StartsAt);
        b.HasIndex(x => x.CohortId);
        b.HasOne(x => x.Instructor).WithMany().HasForeignKey(x => x.InstructorEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pipeline.Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Hours);
    }
}
