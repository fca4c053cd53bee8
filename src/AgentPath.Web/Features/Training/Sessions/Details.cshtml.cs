using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training.Sessions;

/// <summary>
/// One session: what, when, where; its courseware; the attendance of its audience (the instructor or a
/// manager marks it, with absence reasons); the trainees' feedback — each trainee gives theirs here,
/// instructors and managers see the sum.
/// </summary>
public sealed class DetailsModel(SessionAccess access, AppDbContext db, FileStore files, TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text, AttendanceBook book) : PageModel
{
    /// <summary>One line of the attendance form (<see cref="AttendanceBook"/>): empty status = not recorded, left as it is.</summary>
    public sealed class LineInput
    {
        public int EmployeeId { get; set; }
        public AttendanceStatus? Status { get; set; }
        public AbsenceReason? Reason { get; set; }
        public string? Note { get; set; }
        public int? RowVersion { get; set; }
    }

    /// <summary>Problems of the last attendance save, by person (0 = the whole form).</summary>
    public IReadOnlyDictionary<int, string> LineProblems { get; private set; } = new Dictionary<int, string>();

    /// <summary>What the refused attendance form said, shown again as it was typed.</summary>
    public IReadOnlyDictionary<int, LineInput> Posted { get; private set; } = new Dictionary<int, LineInput>();

    public sealed record Trainee(Employee Person, Attendance? Attendance);

    public sealed record LockedTrainee(Employee Person, int Wrong, DateTimeOffset LastWrongAt);

    public TrainingSession Session { get; private set; } = null!;
    public string Audience { get; private set; } = "";
    public IReadOnlyList<Trainee> Trainees { get; private set; } = [];
    public IReadOnlyList<CoursewareFile> Courseware { get; private set; } = [];
    public FeedbackSummary Feedback { get; private set; } = FeedbackSummary.Of([]);
    public Attendance? Mine { get; private set; }

    /// <summary>People of the audience (in the viewer's scope) whose sign-in by code is locked after too many wrong codes.</summary>
    public IReadOnlyList<LockedTrainee> Locked { get; private set; } = [];

    /// <summary>The trainee's own sign-in by code is locked for this session.</summary>
    public bool MineLocked { get; private set; }
    public SessionFeedback? MyFeedback { get; private set; }
    public bool IsTrainee { get; private set; }
    public bool IsInstructor { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    /// <summary>Trainers, HR and supervisors manage sessions they can see, a department manager their R8.6 events (the policy <see cref="Policies.SessionsManage"/>).</summary>
    public bool CanManage => Session is not null && SessionAccess.CanManage(User, Session.Kind);

    public bool SeesFeedback => CanManage || IsInstructor;

    public async Task<IActionResult> OnGetAsync(int id, string? saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Streams a courseware file (with range support, for audio and video).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (await access.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        var f = await db.CoursewareFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.SessionId == id, ct);
        if (f is null || !files.Exists(f.StorageKey))
        {
            return NotFound();
        }

        return new FileStreamResult(files.OpenRead(f.StorageKey), f.ContentType) { FileDownloadName = f.FileName, EnableRangeProcessing = true };
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int employeeId, AttendanceStatus? status, AbsenceReason? reason, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage && !IsInstructor)
        {
            return Forbid();
        }

        var trainee = Trainees.FirstOrDefault(t => t.Person.Id == employeeId);
        if (trainee is null)
        {
            return NotFound();
        }

        if (status is null || !Enum.IsDefined(status.Value) || (reason is { } r && !Enum.IsDefined(r)))
        {
            return await FailAsync(id, "Choose present, late or absent.", ct);
        }

        return await SaveAsync(id, "attendance", async () =>
        {
            var existing = await db.Attendances.FirstOrDefaultAsync(a => a.SessionId == id && a.EmployeeId == employeeId, ct);
            if (existing is null)
            {
                db.Attendances.Add(Attendance.Mark(id, employeeId, status.Value, reason, note, time.GetUtcNow(), actor.UserName));
            }
            else
            {
                existing.Correct(status.Value, reason, note, time.GetUtcNow(), actor.UserName);
            }
        }, ct);
    }

    /// <summary>批量考勤 — the attendance of everyone in the audience, in one save (all lines or none).</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<LineInput>? lines, CancellationToken ct)
    {
        var posted = (lines ?? []).Take(AttendanceBook.MaxLines + 1).ToList();
        var r = await book.SaveAsync(id, User, posted.Select(l => new AttendanceLine(l.EmployeeId, l.Status, l.Reason, l.Note, l.RowVersion)).ToList(), ct);
        switch (r.Outcome)
        {
            case AttendanceSaveOutcome.NotFound:
                return NotFound();
            case AttendanceSaveOutcome.Forbidden:
                return Forbid();
            case AttendanceSaveOutcome.Ok:
                return LocalRedirect($"/training/sessions/{id}?saved=attendance&n={r.Saved}");
            case AttendanceSaveOutcome.Conflict:
                return await FailAsync(id, "Someone else recorded attendance for this session meanwhile (a sign-in by code or another save); nothing of yours was saved. The list now shows theirs: mark again and save.", ct);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        LineProblems = r.Problems;
        Posted = posted.GroupBy(l => l.EmployeeId).ToDictionary(g => g.Key, g => g.First());
        Error = text["Nothing was saved: {0} lines need a change.", r.Problems.Count];
        return Page();
    }

    /// <summary>How many lines the last attendance save wrote (for the confirmation).</summary>
    [BindProperty(SupportsGet = true, Name = "n")] public int? SavedLines { get; set; }

    /// <summary>Unlocks a trainee's sign-in by code after too many wrong codes (whoever marks the attendance may; audited).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(int id, int employeeId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage && !IsInstructor)
        {
            return Forbid();
        }

        if (Trainees.All(t => t.Person.Id != employeeId))
        {
            return NotFound();
        }

        var row = await db.SignInLocks.FirstOrDefaultAsync(l => l.SessionId == id && l.EmployeeId == employeeId, ct);
        if (row is not { Locked: true })
        {
            return await FailAsync(id, "This person's sign-in is not locked.", ct);
        }

        return await SaveAsync(id, "unlocked", () =>
        {
            row.Unlock(time.GetUtcNow(), actor.UserName);
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage && !IsInstructor)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            return await FailAsync(id, "Choose a file.", ct);
        }

        if (CoursewareFile.TypeOf(CoursewareFile.CleanName(file.FileName)) is null)
        {
            return await FailAsync(id, "This kind of file is not taken as courseware.", ct);
        }

        if (file.Length > CoursewareFile.MaxBytes)
        {
            return await FailAsync(id, "The file is larger than 30 MB.", ct);
        }

        if (!await UploadCheck.MatchesAsync(file, ct))
        {
            return await FailAsync(id, UploadCheck.Mismatch, ct);
        }

        StoredFile stored;
        try
        {
            await using var stream = file.OpenReadStream();
            stored = await files.SaveAsync("courseware", stream, CoursewareFile.MaxBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return await FailAsync(id, "The file is larger than 30 MB.", ct);
        }

        try
        {
            db.CoursewareFiles.Add(new CoursewareFile(id, file.FileName, stored.Key, stored.Length, time.GetUtcNow(), actor.UserName));
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }

        return LocalRedirect($"/training/sessions/{id}?saved=courseware");
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage && !IsInstructor)
        {
            return Forbid();
        }

        var f = await db.CoursewareFiles.FirstOrDefaultAsync(x => x.Id == fileId && x.SessionId == id, ct);
        if (f is null)
        {
            return NotFound();
        }

        db.CoursewareFiles.Remove(f);
        await db.SaveChangesAsync(ct);
        files.Delete(f.StorageKey);
        return LocalRedirect($"/training/sessions/{id}?saved=courseware");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, int? rating, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsTrainee || Mine is not { Attended: true })
        {
            return await FailAsync(id, "Feedback is given by the trainees who attended.", ct);
        }

        if (MyFeedback is not null)
        {
            return await FailAsync(id, "You gave your feedback on this session already.", ct);
        }

        var self = (await access.SelfAsync(ct))!.Value;
        return await SaveAsync(id, "feedback", () =>
        {
            db.SessionFeedbacks.Add(new SessionFeedback(id, self, rating ?? 0, comment, time.GetUtcNow()));
            return Task.CompletedTask;
        }, ct);
    }

    private async Task<IActionResult> SaveAsync(int id, string what, Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
            await db.SaveChangesAsync(ct);
            return LocalRedirect($"/training/sessions/{id}?saved={what}");
        }
        catch (DomainException e)
        {
            return await FailAsync(id, e.Message, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (session, person) row was written by someone else at the same moment.
            return await FailAsync(id, "Someone else recorded this at the same moment; the page now shows theirs.", ct);
        }
    }

    private async Task<IActionResult> FailAsync(int id, string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Error = text[key];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var session = await access.FindAsync(id, ct);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Now = time.GetUtcNow();
        var self = await access.SelfAsync(ct);
        IsInstructor = self is { } me0 && session.InstructorEmployeeId == me0;
        Audience = await access.AudienceNameAsync(session, ct);
        var people = await access.AudienceAsync(session, ct);
        var ids = people.Select(p => p.Id).ToList();
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.SessionId == id && ids.Contains(a.EmployeeId)).ToDictionaryAsync(a => a.EmployeeId, ct);
        Trainees = people.Select(p => new Trainee(p, attendance.GetValueOrDefault(p.Id))).ToList();
        var locks = await db.SignInLocks.AsNoTracking().Where(l => l.SessionId == id && l.Wrong >= SignInLock.MaxWrong).ToDictionaryAsync(l => l.EmployeeId, ct);
        Locked = people.Where(p => locks.ContainsKey(p.Id)).Select(p => new LockedTrainee(p, locks[p.Id].Wrong, locks[p.Id].LastWrongAt)).ToList();
        Courseware = await db.CoursewareFiles.AsNoTracking().Where(f => f.SessionId == id).OrderBy(f => f.Id).ToListAsync(ct);
        var feedback = await db.SessionFeedbacks.AsNoTracking().Where(f => f.SessionId == id).ToListAsync(ct);
        Feedback = FeedbackSummary.Of(feedback);
        if (self is { } me)
        {
            IsTrainee = await access.InAudienceAsync(session, me, ct);
            Mine = IsTrainee ? await db.Attendances.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == id && a.EmployeeId == me, ct) : null;
            MyFeedback = feedback.FirstOrDefault(f => f.EmployeeId == me);
            MineLocked = IsTrainee && await db.SignInLocks.AnyAsync(l => l.SessionId == id && l.EmployeeId == me && l.Wrong >= SignInLock.MaxWrong, ct);
        }

        return true;
    }
}
