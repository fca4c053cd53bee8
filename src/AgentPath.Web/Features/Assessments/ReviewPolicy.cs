using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Assessments;

/// <summary>Who looks at an attempt or an exam's keys.</summary>
public enum KeyViewer
{
    /// <summary>The person who took the attempt.</summary>
    Owner,

    /// <summary>Someone who grades or analyses the exams (the assessments managers: trainers, system administrators).</summary>
    Staff,

    /// <summary>Anyone else allowed to see the attempt's score: a results reader (team lead, supervisor, manager, HR, QA) with the person in scope.</summary>
    Other,
}

/// <summary>
/// What decides whether answer keys (correct options, accepted answers, rubrics, explanations, the
/// per-question review) may be shown.
/// </summary>
/// <param name="Viewer">Who is looking.</param>
/// <param name="AttemptFinished">The attempt is submitted (by the person or at the deadline); for an exam-wide view (the analysis, which is built from submitted attempts only) true.</param>
/// <param name="Review">The paper's review setting (when the owner sees the keys).</param>
/// <param name="ExamClosed">The exam's window has closed.</param>
/// <param name="ViewerMayStillTake">The viewer is in the exam's audience and could still answer it: the window is open and they have an open attempt or attempts left.</param>
public sealed record KeyContext(KeyViewer Viewer, bool AttemptFinished, ReviewTime Review, bool ExamClosed, bool ViewerMayStillTake);

/// <summary>
/// The one rule for answer keys, after Moodle's quiz review options. Every page and endpoint that can
/// show a key asks <see cref="MayShowKeys"/>:
/// <list type="bullet">
/// <item>nobody sees the keys of an attempt still open;</item>
/// <item>nobody sees the keys of an exam they could still take (in its audience, window open, an attempt open or left) — a team lead in the audience of a running exam does not read an agent's keys;</item>
/// <item>the owner sees them as the paper's review setting says: never; after close; or after submit — but only once no attempt is left or the window closed, so that "keys after submit" with several attempts does not hand out the keys for the next one;</item>
/// <item>staff who grade and analyse (assessments managers) see them for finished attempts, whatever the review setting (it governs what the person taking the exam sees);</item>
/// <item>other readers of results (a team lead, a supervisor with the person in scope) only once the exam has closed and only if the review setting shows keys at all;</item>
/// <item>nobody else.</item>
/// </list>
/// </summary>
public static class ReviewPolicy
{
    public static bool MayShowKeys(KeyContext c)
    {
        if (!c.AttemptFinished || c.ViewerMayStillTake)
        {
            return false;
        }

        return c.Viewer switch
        {
            KeyViewer.Owner => c.Review switch
            {
                ReviewTime.AfterSubmit => true,
                ReviewTime.AfterClose => c.ExamClosed,
                _ => false,
            },
            KeyViewer.Staff => true,
            _ => c.ExamClosed && c.Review != ReviewTime.Never,
        };
    }

    /// <summary>"Keys after submit" with more than one attempt: the keys wait for the last attempt or the close (warned in the editors).</summary>
    public static bool KeysWaitForLastAttempt(ReviewTime review, int attemptsAllowed) => review == ReviewTime.AfterSubmit && attemptsAllowed > 1;

    /// <summary>The exams among <paramref name="examIds"/> (all when null) that the person could still take: in the audience, not yet closed, an attempt open or left.</summary>
    public static async Task<HashSet<int>> StillOpenToAsync(AppDbContext db, int? employeeId, DateTimeOffset now, IReadOnlyCollection<int>? examIds, CancellationToken ct)
    {
        if (employeeId is null || await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, ct) is not { } me)
        {
            return [];
        }

        var exams = ExamEngine.For(db.Exams.AsNoTracking(), me).Where(x => x.ClosesAt > now);
        if (examIds is not null)
        {
            exams = exams.Where(x => examIds.Contains(x.Id));
        }

        var open = await exams.Select(x => new
        {
            x.Id,
            x.AttemptsAllowed,
            Used = db.Attempts.Count(a => a.ExamId == x.Id && a.EmployeeId == me.Id),
            Running = db.Attempts.Any(a => a.ExamId == x.Id && a.EmployeeId == me.Id && a.Status == AttemptStatus.Open),
        }).ToListAsync(ct);
        return open.Where(x => x.Running || x.Used < x.AttemptsAllowed).Select(x => x.Id).ToHashSet();
    }
}
