using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Quality;

/// <summary>What kind of call a recording is (the API's <c>callType</c>).</summary>
public enum CallType
{
    /// <summary>咨询热线 — an inbound consultation.</summary>
    Inbound,
    /// <summary>回访 — a callback to a customer.</summary>
    Callback,
    /// <summary>销售 — a sales call.</summary>
    Sales,
    /// <summary>内部拨测 — an internal test call (SPEC R5.5).</summary>
    TestCall,
    /// <summary>模拟演练接线 — a mock call at induction (SPEC R2.2).</summary>
    MockCall,
}

/// <summary>The audio formats a recording may have; read from the file's content, never its name.</summary>
public enum AudioFormat
{
    Wav,
    Mp3,
    /// <summary>MPEG-4 audio (.m4a) or raw AAC (ADTS).</summary>
    M4a,
    Ogg,
}

/// <summary>
/// 录音 — one call of one agent: when, how long, what kind, for which customer, with its audio
/// when there is one. Personal data (PIPL, SPEC R10.5): seen only within the data scope, and
/// every playback and download is logged (<see cref="PlaybackLog"/>).
/// </summary>
public sealed class Recording : IAudited
{
    public const int CallIdMax = 64;
    public const int CustomerMax = 64;
    public const int NotesMax = 1000;
    public const int PathMax = 260;
    public const int MaxDurationSeconds = 24 * 3600;

    public long Id { get; private set; }

    /// <summary>The call system's id of the call (unique when given); bulk registration requires it.</summary>
    public string? CallId { get; private set; }
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;
    public DateTimeOffset StartedAt { get; private set; }
    public int DurationSeconds { get; private set; }
    public CallType CallType { get; private set; }

    /// <summary>The customer as the call system knows them (a reference, not a name or number).</summary>
    public string? CustomerRef { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>File-store key of the audio; null when the call has no audio here.</summary>
    public string? AudioKey { get; private set; }
    public AudioFormat? AudioFormat { get; private set; }
    public long? AudioBytes { get; private set; }

    /// <summary>Where the call system keeps the audio, as its export names it; only a reference, never opened as a path.</summary>
    public string? SourcePath { get; private set; }

    /// <summary>The bulk registration that brought the row in, if any.</summary>
    public Guid? ImportId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";

    private Recording() { }

    public Recording(int employeeId, DateTimeOffset startedAt, int durationSeconds, CallType type, string? callId, string? customerRef, string? notes,
        DateTimeOffset registeredAt, string registeredBy)
    {
        if (!Infrastructure.InputRanges.IsCallDuration(durationSeconds))
        {
            throw new DomainException(Infrastructure.InputRanges.CallDurationMessage);
        }

        if (startedAt < Infrastructure.InputRanges.EarliestMoment)
        {
            throw new DomainException(Infrastructure.InputRanges.CallStartMessage);
        }

        if (startedAt > registeredAt.AddMinutes(5))
        {
            throw new DomainException("A call cannot start in the future.");
        }

        EmployeeId = employeeId;
        StartedAt = startedAt;
        DurationSeconds = durationSeconds;
        CallType = type;
        CallId = Clean(callId, CallIdMax);
        CustomerRef = Clean(customerRef, CustomerMax);
        Notes = Clean(notes, NotesMax);
        RegisteredAt = registeredAt;
        RegisteredBy = registeredBy;
    }

    public void AttachAudio(string key, AudioFormat format, long bytes)
    {
        if (AudioKey is not null)
        {
            throw new DomainException("This call already has its audio.");
        }

        AudioKey = key;
        AudioFormat = format;
        AudioBytes = bytes;
    }

    public bool HasAudio => AudioKey is not null;

    private static string? Clean(string? s, int max)
    {
        var t = s?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        return t.Length > max ? throw new DomainException("A text field of the call is too long.") : t;
    }
}

public enum PlaybackKind
{
    Play,
    Download,
}

/// <summary>Who played or downloaded which recording, and when (PIPL, SPEC R10.5). Append-only.</summary>
public sealed class PlaybackLog
{
    public long Id { get; private set; }
    public long RecordingId { get; private set; }
    public int? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public PlaybackKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The byte range asked for (e.g. "bytes=0-"), or null for the whole file.</summary>
    public string? Range { get; private set; }

    private PlaybackLog() { }

    public PlaybackLog(long recordingId, int? userId, string userName, PlaybackKind kind, DateTimeOffset at, string? range)
    {
        RecordingId = recordingId;
        UserId = userId;
        UserName = userName.Length > 256 ? userName[..256] : userName;
        Kind = kind;
        At = at;
        Range = range is { Length: > 100 } ? range[..100] : range;
    }
}

/// <summary>A bulk registration of calls from the call system's export: one audited row for the whole file.</summary>
public sealed class RecordingImport : IAudited
{
    public const int FileNameMax = 255;

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string FileKey { get; private set; } = "";
    public string Format { get; private set; } = "";
    public int UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public int Rows { get; private set; }
    public DateTimeOffset? CommittedAt { get; private set; }
    public int Registered { get; private set; }

    private RecordingImport() { }

    public RecordingImport(string fileName, string fileKey, string format, int uploadedBy, DateTimeOffset at, int rows)
    {
        Id = Guid.NewGuid();
        FileName = fileName.Length > FileNameMax ? fileName[..FileNameMax] : fileName;
        FileKey = fileKey;
        Format = format;
        UploadedBy = uploadedBy;
        UploadedAt = at;
        Rows = rows;
    }

    public void MarkCommitted(int registered, DateTimeOffset at)
    {
        if (CommittedAt is not null)
        {
            throw new DomainException("This file has already been registered.");
        }

        Registered = registered;
        CommittedAt = at;
    }
}

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> b)
    {
        b.Property(x => x.CallId).HasMaxLength(Recording.CallIdMax);
        b.Property(x => x.CustomerRef).HasMaxLength(Recording.CustomerMax);
        b.Property(x => x.Notes).HasMaxLength(Recording.NotesMax);
        b.Property(x => x.AudioKey).HasMaxLength(200);
        b.Property(x => x.SourcePath).HasMaxLength(Recording.PathMax);
        b.Property(x => x.RegisteredBy).HasMaxLength(256);
        b.Property(x => x.CallType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AudioFormat).HasConversion<string>().HasMaxLength(8);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CallId).IsUnique();
        b.HasIndex(x => new { x.EmployeeId, x.StartedAt });
        b.HasIndex(x => x.StartedAt);
    }
}

internal sealed class PlaybackLogConfiguration : IEntityTypeConfiguration<PlaybackLog>
{
    public void Configure(EntityTypeBuilder<PlaybackLog> b)
    {
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Range).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Recording>().WithMany().HasForeignKey(x => x.RecordingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RecordingId, x.At });
    }
}

internal sealed class RecordingImportConfiguration : IEntityTypeConfiguration<RecordingImport>
{
    public void Configure(EntityTypeBuilder<RecordingImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(RecordingImport.FileNameMax);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.Format).HasMaxLength(8);
    }
}
