using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>A part's number from its source: the score out of 100, the source's name and a reference a reader can follow.</summary>
public sealed record PartValue(decimal Score, string Source, string Reference);

/// <summary>
/// Where the number of a gate part comes from, keyed by part kind. A part whose kind no registered
/// source serves, or whose source has nothing on file and allows entry (a paper exam, a QA score kept
/// on paper), is entered by the assessor with a reference.
/// </summary>
public interface IGatePartSource
{
    IReadOnlyCollection<GatePartKind> Kinds { get; }

    /// <summary>The number for this part and person in their current stage, or null when the source has none yet.</summary>
    Task<PartValue?> ValueAsync(GatePart part, Employee person, CancellationToken ct);

    /// <summary>Whether the assessor may enter the number (with a reference) when the source has none, e.g. a QA score kept on paper.</summary>
    bool EntryWhenMissing => false;
}

public static class GateSourceNames
{
    public const string Exam = "Exam";
    public const string Evaluations = "Evaluations";
    public const string Hours = "Hours";
    public const string Entered = "Entered";
}

/// <summary>
/// Exam-sourced parts: the written test (exams of kind gate test) and the business exam (gate test or
/// monthly business exam); the latest graded attempt in the stage counts. Where no online attempt
/// exists the exam was sat on paper (docs/adr/0007): the assessor enters its score with the paper's
/// sheet number or the signature sheet as reference (R8.1: proof by exam or by signatures).
/// </summary>
public sealed class ExamAttemptSource(AppDbContext db) : IGatePartSource
{
    public IReadOnlyCollection<GatePartKind> Kinds { get; } = [GatePartKind.WrittenTest, GatePartKind.BusinessExam];

    public bool EntryWhenMissing => true;

    public async Task<PartValue?> ValueAsync(GatePart part, Employee person, CancellationToken ct)
    {
        var kinds = part.Kind == GatePartKind.WrittenTest ? new[] { ExamKind.GateTest } : [ExamKind.GateTest, ExamKind.MonthlyBusiness];
        var since = CenterClock.StartOf(person.StageStart);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.EmployeeId == person.Id && a.Status == AttemptStatus.Submitted && a.StartedAt >= since && kinds.Contains(a.Exam.Kind))
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Number, a.Exam.Title }).Take(5).ToListAsync(ct);
        foreach (var a in attempts)
        {
            var result = await db.AttemptResults.AsNoTracking().Where(r => r.AttemptId == a.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (result is { Provisional: false })
            {
                return new PartValue(result.Percent, GateSourceNames.Exam, string.Create(CultureInfo.InvariantCulture, $"{a.Title} #{a.Number} ({result.Score:0.#}/{result.MaxScore:0.#})"));
            }
        }

        return null;
    }
}

/// <summary>The average of the apprentice's daily evaluations (each the mean of five 1–5 ratings × 20).</summary>
public sealed class DailyEvaluationSource(AppDbContext db) : IGatePartSource
{
    public IReadOnlyCollection<GatePartKind> Kinds { get; } = [GatePartKind.DailyEvaluations];

    public async Task<PartValue?> ValueAsync(GatePart part, Employee person, CancellationToken ct)
    {
        var since = person.StageStart;
        var evaluations = await db.DailyEvaluations.AsNoTracking().Where(d => d.ApprenticeId == person.Id && d.On >= since).ToListAsync(ct);
        if (evaluations.Count == 0)
        {
            return null;
        }

        var avg = Math.Round(evaluations.Average(e => e.Score), 1, MidpointRounding.AwayFromZero);
        return new PartValue(avg, GateSourceNames.Evaluations, string.Create(CultureInfo.InvariantCulture, $"{evaluations.Count} × daily evaluation"));
    }
}

/// <summary>On-the-job training hours in probation against the part's target (target hours score 100).</summary>
public sealed class TrainingHoursSource(AppDbContext db, TimeProvider time) : IGatePartSource
{
    public IReadOnlyCollection<GatePartKind> Kinds { get; } = [GatePartKind.TrainingHours];

    public async Task<PartValue?> ValueAsync(GatePart part, Employee person, CancellationToken ct)
    {
        var lines = await HoursLedger.LinesAsync(db, person.Id, person.StageStart, ApprenticeshipLimit.Today(time), ct);
        var hours = lines.Sum(l => l.Hours);
        var target = part.Target is > 0 ? part.Target.Value : 40m;
        var score = Math.Min(100, Math.Round(hours * 100 / target, 1, MidpointRounding.AwayFromZero));
        return new PartValue(score, GateSourceNames.Hours, string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h / {target:0.#} h"));
    }
}
