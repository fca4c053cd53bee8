using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>Settings under "Quality".</summary>
public sealed class QualityOptions
{
    /// <summary>Largest audio file accepted, in bytes (default 200 MB).</summary>
    public long MaxAudioBytes { get; set; } = 200L * 1000 * 1000;

    /// <summary>Days after submission in which the agent may dispute an evaluation.</summary>
    public int DisputeWindowDays { get; set; } = 7;

    /// <summary>Minutes in which repeated requests of one user for one recording's audio count as one playback.</summary>
    public int PlaybackLogMinutes { get; set; } = 30;
}

/// <summary>A new call as a page or the API gives it.</summary>
public sealed record RecordingInput(string? EmployeeNumber, string? CallType, string? StartedAt, string? DurationSeconds, string? CallId, string? CustomerRef, string? Notes);

/// <summary>Why an upload was refused: a resource key with arguments; <see cref="TooLarge"/> maps to 413.</summary>
public sealed record UploadProblem(string Message, object[] Args, bool TooLarge = false);

/// <summary>Recordings: registering one call with its audio, the scoped list, and serving audio with a playback log.</summary>
public sealed class RecordingService(AppDbContext db, FileStore files, QualityOptions options, TimeProvider time, DataScopeProvider scope)
{
    public const string FileArea = "recordings";

    /// <summary>Recordings of the people the signed-in user may see.</summary>
    public async Task<IQueryable<Recording>> VisibleAsync(CancellationToken ct = default)
    {
        var s = await scope.GetAsync(ct);
        if (s.Everyone)
        {
            return db.Recordings;
        }

        var people = s.Apply(db.Employees).Select(e => e.Id);
        return db.Recordings.Where(r => people.Contains(r.EmployeeId));
    }

    public async Task<Recording?> FindAsync(long id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(r => r.Employee).ThenInclude(e => e.Team).FirstOrDefaultAsync(r => r.Id == id, ct);

    public static CallType? ParseCallType(string? s) => s?.Trim() switch
    {
        null or "" => null,
        var t when Enum.TryParse<CallType>(t, ignoreCase: true, out var v) && !int.TryParse(t, out _) => v,
        "咨询" or "呼入" or "咨询热线" or "来电" => CallType.Inbound,
        "回访" => CallType.Callback,
        "销售" => CallType.Sales,
        "内部拨测" or "拨测" => CallType.TestCall,
        "模拟" or "模拟演练" or "模拟接线" => CallType.MockCall,
        _ => null,
    };

    /// <summary>Registers one call and stores its audio, or says why not; nothing is kept on refusal.</summary>
    public async Task<(Recording? Recording, UploadProblem? Problem)> RegisterAsync(RecordingInput input, Stream? audio, string? fileName, string by, CancellationToken ct = default)
    {
        if (FileNames.Problem(fileName) is { } nameProblem)
        {
            return (null, new UploadProblem(nameProblem, [FileNames.NameMax]));
        }

        var number = Employee.NormalizeNumber(input.EmployeeNumber?.Trim() ?? "");
        if (number.Length == 0)
        {
            return (null, new UploadProblem("Enter the agent's employee number.", []));
        }

        var person = await (await scope.PeopleAsync(ct)).FirstOrDefaultAsync(e => e.EmployeeNumber == number, ct);
        if (person is null)
        {
            return (null, new UploadProblem("No one with employee number {0} is in your scope.", [number]));
        }

        if (ParseCallType(input.CallType) is not { } type)
        {
            return (null, new UploadProblem("The call type must be Inbound, Callback, Sales, TestCall or MockCall.", []));
        }

        if (!DateTimeOffset.TryParse(input.StartedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var started))
        {
            return (null, new UploadProblem("The start time must be a date and time in ISO 8601, e.g. 2026-11-27T09:30:00+08:00.", []));
        }

        if (!int.TryParse(input.DurationSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var duration) || duration > Recording.MaxDurationSeconds)
        {
            return (null, new UploadProblem("The duration must be a whole number of seconds, at most 24 hours.", []));
        }

        var callId = input.CallId?.Trim();
        if (!string.IsNullOrEmpty(callId) && await db.Recordings.AnyAsync(r => r.CallId == callId, ct))
        {
            return (null, new UploadProblem("Call id {0} is already registered.", [callId]));
        }

        Recording recording;
        try
        {
            recording = new Recording(person.Id, started, duration, type, callId, input.CustomerRef, input.Notes, time.GetUtcNow(), by);
        }
        catch (DomainException e)
        {
            return (null, new UploadProblem(e.Message, []));
        }

        string? key = null;
        if (audio is not null)
        {
            StoredFile stored;
            try
            {
                stored = await files.SaveAsync(FileArea, audio, options.MaxAudioBytes, ct);
            }
            catch (FileTooLargeException)
            {
                return (null, new UploadProblem("The file is larger than the limit of {0}.", [Megabytes(options.MaxAudioBytes)], TooLarge: true));
            }

            key = stored.Key;
            if (stored.Length == 0)
            {
                files.Delete(key);
                return (null, new UploadProblem("The file is empty.", []));
            }

            var header = new byte[AudioSniffer.HeaderBytes];
            int read;
            await using (var check = files.OpenRead(key))
            {
                read = await check.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            }

            var sniffed = AudioSniffer.Sniff(header.AsSpan(0, read));
            if (sniffed.Format is not { } format)
            {
                files.Delete(key);
                return (null, new UploadProblem("The file is not WAV, MP3, M4A/AAC or OGG audio; its content looks like {0}.", [sniffed.LooksLike ?? "?"]));
            }

            recording.AttachAudio(key, format, stored.Length);
        }

        db.Recordings.Add(recording);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (key is not null)
            {
                files.Delete(key);
            }

            db.ChangeTracker.Clear();
            return (null, new UploadProblem("Call id {0} is already registered.", [callId ?? ""]));
        }

        return (recording, null);
    }

    /// <summary>Adds the audio to a call registered without it (e.g. from the call system's export).</summary>
    public async Task<UploadProblem?> AttachAsync(Recording recording, Stream audio, string? fileName, CancellationToken ct = default)
    {
        if (FileNames.Problem(fileName) is { } nameProblem)
        {
            return new UploadProblem(nameProblem, [FileNames.NameMax]);
        }

        if (recording.HasAudio)
        {
            return new UploadProblem("This call already has its audio.", []);
        }

        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(FileArea, audio, options.MaxAudioBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return new UploadProblem("The file is larger than the limit of {0}.", [Megabytes(options.MaxAudioBytes)], TooLarge: true);
        }

        var header = new byte[AudioSniffer.HeaderBytes];
        int read;
        await using (var check = files.OpenRead(stored.Key))
        {
            read = await check.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        }

        var sniffed = AudioSniffer.Sniff(header.AsSpan(0, read));
        if (stored.Length == 0 || sniffed.Format is not { } format)
        {
            files.Delete(stored.Key);
            return stored.Length == 0
                ? new UploadProblem("The file is empty.", [])
                : new UploadProblem("The file is not WAV, MP3, M4A/AAC or OGG audio; its content looks like {0}.", [sniffed.LooksLike ?? "?"]);
        }

        recording.AttachAudio(stored.Key, format, stored.Length);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static string Megabytes(long bytes) => (bytes / 1_000_000m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    /// <summary>
    /// The audio with range support, after logging the access: a download always; a playback once per
    /// user and recording within <see cref="QualityOptions.PlaybackLogMinutes"/> (a player asks for many ranges while seeking).
    /// </summary>
    public async Task<IResult> ServeAsync(Recording recording, ClaimsPrincipal user, bool download, string? range, CancellationToken ct = default)
    {
        if (recording.AudioKey is null || !files.Exists(recording.AudioKey))
        {
            return Results.NotFound();
        }

        var userId = Notifications.Notifier.UserIdOf(user);
        var now = time.GetUtcNow();
        var kind = download ? PlaybackKind.Download : PlaybackKind.Play;
        var since = now.AddMinutes(-options.PlaybackLogMinutes);
        var logged = !download && await db.PlaybackLogs.AnyAsync(p => p.RecordingId == recording.Id && p.UserId == userId && p.Kind == PlaybackKind.Play && p.At >= since, ct);
        if (!logged)
        {
            db.PlaybackLogs.Add(new PlaybackLog(recording.Id, userId, user.Identity?.Name ?? "?", kind, now, range));
            await db.SaveChangesAsync(ct);
        }

        var format = recording.AudioFormat ?? AudioFormat.Wav;
        var stream = files.OpenRead(recording.AudioKey);
        var name = download ? $"call-{recording.Id}{AudioSniffer.Extension(format)}" : null;
        return Results.File(stream, AudioSniffer.ContentType(format), name, enableRangeProcessing: true);
    }
}
