using System.Security.Claims;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

public sealed record AnswerInput(int ItemId, decimal? Value);

public sealed record FindingInput(FindingTag Tag, int? SectionId, decimal? AtSecond, string? Note);

public enum EvalOutcome
{
    Ok,
    NotFound,
    /// <summary>Someone saved the draft since this copy was read (optimistic concurrency).</summary>
    Conflict,
    /// <summary>Refused: <see cref="EvalResult.Message"/> says why.</summary>
    Invalid,
}

public sealed record EvalResult(EvalOutcome Outcome, Evaluation? Evaluation = null, string? Message = null, object[]? Args = null)
{
    public static EvalResult Bad(string message, params object[] args) => new(EvalOutcome.Invalid, null, message, args);
}

/// <summary>
/// Scoring calls and what follows: drafts guarded against lost updates, submission with the
/// agent's notification, acknowledgement, disputes and their settlement as new score versions,
/// and the follow-up that closes targeted retraining. Pages and the API share it.
/// </summary>
public sealed class EvaluationService(AppDbContext db, DataScopeProvider scope, Notifier notifier, TimeProvider time, QualityOptions options)
{
    /// <summary>Roles that score calls (and take part in calibration).</summary>
    public static readonly string[] ScoringRoles = [Roles.QaInspector, Roles.TeamLead, Roles.Supervisor, Roles.Trainer];

    /// <summary>Roles that settle disputes (never the inspector of the evaluation).</summary>
    public static readonly string[] ArbitratorRoles = [Roles.QaInspector, Roles.Supervisor, Roles.DepartmentManager];

    public static bool CanScore(ClaimsPrincipal user) => ScoringRoles.Any(user.IsInRole);

    public static bool CanSettle(ClaimsPrincipal user) => ArbitratorRoles.Any(user.IsInRole);

    public static (int Id, string Name) Actor(ClaimsPrincipal user) =>
        (Notifier.UserIdOf(user) ?? 0, user.FindFirst("agentpath:display")?.Value ?? user.Identity?.Name ?? "?");

    /// <summary>Evaluations the user may see: of people in scope, drafts only for those who score, calibration scorings only their own.</summary>
    public async Task<IQueryable<Evaluation>> VisibleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var s = await scope.GetAsync(ct);
        var me = Notifier.UserIdOf(user) ?? -1;
        var scorer = CanScore(user);
        if (s.Everyone)
        {
            return db.Evaluations.Where(e => (e.CalibrationSessionId == null && (scorer || e.Status != EvaluationStatus.Draft))
                || (e.CalibrationSessionId != null && e.InspectorUserId == me));
        }

        var people = s.Apply(db.Employees).Select(e => e.Id);
        return db.Evaluations.Where(e => (e.CalibrationSessionId == null && (scorer || e.Status != EvaluationStatus.Draft) && people.Contains(e.EmployeeId))
            || (e.CalibrationSessionId != null && e.InspectorUserId == me));
    }

    public async Task<Evaluation?> LoadAsync(int id, ClaimsPrincipal user, bool tracked = false, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(user, ct);
        if (!await visible.AnyAsync(e => e.Id == id, ct))
        {
            return null;
        }

        var q = db.Evaluations.Include(e => e.Scores).ThenInclude(s => s.Items)
            .Include(e => e.Scores).ThenInclude(s => s.Sections)
            .Include(e => e.Comments).Include(e => e.Findings).Include(e => e.Disputes)
            .Include(e => e.Recording).Include(e => e.Employee).ThenInclude(p => p.Team)
            .Include(e => e.ScorecardVersion).ThenInclude(v => v.Scorecard)
            .Include(e => e.ScorecardVersion).ThenInclude(v => v.Sections).ThenInclude(s => s.Items)
            .AsSplitQuery();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    public static IReadOnlyList<AnswerInput> DraftOf(Evaluation e) =>
        JsonSerializer.Deserialize<List<AnswerInput>>(e.DraftAnswers, JsonOptions) ?? [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string SerializeAnswers(IEnumerable<AnswerInput> answers) => JsonSerializer.Serialize(answers, JsonOptions);

    /// <summary>Opens a draft for a recording with a scorecard's current version; an existing open draft of the same call and card is reused.</summary>
    public async Task<EvalResult> CreateAsync(long recordingId, int scorecardId, ClaimsPrincipal user, int? calibrationSessionId = null, int? assignmentId = null, CancellationToken ct = default)
    {
        var recording = await (await new RecordingsScope(db, scope).VisibleAsync(ct)).FirstOrDefaultAsync(r => r.Id == recordingId, ct);
        if (recording is null)
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        var (me, name) = Actor(user);
        ScorecardVersion? version;
        if (calibrationSessionId is { } sid)
        {
            var session = await db.CalibrationSessions.FirstOrDefaultAsync(c => c.Id == sid && c.RecordingId == recordingId, ct);
            if (session is null)
            {
                return new EvalResult(EvalOutcome.NotFound);
            }

            if (!session.IsOpen)
            {
                return EvalResult.Bad("This calibration session is closed.");
            }

            var own = await db.Evaluations.FirstOrDefaultAsync(e => e.CalibrationSessionId == sid && e.InspectorUserId == me, ct);
            if (own is not null)
            {
                return new EvalResult(EvalOutcome.Ok, own);
            }

            version = await db.ScorecardVersions.FirstAsync(v => v.Id == session.ScorecardVersionId, ct);
        }
        else
        {
            version = await db.ScorecardVersions.Where(v => v.ScorecardId == scorecardId && v.Status == VersionStatus.Published)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            if (version is null)
            {
                return EvalResult.Bad("That scorecard has no published version.");
            }

            var open = await db.Evaluations.FirstOrDefaultAsync(e => e.RecordingId == recordingId && e.ScorecardVersionId == version.Id
                && e.CalibrationSessionId == null && e.Status == EvaluationStatus.Draft, ct);
            if (open is not null)
            {
                return new EvalResult(EvalOutcome.Ok, open);
            }
        }

        var evaluation = new Evaluation(recording, version, me, name, time.GetUtcNow(), calibrationSessionId, assignmentId);
        db.Evaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A parallel request opened the same draft first: that one is the draft (one open draft per inspector × call).
            db.ChangeTracker.Clear();
            var winner = await db.Evaluations.FirstOrDefaultAsync(x => x.RecordingId == recordingId && x.ScorecardVersionId == version.Id && x.InspectorUserId == me
                && x.CalibrationSessionId == calibrationSessionId && (calibrationSessionId != null || x.Status == EvaluationStatus.Draft), ct);
            return winner is null ? throw new ConflictException() : new EvalResult(EvalOutcome.Ok, winner);
        }

        return new EvalResult(EvalOutcome.Ok, evaluation);
    }

    /// <summary>Saves a draft if nobody saved it since <paramref name="expectedVersion"/>; otherwise a conflict and nothing changes.</summary>
    public async Task<EvalResult> SaveDraftAsync(int id, int expectedVersion, IReadOnlyList<AnswerInput> answers, string? comment, IReadOnlyList<FindingInput> findings,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null || !CanScore(user) || (e.CalibrationSessionId is not null && e.InspectorUserId != Actor(user).Id))
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        if (e.Status != EvaluationStatus.Draft)
        {
            return EvalResult.Bad("This evaluation has been submitted; it can no longer be edited.");
        }

        if (e.Version != expectedVersion)
        {
            return new EvalResult(EvalOutcome.Conflict, e);
        }

        var card = e.ScorecardVersion.ToCard();
        if (ScorecardMath.Check(card, answers.Select(a => new ScorecardMath.Answer(a.ItemId, a.Value)).ToList(), complete: false) is { } problem)
        {
            return EvalResult.Bad(problem.Message, problem.Args);
        }

        var sections = card.Sections.Select(s => s.Id).ToHashSet();
        if (findings.Any(f => f.SectionId is { } sid && !sections.Contains(sid)))
        {
            return EvalResult.Bad("A finding names a dimension that is not on this scorecard.");
        }

        if (findings.Any(f => f.AtSecond is { } s && !Infrastructure.InputRanges.IsSecondInCall(s, e.Recording.DurationSeconds)))
        {
            return EvalResult.Bad(Infrastructure.InputRanges.SecondMessage, e.Recording.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (findings.Any(f => !Enum.IsDefined(f.Tag)))
        {
            return EvalResult.Bad("Unknown finding tag.");
        }

        db.Entry(e).Property(x => x.Version).OriginalValue = expectedVersion;
        try
        {
            e.SaveDraft(JsonSerializer.Serialize(answers, JsonOptions), comment,
                findings.Select(f => new Finding(f.Tag, f.SectionId, f.AtSecond, f.Note)).ToList());
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new EvalResult(EvalOutcome.Conflict, await LoadAsync(id, user, ct: ct));
        }
        catch (DomainException x)
        {
            return EvalResult.Bad(x.Message);
        }

        return new EvalResult(EvalOutcome.Ok, e);
    }

    /// <summary>Freezes the draft into score 1, notifies the agent and closes retraining whose follow-up this is.</summary>
    public async Task<EvalResult> SubmitAsync(int id, int expectedVersion, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null || !CanScore(user) || (e.CalibrationSessionId is not null && e.InspectorUserId != Actor(user).Id))
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        if (e.Status != EvaluationStatus.Draft)
        {
            return EvalResult.Bad("This evaluation has been submitted; it can no longer be edited.");
        }

        if (e.Version != expectedVersion)
        {
            return new EvalResult(EvalOutcome.Conflict, e);
        }

        var card = e.ScorecardVersion.ToCard();
        var answers = DraftOf(e).Select(a => new ScorecardMath.Answer(a.ItemId, a.Value)).ToList();
        if (ScorecardMath.Check(card, answers) is { } problem)
        {
            return EvalResult.Bad(problem.Message, problem.Args);
        }

        var result = ScorecardMath.Total(card, answers);
        if (result.CommentRequired && string.IsNullOrWhiteSpace(e.Comment))
        {
            return EvalResult.Bad("Write a comment: the total is below {0} or a critical item failed.", card.CommentBelow.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture));
        }

        var (me, name) = Actor(user);
        var now = time.GetUtcNow();
        db.Entry(e).Property(x => x.Version).OriginalValue = expectedVersion;
        e.Submit(new EvaluationScore(1, result, answers, card, me, name, now, null, null), now, now.AddDays(options.DisputeWindowDays));
        if (e.AssignmentId is { } aid && await db.SamplingAssignments.FirstOrDefaultAsync(a => a.Id == aid, ct) is { } assignment)
        {
            assignment.Done(e.Id);
        }

        if (e.CalibrationSessionId is null)
        {
            await NotifyAgentAsync(e, "Your call of {0} has been scored: {1}. Open it to acknowledge or dispute.", [CenterClock.Show(e.Recording.StartedAt), result.Total.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)], ct);
            await FollowUpRetrainingAsync(e, result, card, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new EvalResult(EvalOutcome.Conflict, await LoadAsync(id, user, ct: ct));
        }

        return new EvalResult(EvalOutcome.Ok, e);
    }

    public async Task<EvalResult> AddCommentAsync(int id, decimal? atSecond, string? text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null)
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        var (me, name) = Actor(user);
        var isAgent = AgentOf(user) == e.EmployeeId;
        var author = isAgent ? CommentAuthor.Agent : e.Status == EvaluationStatus.Disputed && CanSettle(user) && me != e.InspectorUserId ? CommentAuthor.Arbitrator : CommentAuthor.Inspector;
        if (!isAgent && !CanScore(user) && !CanSettle(user))
        {
            return EvalResult.Bad("Only the agent, inspectors and arbitrators comment on an evaluation.");
        }

        try
        {
            e.AddComment(new EvaluationComment(atSecond, text ?? "", author, me, name, time.GetUtcNow(), e.Recording.DurationSeconds));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException x)
        {
            return EvalResult.Bad(x.Message);
        }

        return new EvalResult(EvalOutcome.Ok, e);
    }

    private static int? AgentOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DataScopeProvider.EmployeeIdClaim), out var id) ? id : null;

    public async Task<EvalResult> AcknowledgeAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null)
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        if (AgentOf(user) != e.EmployeeId)
        {
            return EvalResult.Bad("Only the agent on the call acknowledges or disputes its evaluation.");
        }

        try
        {
            e.Acknowledge(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException x)
        {
            return EvalResult.Bad(x.Message);
        }

        return new EvalResult(EvalOutcome.Ok, e);
    }

    public async Task<EvalResult> DisputeAsync(int id, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null)
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        if (AgentOf(user) != e.EmployeeId)
        {
            return EvalResult.Bad("Only the agent on the call acknowledges or disputes its evaluation.");
        }

        try
        {
            e.RaiseDispute(reason ?? "", Actor(user).Id, time.GetUtcNow());
            notifier.Post(e.InspectorUserId, "{0} disputed the evaluation of their call of {1}.", [e.Employee.Name, CenterClock.Show(e.Recording.StartedAt)], $"/quality/evaluations/{e.Id}");
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException x)
        {
            return EvalResult.Bad(x.Message);
        }

        return new EvalResult(EvalOutcome.Ok, e);
    }

    /// <summary>
    /// The arbitrator's decision. With <paramref name="changes"/>, those items are re-scored on top of
    /// the latest score and the result is a new score version (the reason is the decision); without, the score stands.
    /// </summary>
    public async Task<EvalResult> SettleAsync(int id, string? decision, IReadOnlyList<AnswerInput>? changes, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, user, tracked: true, ct);
        if (e is null || !CanSettle(user))
        {
            return new EvalResult(EvalOutcome.NotFound);
        }

        var (me, name) = Actor(user);
        var now = time.GetUtcNow();
        EvaluationScore? score = null;
        var card = e.ScorecardVersion.ToCard();
        ScorecardMath.Result? result = null;
        if (changes is { Count: > 0 })
        {
            var latest = e.Latest!;
            var merged = latest.Items.ToDictionary(i => i.ItemId, i => i.Value);
            foreach (var c in changes)
            {
                merged[c.ItemId] = c.Value;
            }

            var answers = merged.Select(kv => new ScorecardMath.Answer(kv.Key, kv.Value)).ToList();
            if (ScorecardMath.Check(card, answers) is { } problem)
            {
                return EvalResult.Bad(problem.Message, problem.Args);
            }

            result = ScorecardMath.Total(card, answers);
            score = new EvaluationScore(latest.Number + 1, result, answers, card, me, name, now, decision?.Trim(), latest);
        }

        try
        {
            e.Settle(decision ?? "", score, me, name, now);
        }
        catch (DomainException x)
        {
            return EvalResult.Bad(x.Message);
        }

        var total = (score ?? e.Latest!).Total.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        await NotifyAgentAsync(e, "Your dispute has been settled; the score is now {0}.", [total], ct);
        notifier.Post(e.InspectorUserId, "A dispute of your evaluation has been settled; the score is now {0}.", [total], $"/quality/evaluations/{e.Id}");
        if (result is not null)
        {
            await FollowUpRetrainingAsync(e, result, card, ct);
        }

        await db.SaveChangesAsync(ct);
        return new EvalResult(EvalOutcome.Ok, e);
    }

    private async Task NotifyAgentAsync(Evaluation e, string key, string[] args, CancellationToken ct)
    {
        var agentUser = await db.Users.Where(u => u.EmployeeId == e.EmployeeId).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (agentUser is { } uid)
        {
            notifier.Post(uid, key, args, $"/quality/evaluations/{e.Id}");
        }
    }

    /// <summary>
    /// A passing evaluation is the follow-up of the agent's open retraining from QA: a task on a
    /// dimension closes when that dimension also reaches the pass mark, a task without one when the total passes.
    /// </summary>
    private async Task FollowUpRetrainingAsync(Evaluation e, ScorecardMath.Result result, ScorecardMath.Card card, CancellationToken ct)
    {
        if (!result.Passed)
        {
            return;
        }

        var tasks = await db.RetrainingTasks.Where(t => t.EmployeeId == e.EmployeeId && t.Status == RetrainingStatus.Open && t.Source == QualitySetup.TrainingSource).ToListAsync(ct);
        var sectionNames = e.ScorecardVersion.Sections.ToDictionary(s => s.Id, s => s.Name);
        foreach (var t in tasks.Where(t => t.AssignedAt <= time.GetUtcNow()))
        {
            if (t.FocusKey is null)
            {
                t.CompleteByFollowUp($"Evaluation:{e.Id}", result.Total, true, time.GetUtcNow());
                continue;
            }

            var section = result.Sections.FirstOrDefault(s => sectionNames.GetValueOrDefault(s.SectionId) == t.FocusKey);
            if (section?.Score is { } ds && ds >= card.PassMark)
            {
                t.CompleteByFollowUp($"Evaluation:{e.Id}", ds, true, time.GetUtcNow());
            }
        }
    }
}

/// <summary>The recordings in the signed-in user's scope, for services that must not depend on the file store.</summary>
internal sealed class RecordingsScope(AppDbContext db, DataScopeProvider scope)
{
    public async Task<IQueryable<Recording>> VisibleAsync(CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        if (s.Everyone)
        {
            return db.Recordings;
        }

        var people = s.Apply(db.Employees).Select(e => e.Id);
        return db.Recordings.Where(r => people.Contains(r.EmployeeId));
    }
}
