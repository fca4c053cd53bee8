using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>One person's standing on a homework or a new-business training.</summary>
public sealed record Completion(int EmployeeId, string Name, string? Team, bool Done, DateTimeOffset? At, decimal? Score, decimal? MaxScore, bool? Passed, int? SubmissionId, bool Late);

/// <summary>
/// New-business trainings and homework: who sees them (staff by the departments of the teams they
/// are for; a person only what is set for them), creating them, signing off, handing in, grading,
/// and completion per person.
/// </summary>
public sealed class AssignmentService(AppDbContext db, PlanAccess access, DataScopeProvider scope, FileStore files, Notifier notifier, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text)
{
    // ---- who may see what ----

    private async Task<bool> StaffAsync(ClaimsPrincipal user) => (await auth.AuthorizeAsync(user, Policies.PlansRead)).Succeeded;

    private async Task<IQueryable<int>> TeamsInScopeAsync(CancellationToken ct)
    {
        var departments = await access.DepartmentsAsync(ct);
        return departments is null ? db.Teams.Select(t => t.Id) : db.Teams.Where(t => departments.Contains(t.DepartmentId)).Select(t => t.Id);
    }

    public async Task<IQueryable<NewBusinessTraining>> NewBusinessAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var team = await MyTeamAsync(user, ct);
        if (!await StaffAsync(user))
        {
            return db.NewBusinessTrainings.Where(n => n.Audience.Any(a => a.TeamId == team));
        }

        var teams = await TeamsInScopeAsync(ct);
        return db.NewBusinessTrainings.Where(n => n.Audience.Any(a => a.TeamId == team || teams.Contains(a.TeamId)));
    }

    public async Task<IQueryable<Homework>> HomeworkAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var team = await MyTeamAsync(user, ct);
        var me = PlanActor.EmployeeId(user) ?? -1;
        var attended = db.Attendances.Where(a => a.EmployeeId == me && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)).Select(a => a.SessionId);
        if (!await StaffAsync(user))
        {
            return db.Homework.Where(h => h.Audience.Any(a => a.TeamId == team) || (h.SessionId != null && attended.Contains(h.SessionId.Value)));
        }

        var teams = await TeamsInScopeAsync(ct);
        var departments = await access.DepartmentsAsync(ct);
        var sessionsInScope = departments is null
            ? db.TrainingSessions.Select(s => s.Id)
            : db.TrainingSessions.Where(s => s.TeamId == null || teams.Contains(s.TeamId.Value)).Select(s => s.Id);
        return db.Homework.Where(h => h.Audience.Any(a => a.TeamId == team || teams.Contains(a.TeamId))
            || (h.SessionId != null && (attended.Contains(h.SessionId.Value) || sessionsInScope.Contains(h.SessionId.Value))));
    }

    /// <summary>
    /// The completion rows of the people in the viewer's data scope (a team lead: their teams; supervisor and
    /// manager: their department; trainer, QA, HR, GM: everyone; anyone: themselves), and how many are left out.
    /// Every list and count of people on the new-business and homework pages goes through here.
    /// </summary>
    public async Task<(List<Completion> Visible, int Outside)> InScopeAsync(List<Completion> all, CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        if (s.Everyone)
        {
            return (all, 0);
        }

        var ids = all.Select(c => c.EmployeeId).Distinct().ToList();
        var seen = (await (await scope.PeopleAsync(ct)).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var visible = all.Where(c => seen.Contains(c.EmployeeId)).ToList();
        return (visible, all.Count - visible.Count);
    }

    /// <summary>The hand-in with this id on this homework, if its person is the viewer or in the viewer's data scope; null (→ 404) otherwise.</summary>
    public async Task<HomeworkSubmission?> SubmissionInScopeAsync(int homeworkId, int submissionId, CancellationToken ct)
    {
        var people = await scope.PeopleAsync(ct);
        return await db.HomeworkSubmissions.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == submissionId && x.HomeworkId == homeworkId && people.Any(e => e.Id == x.EmployeeId), ct);
    }

    /// <summary>Is the signed-in person one of those the item is for (not just a viewer)?</summary>
    public async Task<bool> IsForMeAsync(NewBusinessTraining n, ClaimsPrincipal user, CancellationToken ct)
    {
        var team = await MyTeamAsync(user, ct);
        return n.Audience.Any(a => a.TeamId == team);
    }

    public async Task<bool> IsForMeAsync(Homework h, ClaimsPrincipal user, CancellationToken ct)
    {
        if (PlanActor.EmployeeId(user) is not { } me)
        {
            return false;
        }

        return (await AudienceAsync(h, ct)).Contains(me);
    }

    private async Task<int> MyTeamAsync(ClaimsPrincipal user, CancellationToken ct) =>
        PlanActor.EmployeeId(user) is { } id ? await db.Employees.Where(e => e.Id == id).Select(e => e.TeamId).FirstOrDefaultAsync(ct) ?? -1 : -1;

    // ---- new-business training ----

    public sealed class NewBusinessInput
    {
        public string? Title { get; set; }
        public BusinessChange Change { get; set; }
        public string? OwningDepartment { get; set; }
        public string? Content { get; set; }
        public DateOnly? DueOn { get; set; }
        public int? ExamId { get; set; }
        public List<int> TeamIds { get; set; } = [];
    }

    public async Task<(NewBusinessTraining? Training, string? Error)> CreateNewBusinessAsync(NewBusinessInput input, IFormFile? courseware, ClaimsPrincipal user, CancellationToken ct)
    {
        var inScope = await (await TeamsInScopeAsync(ct)).ToListAsync(ct);
        if (input.TeamIds.Any(t => !inScope.Contains(t)))
        {
            return (null, text["Unknown team."]);
        }

        if (input.ExamId is { } e && !await db.Exams.AnyAsync(x => x.Id == e, ct))
        {
            return (null, text["Unknown exam."]);
        }

        if (input.DueOn is null)
        {
            return (null, text["Choose the due date."]);
        }

        StoredFile? stored = null;
        if (courseware is not null)
        {
            var (file, error) = await PlanFiles.SaveAsync(files, courseware, "courseware", ct);
            if (error is not null)
            {
                return (null, text[error]);
            }

            stored = file;
        }

        try
        {
            var n = new NewBusinessTraining(input.Title ?? "", input.Change, input.OwningDepartment ?? "", input.Content ?? "", input.TeamIds, input.DueOn.Value,
                PlanMonth.Today(time), input.ExamId, stored?.Key, courseware is null ? null : Path.GetFileName(courseware.FileName), PlanActor.Name(user), time.GetUtcNow());
            db.NewBusinessTrainings.Add(n);
            await db.SaveChangesAsync(ct);
            await NotifyTeamsAsync(input.TeamIds, "New business to learn: {0}.", n.Title, $"/plans/new-business/{n.Id}", ct);
            return (n, null);
        }
        catch (DomainException ex)
        {
            if (stored is not null)
            {
                files.Delete(stored.Key);
            }

            db.ChangeTracker.Clear();
            return (null, text[ex.Message]);
        }
    }

    public async Task<string?> SignOffAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var n = await (await NewBusinessAsync(user, ct)).Include(x => x.Audience).Include(x => x.SignOffs).FirstOrDefaultAsync(x => x.Id == id, ct);
        var me = PlanActor.EmployeeId(user) is { } eid ? await db.Employees.FirstOrDefaultAsync(x => x.Id == eid, ct) : null;
        if (n is null || me is null)
        {
            return text["This training is not for your team."];
        }

        try
        {
            n.SignOff(me, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return text[ex.Message];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return text["You have already signed."];
        }
    }

    public async Task<List<Completion>> CompletionAsync(NewBusinessTraining n, CancellationToken ct)
    {
        var teams = n.Audience.Select(a => a.TeamId).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
            .OrderBy(e => e.TeamId).ThenBy(e => e.EmployeeNumber).Select(e => new { e.Id, e.Name, Team = e.Team!.Name }).ToListAsync(ct);
        if (n.ExamId is { } examId)
        {
            var results = await LatestResultsAsync(examId, people.Select(p => p.Id).ToList(), ct);
            return people.Select(p => results.TryGetValue(p.Id, out var r)
                ? new Completion(p.Id, p.Name, p.Team, r.Passed, r.At, r.Score, r.Max, r.Passed, null, false)
                : new Completion(p.Id, p.Name, p.Team, false, null, null, null, null, null, false)).ToList();
        }

        var signed = n.SignOffs.ToDictionary(s => s.EmployeeId, s => s.At);
        return people.Select(p => new Completion(p.Id, p.Name, p.Team, signed.ContainsKey(p.Id), signed.TryGetValue(p.Id, out var at) ? at : null, null, null, null, null, false)).ToList();
    }

    // ---- homework ----

    public sealed class HomeworkInput
    {
        public string? Title { get; set; }
        public string? Instructions { get; set; }
        public HomeworkKind Kind { get; set; } = HomeworkKind.HandIn;
        public int? PaperId { get; set; }
        public int? SessionId { get; set; }
        public List<int> TeamIds { get; set; } = [];
        public decimal MaxScore { get; set; } = 10;
        public DateTime? DueAt { get; set; }
    }

    public async Task<(Homework? Homework, string? Error)> CreateHomeworkAsync(HomeworkInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var inScope = await (await TeamsInScopeAsync(ct)).ToListAsync(ct);
        if (input.TeamIds.Any(t => !inScope.Contains(t)))
        {
            return (null, text["Unknown team."]);
        }

        if (input.SessionId is { } sid && !await db.TrainingSessions.AnyAsync(s => s.Id == sid, ct))
        {
            return (null, text["Unknown session."]);
        }

        if (input.DueAt is null)
        {
            return (null, text["Choose the due time."]);
        }

        var now = time.GetUtcNow();
        var local = DateTime.SpecifyKind(input.DueAt.Value, DateTimeKind.Unspecified);
        var due = new DateTimeOffset(local, CenterClock.Zone.GetUtcOffset(local)).ToUniversalTime();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            Exam? exam = null;
            if (input.Kind == HomeworkKind.Quiz)
            {
                var paper = input.PaperId is { } pid ? await db.Papers.Include(p => p.Items).Include(p => p.DrawRules).FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
                if (paper is null || (paper.Items.Count == 0 && paper.DrawRules.Count == 0))
                {
                    throw new DomainException("A quiz needs its questions: choose a paper.");
                }

                exam = new Exam(input.Title ?? "", paper, ExamKind.HomeworkQuiz, now.AddMinutes(-1), due, attemptsAllowed: 3, countsForPoints: false);
                input.TeamIds.Distinct().ToList().ForEach(t => exam.AddAudience(AudienceKind.Team, t, null));
                if (input.SessionId is { } session)
                {
                    foreach (var person in await AttendeesAsync(session, ct))
                    {
                        exam.AddAudience(AudienceKind.Person, person, null);
                    }
                }

                db.Exams.Add(exam);
                await db.SaveChangesAsync(ct);
            }

            var h = new Homework(input.Title ?? "", input.Instructions ?? "", input.Kind, exam?.Id, input.SessionId, input.TeamIds, input.MaxScore, due, now, PlanActor.Name(user));
            db.Homework.Add(h);
            await db.SaveChangesAsync(ct);
            var audience = await AudienceAsync(h, ct);
            foreach (var u in await db.Users.Where(u => u.EmployeeId != null && audience.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct))
            {
                notifier.Post(u, "New homework: {0}.", [h.Title], $"/plans/homework/{h.Id}");
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (h, null);
        }
        catch (DomainException ex)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, text[ex.Message]);
        }
    }

    private Task<List<int>> AttendeesAsync(int sessionId, CancellationToken ct) =>
        db.Attendances.Where(a => a.SessionId == sessionId && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)).Select(a => a.EmployeeId).ToListAsync(ct);

    /// <summary>Who does it: the people of its teams and the attendees of its session.</summary>
    public async Task<HashSet<int>> AudienceAsync(Homework h, CancellationToken ct)
    {
        var teams = h.Audience.Select(a => a.TeamId).ToList();
        var set = (await db.Employees.Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
            .Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        if (h.SessionId is { } s)
        {
            set.UnionWith(await AttendeesAsync(s, ct));
        }

        return set;
    }

    public async Task<string?> HandInAsync(Homework h, string? answer, IFormFile? upload, ClaimsPrincipal user, CancellationToken ct)
    {
        if (PlanActor.EmployeeId(user) is not { } me || !(await AudienceAsync(h, ct)).Contains(me))
        {
            return text["This homework is not set for you."];
        }

        StoredFile? stored = null;
        if (upload is not null)
        {
            var (file, error) = await PlanFiles.SaveAsync(files, upload, "homework", ct);
            if (error is not null)
            {
                return text[error];
            }

            stored = file;
        }

        // The offered name is shown and offered back on download, never used as a path: stripped of control and
        // direction-changing characters, folders and "..", and cut to the column's length.
        var name = upload is null ? null : FileNames.Normalise(upload.FileName, HomeworkSubmission.FileNameMax);
        var existing = await db.HomeworkSubmissions.FirstOrDefaultAsync(s => s.HomeworkId == h.Id && s.EmployeeId == me, ct);
        var replaced = existing?.FileKey;
        try
        {
            var now = time.GetUtcNow();
            if (existing is null)
            {
                db.HomeworkSubmissions.Add(new HomeworkSubmission(h, me, answer, stored?.Key, name, now));
            }
            else
            {
                var graded = await db.HomeworkGrades.AnyAsync(g => g.SubmissionId == existing.Id, ct);
                existing.Replace(h, answer, stored?.Key, name, now, graded);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateException)
        {
            if (stored is not null)
            {
                files.Delete(stored.Key);
            }

            db.ChangeTracker.Clear();
            return ex is DomainException d ? text[d.Message] : text["Your hand-in changed meanwhile; open the homework again."];
        }

        // The replaced file is an orphan once no hand-in refers to it: remove it from the file store.
        if (stored is not null && replaced is not null && replaced != stored.Key && !await db.HomeworkSubmissions.AnyAsync(s => s.FileKey == replaced, ct))
        {
            files.Delete(replaced);
        }

        return null;
    }

    public async Task<string?> GradeAsync(Homework h, int submissionId, decimal? score, string? comment, ClaimsPrincipal user, CancellationToken ct)
    {
        var people = await scope.PeopleAsync(ct);
        var submission = await db.HomeworkSubmissions.FirstOrDefaultAsync(s => s.Id == submissionId && s.HomeworkId == h.Id && people.Any(e => e.Id == s.EmployeeId), ct);
        if (submission is null)
        {
            return text["Unknown hand-in."];
        }

        if (score is null)
        {
            return text["The score must be between 0 and the highest score."];
        }

        try
        {
            var previous = await db.HomeworkGrades.Where(g => g.SubmissionId == submissionId).OrderByDescending(g => g.Id).Select(g => (long?)g.Id).FirstOrDefaultAsync(ct);
            db.HomeworkGrades.Add(new HomeworkGrade(submission, score.Value, h.MaxScore, comment, user.Identity?.Name ?? "?", time.GetUtcNow(), previous));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return text[ex.Message];
        }
        catch (DbUpdateException ex) when (DbErrors.IsConflict(ex))
        {
            // Another grader graded (or corrected) the same state first: one grade per state (unique indexes), nothing written.
            db.ChangeTracker.Clear();
            return text[DbErrors.ChangedMessage];
        }
    }

    public async Task<List<Completion>> CompletionAsync(Homework h, CancellationToken ct)
    {
        var ids = (await AudienceAsync(h, ct)).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.TeamId).ThenBy(e => e.EmployeeNumber)
            .Select(e => new { e.Id, e.Name, Team = e.Team != null ? e.Team.Name : null }).ToListAsync(ct);
        if (h.Kind == HomeworkKind.Quiz && h.ExamId is { } examId)
        {
            var results = await LatestResultsAsync(examId, ids, ct);
            return people.Select(p => results.TryGetValue(p.Id, out var r)
                ? new Completion(p.Id, p.Name, p.Team, true, r.At, r.Score, r.Max, r.Passed, null, r.At > h.DueAt)
                : new Completion(p.Id, p.Name, p.Team, false, null, null, null, null, null, false)).ToList();
        }

        var subs = await db.HomeworkSubmissions.AsNoTracking().Where(s => s.HomeworkId == h.Id).ToListAsync(ct);
        var subIds = subs.Select(s => s.Id).ToList();
        var grades = (await db.HomeworkGrades.AsNoTracking().Where(g => subIds.Contains(g.SubmissionId)).ToListAsync(ct))
            .GroupBy(g => g.SubmissionId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!);
        return people.Select(p =>
        {
            var s = subs.FirstOrDefault(x => x.EmployeeId == p.Id);
            var g = s is null ? null : grades.GetValueOrDefault(s.Id);
            return new Completion(p.Id, p.Name, p.Team, s is not null, s?.SubmittedAt, g?.Score, h.MaxScore, null, s?.Id, s?.Late ?? false);
        }).ToList();
    }

    /// <summary>Each person's latest graded attempt on an exam: score, max, passed, when.</summary>
    private async Task<Dictionary<int, (decimal Score, decimal Max, bool Passed, DateTimeOffset At)>> LatestResultsAsync(int examId, List<int> people, CancellationToken ct)
    {
        var rows = await (from a in db.Attempts
                          join r in db.AttemptResults on a.Id equals r.AttemptId
                          where a.ExamId == examId && people.Contains(a.EmployeeId) && a.Status == AttemptStatus.Submitted
                          select new { a.EmployeeId, a.Id, ResultId = r.Id, r.Score, r.MaxScore, r.Passed, a.SubmittedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g =>
        {
            var best = g.OrderByDescending(r => r.ResultId).First();
            return (best.Score, best.MaxScore, best.Passed, best.SubmittedAt ?? default);
        });
    }

    private async Task NotifyTeamsAsync(IEnumerable<int> teamIds, string message, string arg, string link, CancellationToken ct)
    {
        var teams = teamIds.ToList();
        var people = db.Employees.Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && e.Stage != Stage.Eliminated && e.Stage != Stage.Left).Select(e => e.Id);
        foreach (var u in await db.Users.Where(u => u.EmployeeId != null && people.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct))
        {
            notifier.Post(u, message, [arg], link);
        }

        await db.SaveChangesAsync(ct);
    }
}
