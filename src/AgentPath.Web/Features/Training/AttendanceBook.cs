using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training;

/// <summary>One person's line of a bulk attendance save: the status (null = leave the line as it is) and the version of the row it was made from (null = there was none).</summary>
public sealed record AttendanceLine(int EmployeeId, AttendanceStatus? Status, AbsenceReason? Reason, string? Note, int? RowVersion);

public enum AttendanceSaveOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>A line changed since the form was loaded (a trainee signed in by code, another instructor saved): nothing was written.</summary>
    Conflict,
}

public sealed record AttendanceSaveResult(AttendanceSaveOutcome Outcome, int Saved, IReadOnlyDictionary<int, string> Problems);

/// <summary>
/// 批量考勤 — a session's attendance for its whole audience in one save: present, late, absent (with a
/// reason) or on leave, for each person. All lines are checked first and every problem is named at once;
/// then all are written in one transaction or none: a line whose row moved since the form was loaded
/// (its <see cref="Attendance.RowVersion"/>, or a row that appeared meanwhile) makes the whole save a
/// conflict. Lines that say what the row already says are left alone (a sign-in by code stays one).
/// </summary>
public sealed class AttendanceBook(SessionAccess access, AppDbContext db, TimeProvider time, ICurrentActor actor, IStringLocalizer<Infrastructure.Localization.Text> text)
{
    public const int MaxLines = 500;

    /// <summary>Who manages the session's kind (<see cref="SessionAccess.CanManage"/>) marks it; an instructor marks their own.</summary>
    public static bool Manages(ClaimsPrincipal user, TrainingSession session, int? self) =>
        SessionAccess.CanManage(user, session.Kind) || (self is { } me && session.InstructorEmployeeId == me);

    public async Task<AttendanceSaveResult> SaveAsync(int sessionId, ClaimsPrincipal user, IReadOnlyList<AttendanceLine>? lines, CancellationToken ct = default)
    {
        var session = await access.FindAsync(sessionId, ct);
        if (session is null)
        {
            return new(AttendanceSaveOutcome.NotFound, 0, new Dictionary<int, string>());
        }

        if (!Manages(user, session, await access.SelfAsync(ct)))
        {
            return new(AttendanceSaveOutcome.Forbidden, 0, new Dictionary<int, string>());
        }

        var problems = new Dictionary<int, string>();
        if (lines is null || lines.Count == 0)
        {
            problems[0] = text["Mark at least one person."];
            return new(AttendanceSaveOutcome.Invalid, 0, problems);
        }

        if (lines.Count > MaxLines)
        {
            problems[0] = text["At most {0} people in one save.", MaxLines];
            return new(AttendanceSaveOutcome.Invalid, 0, problems);
        }

        var audience = (await access.AudienceAsync(session, ct)).ToDictionary(p => p.Id);
        foreach (var l in lines)
        {
            var who = audience.TryGetValue(l.EmployeeId, out var p) ? p.Name : null;
            if (who is null)
            {
                problems[l.EmployeeId] = text["Person {0} is not in this session's audience.", l.EmployeeId];
            }
            else if (lines.Count(x => x.EmployeeId == l.EmployeeId) > 1)
            {
                problems[l.EmployeeId] = text["{0} is listed twice.", who];
            }
            else if (l.Status is { } s && !Enum.IsDefined(s) || l.Reason is { } r && !Enum.IsDefined(r))
            {
                problems[l.EmployeeId] = text["{0}: choose present, late, absent or on leave.", who];
            }
            else if (l.Status == AttendanceStatus.Absent && l.Reason is null)
            {
                problems[l.EmployeeId] = text["{0}: an absence needs a reason.", who];
            }
            else if (l.Note?.Trim() is { Length: > Attendance.NoteMax })
            {
                problems[l.EmployeeId] = text["{0}: the note is longer than {1} characters.", who, Attendance.NoteMax];
            }
        }

        if (problems.Count > 0)
        {
            return new(AttendanceSaveOutcome.Invalid, 0, problems);
        }

        var ids = lines.Select(l => l.EmployeeId).ToList();
        var existing = await db.Attendances.Where(a => a.SessionId == sessionId && ids.Contains(a.EmployeeId)).ToDictionaryAsync(a => a.EmployeeId, ct);
        var now = time.GetUtcNow();
        var saved = 0;
        foreach (var l in lines.Where(l => l.Status is not null))
        {
            var note = string.IsNullOrWhiteSpace(l.Note) ? null : l.Note.Trim();
            var reason = l.Status is AttendanceStatus.Absent or AttendanceStatus.Leave ? l.Reason : null;
            if (existing.TryGetValue(l.EmployeeId, out var row))
            {
                if (l.RowVersion is not { } seen || row.RowVersion != seen)
                {
                    return Conflict();
                }

                if (row.Status == l.Status && row.AbsenceReason == reason && row.Note == note)
                {
                    continue;
                }

                db.Entry(row).Property(a => a.RowVersion).OriginalValue = seen;
                row.Correct(l.Status!.Value, reason, note, now, actor.UserName);
            }
            else
            {
                if (l.RowVersion is not null)
                {
                    return Conflict();
                }

                db.Attendances.Add(Attendance.Mark(sessionId, l.EmployeeId, l.Status!.Value, reason, note, now, actor.UserName));
            }

            saved++;
        }

        try
        {
            // One SaveChanges: every line in one transaction (with its audit rows), or none.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsConflict(e))
        {
            return Conflict();
        }

        return new(AttendanceSaveOutcome.Ok, saved, problems);

        AttendanceSaveResult Conflict()
        {
            db.ChangeTracker.Clear();
            return new(AttendanceSaveOutcome.Conflict, 0, new Dictionary<int, string>());
        }
    }
}

/// <summary>PUT /api/v1/training/sessions/{id}/attendance — the bulk attendance of a session (the page's one Save).</summary>
public static class AttendanceApi
{
    public sealed record AttendanceLineInput(int EmployeeId, AttendanceStatus? Status, AbsenceReason? Reason, string? Note, int? RowVersion);

    public sealed record AttendanceBulkInput(List<AttendanceLineInput>? Lines);

    public sealed record SavedDto(int Saved);

    public static void MapAttendanceApi(this IEndpointRouteBuilder api)
    {
        api.MapPut("/training/sessions/{id:int}/attendance", async Task<IResult> (int id, AttendanceBulkInput input, ClaimsPrincipal user, AttendanceBook book, SessionAccess access, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
        {
            if (!await access.MayMarkAsync(user, id, ct))
            {
                return TypedResults.Forbid();
            }

            var lines = input.Lines?.Take(AttendanceBook.MaxLines + 1).Select(l => new AttendanceLine(l.EmployeeId, l.Status, l.Reason, l.Note, l.RowVersion)).ToList();
            var r = await book.SaveAsync(id, user, lines, ct);
            return r.Outcome switch
            {
                AttendanceSaveOutcome.Ok => TypedResults.Ok(new SavedDto(r.Saved)),
                AttendanceSaveOutcome.NotFound => TypedResults.NotFound(),
                AttendanceSaveOutcome.Forbidden => TypedResults.Forbid(),
                AttendanceSaveOutcome.Conflict => TypedResults.Problem(text["Someone else recorded attendance for this session meanwhile (a sign-in by code or another save); nothing of yours was saved. The list now shows theirs: mark again and save."], statusCode: StatusCodes.Status409Conflict),
                _ => TypedResults.ValidationProblem(r.Problems.ToDictionary(kv => kv.Key == 0 ? "lines" : "lines." + kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => new[] { kv.Value })),
            };
        }).WithTags("Training").RequireAuthorization(People.Policies.SessionsManage)
            .Produces<SavedDto>().ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("The whole session's attendance in one save, all or nothing: lines of {employeeId, status Present|Late|Absent|Leave, reason, note, rowVersion}; a line whose row moved since it was read makes it a 409.");
    }
}
