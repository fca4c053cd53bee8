using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>A number entered by the assessor for a part no source serves, with where it comes from.</summary>
public sealed record EnteredScore(decimal Score, string? Reference);

/// <summary>What the assessor submits at a gate.</summary>
public sealed record GateInput(
    IReadOnlyDictionary<GatePartKind, EnteredScore> Entered,
    GateOutcome? Outcome,
    int? TeamId,
    string? Note,
    DateOnly? On);

/// <summary>A gate as it stands for a person now: the parts with their numbers, the composite and what may follow.</summary>
public sealed record GatePreview(GateDefinition Gate, int Sitting, GateComposite Composite, IReadOnlyList<GateOutcome> Allowed,
    IReadOnlySet<GatePartKind> EnteredKinds, IReadOnlyList<GateResult> Earlier);

/// <summary>
/// Runs the pipeline: gate results (computed from their sources, signed by the assessor), and
/// every stage change through the entity's stage machine, each recorded as a <see cref="StageEvent"/>.
/// </summary>
public sealed class StageService(AppDbContext db, IEnumerable<IGatePartSource> sources, TimeProvider time, ICurrentActor actor)
{
    public DateOnly Today => ApprenticeshipLimit.Today(time);

    /// <summary>The current version of the stage's gate.</summary>
    public Task<GateDefinition?> GateForAsync(Stage stage, CancellationToken ct) =>
        db.GateDefinitions.Include(g => g.Parts.OrderBy(p => p.Order)).Where(g => g.Stage == stage && g.SupersededAt == null)
            .OrderByDescending(g => g.Version).FirstOrDefaultAsync(ct);

    /// <summary>A score typed in: 0 to 100 with at most two decimals (the precision QA averages and exam percentages have).</summary>
    public static bool IsScore(decimal v) => v is >= 0 and <= 100 && v == decimal.Round(v, 2);

    public const string ScoreMessage = "A score is a number from 0 to 100 with at most two decimals.";

    /// <summary>
    /// Every problem of a submission before it is recorded, each with the field it belongs to
    /// (<c>score.{Kind}</c>, <c>ref.{Kind}</c>, <c>teamId</c>, <c>outcome</c>) so a form marks them where they are.
    /// Empty when the sitting can be recorded.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(Employee person, GatePreview preview, GateInput input)
    {
        var problems = new List<(string, string)>();
        foreach (var part in preview.Composite.Parts)
        {
            if (!preview.EnteredKinds.Contains(part.Kind))
            {
                continue;
            }

            var e = input.Entered.GetValueOrDefault(part.Kind);
            if (e is null)
            {
                problems.Add(("score." + part.Kind, "Enter the score of this part."));
                continue;
            }

            if (!IsScore(e.Score))
            {
                problems.Add(("score." + part.Kind, ScoreMessage));
            }

            if (string.IsNullOrWhiteSpace(e.Reference))
            {
                problems.Add(("ref." + part.Kind, "Say where the score comes from (the paper's sheet number, the score sheet)."));
            }
            else if (e.Reference.Trim().Length > GateResultPart.ReferenceMax)
            {
                problems.Add(("ref." + part.Kind, "A reference is at most 300 characters."));
            }
        }

        if (problems.Count > 0 || !preview.Composite.Complete)
        {
            return problems;
        }

        if (preview.Composite.Passed)
        {
            if (person.Stage == Stage.Induction && input.TeamId is null && person.TeamId is null)
            {
                problems.Add(("teamId", "Choose the team for the apprenticeship."));
            }
        }
        else if (input.Outcome is null)
        {
            problems.Add(("outcome", "Choose what follows the failure: retraining and a retake, or elimination."));
        }
        else if (!preview.Allowed.Contains(input.Outcome.Value))
        {
            problems.Add(("outcome", input.Outcome == GateOutcome.Passed ? "A failed gate cannot be recorded as passed." : "No retake is left: a failed last retake leads to elimination."));
        }

        return problems;
    }

    /// <summary>The gate of the person's stage with the numbers the sources give and the ones entered so far; null when the stage has no gate.</summary>
    public async Task<GatePreview?> PreviewAsync(Employee person, IReadOnlyDictionary<GatePartKind, EnteredScore>? entered, CancellationToken ct)
    {
        var gate = await GateForAsync(person.Stage, ct);
        if (gate is null)
        {
            return null;
        }

        var earlier = await db.GateResults.AsNoTracking().Include(r => r.Parts)
            .Where(r => r.EmployeeId == person.Id && r.Stage == person.Stage).OrderBy(r => r.Id).ToListAsync(ct);
        // Sittings count from the person's entry into the stage (a reinstatement starts afresh).
        var enteredAt = await db.StageEvents.AsNoTracking().Where(e => e.EmployeeId == person.Id && e.To == person.Stage)
            .OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var current = earlier.Where(r => enteredAt is null || r.At >= enteredAt.Value).ToList();
        var sitting = current.Count + 1;
        var parts = new List<ScoredPart>();
        var enteredKinds = new HashSet<GatePartKind>();
        foreach (var part in gate.Parts.OrderBy(p => p.Order))
        {
            var source = sources.FirstOrDefault(s => s.Kinds.Contains(part.Kind));
            var v = source is null ? null : await source.ValueAsync(part, person, ct);
            if (source is not null && (v is not null || !source.EntryWhenMissing))
            {
                parts.Add(new ScoredPart(part.Kind, part.Weight, part.Minimum, v?.Score, v?.Source ?? "", v?.Reference));
            }
            else
            {
                enteredKinds.Add(part.Kind);
                var e = entered?.GetValueOrDefault(part.Kind);
                parts.Add(new ScoredPart(part.Kind, part.Weight, part.Minimum, e?.Score, GateSourceNames.Entered, e?.Reference));
            }
        }

        var composite = GateComposite.Compute(parts, gate.PassMark);
        return new GatePreview(gate, sitting, composite, GateComposite.AllowedOutcomes(composite.Passed, sitting, gate.RetakesAllowed), enteredKinds, earlier);
    }

    /// <summary>Records a sitting of the gate under the assessor's name; a pass moves the person on, an elimination ends the path. One transaction.</summary>
    public async Task<GateResult> RecordGateAsync(Employee person, GateInput input, CancellationToken ct)
    {
        if (person.Stage is not (Stage.Induction or Stage.Apprenticeship or Stage.Probation))
        {
            throw new DomainException("This person has no gate to take.");
        }

        foreach (var (_, e) in input.Entered)
        {
            if (!IsScore(e.Score))
            {
                throw new DomainException(ScoreMessage);
            }

            if (e.Reference?.Trim() is { Length: > GateResultPart.ReferenceMax })
            {
                throw new DomainException("A reference is at most 300 characters.");
            }
        }

        var preview = await PreviewAsync(person, input.Entered, ct) ?? throw new DomainException("This stage has no gate defined.");
        if (preview.Composite.Parts.Any(p => p.Source == GateSourceNames.Entered && p.Score is not null && string.IsNullOrWhiteSpace(p.Reference)))
        {
            throw new DomainException("A score entered by the assessor needs a reference to where it comes from.");
        }

        if (!preview.Composite.Complete)
        {
            throw new DomainException("Every part of the gate needs a number before the result is recorded.");
        }

        var on = CheckDate(person, input.On);
        var outcome = preview.Composite.Passed ? GateOutcome.Passed : input.Outcome
            ?? throw new DomainException("Choose what follows the failure: retraining and a retake, or elimination.");
        if (!preview.Allowed.Contains(outcome))
        {
            throw new DomainException(preview.Composite.Passed ? "A passed gate cannot be recorded as failed."
                : outcome == GateOutcome.Passed ? "A failed gate cannot be recorded as passed."
                : "No retake is left: a failed last retake leads to elimination.");
        }

        Team? team = null;
        if (outcome == GateOutcome.Passed && person.Stage == Stage.Induction)
        {
            team = input.TeamId is { } tid ? await db.Teams.Include(t => t.Department).FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
            if (team is null && person.TeamId is null)
            {
                throw new DomainException("An apprentice must be assigned to a team first.");
            }
        }

        var signer = await SignerAsync(ct);
        var now = time.GetUtcNow();
        // The round of sittings: one more than the recorded entries into the stage (a reinstatement or a second promotion into it starts a new round).
        var round = 1 + await db.StageEvents.CountAsync(e => e.EmployeeId == person.Id && e.To == person.Stage, ct);
        var result = new GateResult(person.Id, preview.Gate, preview.Sitting, preview.Composite, outcome,
            outcome == GateOutcome.Eliminated ? StageReason.FailedGate : null, input.Note, on, now, actor.UserId, signer, round);

        // One decision, one record: the sitting is unique per person × stage × round × sitting, and the
        // person's version moves with it, so of two racing sittings the second is refused (409) whole.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        person.Decided();
        db.GateResults.Add(result);
        await db.SaveChangesAsync(ct);
        if (outcome == GateOutcome.Passed)
        {
            if (team is not null)
            {
                person.Place(team.Department, team);
            }

            var change = person.Promote(Employee.NextStage(person.Stage)!.Value, gatePassed: true, on, Today);
            db.StageEvents.Add(new StageEvent(person.Id, change.From, change.To, StageReason.GatePassed, on, now, signer, input.Note, result.Id));
            if (change.From == Stage.Apprenticeship)
            {
                await IssueCertificateAsync(person, on, result.Id, signer, ct);
            }
        }
        else if (outcome == GateOutcome.Eliminated)
        {
            var change = person.Eliminate(on, Today);
            db.StageEvents.Add(new StageEvent(person.Id, change.From, change.To, StageReason.FailedGate, on, now, signer, input.Note, result.Id));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>淘汰 outside a gate sitting (absent, resigned, conduct…), or after a failed result for "failed gate".</summary>
    public async Task<StageEvent> EliminateAsync(Employee person, StageReason reason, string? note, DateOnly? date, CancellationToken ct)
    {
        if (!StageReasons.Elimination.Contains(reason))
        {
            throw new DomainException("Choose a reason for the elimination.");
        }

        long? gateResultId = null;
        if (reason == StageReason.FailedGate)
        {
            var last = await db.GateResults.Where(r => r.EmployeeId == person.Id && r.Stage == person.Stage).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (last is null || last.Passed || last.On < person.StageStart)
            {
                throw new DomainException("An elimination for a failed gate needs a failed gate result.");
            }

            gateResultId = last.Id;
        }

        if (reason == StageReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say why in the note.");
        }

        var on = CheckDate(person, date);
        var change = person.Eliminate(on, Today);
        var ev = new StageEvent(person.Id, change.From, change.To, reason, on, time.GetUtcNow(), await SignerAsync(ct), note, gateResultId);
        db.StageEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    public async Task<StageEvent> LeaveAsync(Employee person, StageReason reason, string? note, DateOnly? date, CancellationToken ct)
    {
        if (!StageReasons.Departure.Contains(reason))
        {
            throw new DomainException("Choose a reason for the departure.");
        }

        var on = CheckDate(person, date);
        var change = person.Leave(on, Today);
        var ev = new StageEvent(person.Id, change.From, change.To, reason, on, time.GetUtcNow(), await SignerAsync(ct), note);
        db.StageEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    /// <summary>HR's documented reinstatement: back to the stage left from or an earlier one.</summary>
    public async Task<StageEvent> ReinstateAsync(Employee person, Stage to, string document, string? note, DateOnly? date, CancellationToken ct)
    {
        var exit = await db.StageEvents.Where(e => e.EmployeeId == person.Id && (e.To == Stage.Eliminated || e.To == Stage.Left))
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        var leftFrom = exit?.From ?? Stage.Regular;
        var on = CheckDate(person, date);
        var change = person.Reinstate(to, leftFrom, document, on, Today);
        var ev = new StageEvent(person.Id, change.From, change.To, StageReason.Reinstated, on, time.GetUtcNow(), await SignerAsync(ct), note, null, document);
        db.StageEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    private DateOnly CheckDate(Employee person, DateOnly? date)
    {
        var on = date ?? Today;
        if (on > Today)
        {
            throw new DomainException("The date cannot be in the future.");
        }

        if (on < person.HireDate)
        {
            throw new DomainException("The date cannot be before the hire date.");
        }

        return on < person.StageStart ? throw new DomainException("The date of a stage change cannot be before the start of the current stage.") : on;
    }

    /// <summary>The name an assessor signs with: their display name and account.</summary>
    public async Task<string> SignerAsync(CancellationToken ct)
    {
        if (actor.UserId is { } id && await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } display)
        {
            return $"{display} ({actor.UserName})";
        }

        return actor.UserName;
    }

    /// <summary>岗位合格证 for the person's post, numbered in the year of issue.</summary>
    private async Task IssueCertificateAsync(Employee person, DateOnly on, long gateResultId, string by, CancellationToken ct)
    {
        await db.Entry(person).Collection(p => p.Posts).LoadAsync(ct);
        var prefix = Certificate.NumberFor(on.Year, 0)[..^4];
        var numbers = await db.Certificates.Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(ct);
        var last = numbers.Select(n => int.TryParse(n[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0).DefaultIfEmpty(0).Max();
        db.Certificates.Add(new Certificate(Certificate.NumberFor(on.Year, last + 1), person.Id, person.Posts.FirstOrDefault()?.Id, on, gateResultId, by));
    }

    /// <summary>A score, weight or mark as shown: up to two decimals (the precision scores are kept in).</summary>
    public static string Format(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
