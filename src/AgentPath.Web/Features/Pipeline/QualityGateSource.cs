using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Quality;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>
/// QA-sourced gate parts, from the person's submitted evaluations in their current stage (calibration
/// scorings excluded; a settled dispute's changed score counts, the latest version of each):
/// the recording QA score and the QA standard (the average over their recorded calls, mock and
/// internal test calls aside), the mock-call score (their mock calls), and the QA checks (the calls
/// drawn for them by a sampling plan). When no evaluation is on file the assessor may enter the
/// number with a reference (QA scored on paper before the system), shown as entered.
/// </summary>
public sealed class QualityGateSource(AppDbContext db) : IGatePartSource
{
    public IReadOnlyCollection<GatePartKind> Kinds { get; } = [GatePartKind.RecordingQa, GatePartKind.MockCall, GatePartKind.QaChecks, GatePartKind.QaStandard];

    public bool EntryWhenMissing => true;

    public const string Source = "Quality";

    public async Task<PartValue?> ValueAsync(GatePart part, Employee person, CancellationToken ct)
    {
        // The stage began at midnight in the center's zone (Center:TimeZone).
        var since = CenterClock.StartOf(person.StageStart);
        var q = db.Evaluations.AsNoTracking().Where(e => e.EmployeeId == person.Id && e.CalibrationSessionId == null
            && e.Status != EvaluationStatus.Draft && e.SubmittedAt >= since);
        q = part.Kind switch
        {
            GatePartKind.MockCall => q.Where(e => e.Recording.CallType == CallType.MockCall),
            GatePartKind.QaChecks => q.Where(e => e.AssignmentId != null && e.Recording.CallType != CallType.MockCall && e.Recording.CallType != CallType.TestCall),
            _ => q.Where(e => e.Recording.CallType != CallType.MockCall && e.Recording.CallType != CallType.TestCall),
        };
        var totals = await q.Select(e => new { e.Id, Total = e.Scores.OrderByDescending(s => s.Number).Select(s => s.Total).First() }).ToListAsync(ct);
        if (totals.Count == 0)
        {
            return null;
        }

        var avg = Math.Round(totals.Average(t => t.Total), 1, MidpointRounding.AwayFromZero);
        var ids = string.Join(", ", totals.OrderBy(t => t.Id).Take(5).Select(t => "#" + t.Id.ToString(CultureInfo.InvariantCulture)));
        return new PartValue(avg, Source, string.Create(CultureInfo.InvariantCulture, $"{totals.Count} × QA evaluation ({ids}{(totals.Count > 5 ? ", …" : "")})"));
    }
}
