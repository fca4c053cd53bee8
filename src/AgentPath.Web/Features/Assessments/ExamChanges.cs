using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Assessments;

/// <summary>What an edit of an exam that has not opened yet sets (times are instants; pages read them in the center's time).</summary>
public sealed record ExamEdit(string? Title, int? PaperId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? AttemptsAllowed,
    IReadOnlyList<int> TeamIds, IReadOnlyList<Stage> Stages, IReadOnlyList<string> EmployeeNumbers);

public enum ExamChangeOutcome
{
    Ok,
    NotFound,
    Invalid,

    /// <summary>Someone changed the exam since the form was loaded (or at the same moment): nothing was written.</summary>
    Conflict,
}

/// <summary>Field → localized problem, for ModelState or a ValidationProblem.</summary>
public sealed record ExamChangeResult(ExamChangeOutcome Outcome, Exam? Exam, IReadOnlyDictionary<string, string> Problems)
{
    public static ExamChangeResult Ok(Exam exam) => new(ExamChangeOutcome.Ok, exam, new Dictionary<string, string>());
}

/// <summary>
/// Changes to an exam's window, shared by the page and the API. Before it opens, a trainer edits it
/// (title, paper, window, attempts, audience); once open, it can be closed early or extended. Each change
/// names the <see cref="Exam.RowVersion"/> it was made from, so a stale form or the loser of two racing
/// requests changes nothing (409); each is audited (the exam is <see cref="IAudited"/>) and the audience
/// is notified whenever the window moves.
/// Attempts in progress: on an early close their deadline becomes the close, and the deadline job submits
/// them with the answers saved by then (as at any deadline, after the exam's grace seconds); on an extension
/// an attempt capped by the old close gets the time its paper's duration still allows, up to the new close.
/// </summary>
public sealed class ExamChanges(AppDbContext db, Notifier notifier, TimeProvider time, IStringLocalizer<Infrastructure.Localization.Text> text)
{
    public async Task<ExamChangeResult> EditAsync(int examId, int? rowVersion, ExamEdit input, CancellationToken ct = default)
    {
        var exam = await db.Exams.Include(e => e.Audience).Include(e => e.Paper).FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null)
        {
            return new(ExamChangeOutcome.NotFound, null, new Dictionary<string, string>());
        }

        var problems = new Dictionary<string, string>();
        var now = time.GetUtcNow();
        if (rowVersion is null)
        {
            problems["RowVersion"] = text["Reload the page and try again."];
        }

        if (!exam.EditableAt(now))
        {
            problems["OpensAt"] = text["The exam has opened: only closing early or extending its window is possible now."];
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems["Title"] = text["{0} is required.", text["Title"]];
        }
        else if (input.Title.Trim().Length > Exam.TitleMax)
        {
            problems["Title"] = text["{0} is too long.", text["Title"]];
        }

        var paper = input.PaperId is { } pid ? await db.Papers.Include(p => p.Items).Include(p => p.DrawRules).FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (input.PaperId is null)
        {
            problems["PaperId"] = text["{0} is required.", text["Paper"]];
        }
        else if (paper is null)
        {
            problems["PaperId"] = text["Unknown paper."];
        }
        else if (paper.Items.Count == 0 && paper.DrawRules.Count == 0)
        {
            problems["PaperId"] = text["The paper has no questions."];
        }

        if (input.OpensAt is null)
        {
            problems["OpensAt"] = text["{0} is required.", text["Opens"]];
        }
        else if (input.OpensAt <= now && !problems.ContainsKey("OpensAt"))
        {
            problems["OpensAt"] = text["An edited exam must open in the future; to open it now, extend it once it is open."];
        }

        if (input.ClosesAt is null)
        {
            problems["ClosesAt"] = text["{0} is required.", text["Closes"]];
        }
        else if (input.OpensAt is { } o && input.ClosesAt <= o)
        {
            problems["ClosesAt"] = text["The exam must close after it opens."];
        }
        else if (input.ClosesAt > now.AddDays(366))
        {
            problems["ClosesAt"] = text["The new close must be within a year."];
        }

        if (input.AttemptsAllowed is not (>= 1 and <= 20))
        {
            problems["AttemptsAllowed"] = text["{0} must be between {1} and {2}.", text["Attempts allowed"], 1, 20];
        }

        var numbers = input.EmployeeNumbers.Select(Employee.NormalizeNumber).Where(n => n.Length > 0).Distinct().Take(2000).ToList();
        var people = await db.Employees.Where(e => numbers.Contains(e.EmployeeNumber)).Select(e => new { e.Id, e.EmployeeNumber }).ToListAsync(ct);
        var unknown = numbers.Except(people.Select(p => p.EmployeeNumber)).ToList();
        if (unknown.Count > 0)
        {
            problems["People"] = text["Unknown employee numbers: {0}", string.Join(", ", unknown.Take(20))];
        }

        var teamIds = input.TeamIds.Distinct().Take(500).ToList();
        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var stages = input.Stages.Distinct().Where(s => Enum.IsDefined(s)).ToList();
        if (teams.Count == 0 && stages.Count == 0 && people.Count == 0 && !problems.ContainsKey("People"))
        {
            problems["TeamIds"] = text["Choose who takes the exam: teams, stages or people."];
        }

        if (problems.Count > 0)
        {
            return new(ExamChangeOutcome.Invalid, exam, problems);
        }

        if (rowVersion != exam.RowVersion)
        {
            return new(ExamChangeOutcome.Conflict, exam, new Dictionary<string, string>());
        }

        var (oldOpens, oldCloses) = (exam.OpensAt, exam.ClosesAt);
        exam.Edit(input.Title!, paper!, input.OpensAt!.Value, input.ClosesAt!.Value, input.AttemptsAllowed!.Value, now);
        exam.ReplaceAudience(teams.Select(t => (AudienceKind.Team, (int?)t, (Stage?)null))
            .Concat(stages.Select(s => (AudienceKind.Stage, (int?)null, (Stage?)s)))
            .Concat(people.Select(p => (AudienceKind.Person, (int?)p.Id, (Stage?)null))), now);
        if (oldOpens != exam.OpensAt || oldCloses != exam.ClosesAt)
        {
            await NotifyAsync(exam, "The window of the exam {0} has changed: {1} – {2}.", [exam.Title, CenterClock.Show(exam.OpensAt), CenterClock.Show(exam.ClosesAt)], ct);
        }

        return await SaveAsync(exam, rowVersion.Value, ct);
    }

    /// <summary>提前结束 — closes an open exam now (see the class note for attempts in progress).</summary>
    public Task<ExamChangeResult> CloseAsync(int examId, int? rowVersion, CancellationToken ct = default) =>
        MoveCloseAsync(examId, rowVersion, null, ct);

    /// <summary>延长 — moves an open exam's close later.</summary>
    public Task<ExamChangeResult> ExtendAsync(int examId, int? rowVersion, DateTimeOffset? closesAt, CancellationToken ct = default) =>
        MoveCloseAsync(examId, rowVersion, closesAt ?? DateTimeOffset.MinValue, ct);

    private async Task<ExamChangeResult> MoveCloseAsync(int examId, int? rowVersion, DateTimeOffset? extendTo, CancellationToken ct)
    {
        var exam = await db.Exams.Include(e => e.Audience).Include(e => e.Paper).FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null)
        {
            return new(ExamChangeOutcome.NotFound, null, new Dictionary<string, string>());
        }

        var field = extendTo is null ? "Close" : "ClosesAt";
        if (rowVersion is null)
        {
            return Invalid(exam, "RowVersion", "Reload the page and try again.");
        }

        var now = time.GetUtcNow();
        if (!exam.IsOpenAt(now))
        {
            return Invalid(exam, field, extendTo is null ? "Only an open exam can be closed early." : "Only an open exam can be extended; edit an exam that has not opened yet.");
        }

        if (extendTo is { } to)
        {
            if (to == DateTimeOffset.MinValue)
            {
                return Invalid(exam, field, "Give the new close.");
            }

            if (to <= exam.ClosesAt)
            {
                return Invalid(exam, field, "The new close must be after the current one.");
            }

            if (to > now.AddDays(366))
            {
                return Invalid(exam, field, "The new close must be within a year.");
            }
        }

        if (rowVersion != exam.RowVersion)
        {
            return new(ExamChangeOutcome.Conflict, exam, new Dictionary<string, string>());
        }

        if (extendTo is { } newClose)
        {
            exam.Extend(newClose, now);
            await NotifyAsync(exam, "The exam {0} is extended: it now closes at {1}.", [exam.Title, CenterClock.Show(exam.ClosesAt)], ct);
        }
        else
        {
            exam.CloseEarly(now);
            await NotifyAsync(exam, "The exam {0} was closed early at {1}.", [exam.Title, CenterClock.Show(exam.ClosesAt)], ct);
        }

        var open = await db.Attempts.Where(a => a.ExamId == exam.Id && a.Status == AttemptStatus.Open).ToListAsync(ct);
        foreach (var a in open)
        {
            a.FollowWindow(exam.ClosesAt, exam.Paper.DurationMinutes);
        }

        return await SaveAsync(exam, rowVersion.Value, ct);
    }

    private ExamChangeResult Invalid(Exam exam, string field, string key) =>
        new(ExamChangeOutcome.Invalid, exam, new Dictionary<string, string> { [field] = text[key] });

    private async Task<ExamChangeResult> SaveAsync(Exam exam, int rowVersion, CancellationToken ct)
    {
        // The token the change was made from: a racing request that saved first moved it, so this UPDATE matches no row.
        db.Entry(exam).Property(e => e.RowVersion).OriginalValue = rowVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return ExamChangeResult.Ok(exam);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ExamChangeOutcome.Conflict, null, new Dictionary<string, string>());
        }
    }

    /// <summary>Everyone in the exam's audience with an account hears that its window moved.</summary>
    private async Task NotifyAsync(Exam exam, string key, string[] args, CancellationToken ct)
    {
        var audience = await ExamEngine.Audience(db.Employees, exam).Select(e => e.Id).ToListAsync(ct);
        var users = await db.Users.Where(u => u.EmployeeId != null && audience.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct);
        foreach (var u in users)
        {
            notifier.Post(u, key, args, "/exams");
        }
    }
}
