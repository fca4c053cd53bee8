using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>Calibration sessions: blind scoring, then per-item spread and distance from the lead's reference; consistency over time.</summary>
public sealed class CalibrationService(AppDbContext db, TimeProvider time)
{
    public sealed record Results(CalibrationSession Session, IReadOnlyList<(int Id, string Name)> Inspectors, IReadOnlyList<(ScorecardItem Item, string Section, Consistency.ItemRow Row)> Items,
        IReadOnlyDictionary<int, decimal?> MeanDeviation, IReadOnlyDictionary<int, decimal> Totals, decimal? ReferenceTotal);

    public sealed record ConsistencyRow(int InspectorUserId, string Inspector, string Month, int Sessions, decimal? MeanDeviation, decimal? TotalGap);

    /// <summary>Who has submitted in the session (names only: scores stay hidden until it closes).</summary>
    public async Task<List<(int Id, string Name, bool Submitted)>> ParticipantsAsync(int sessionId, CancellationToken ct) =>
        (await db.Evaluations.AsNoTracking().Where(e => e.CalibrationSessionId == sessionId)
            .Select(e => new { e.InspectorUserId, e.InspectorName, e.Status }).ToListAsync(ct))
        .Select(e => (e.InspectorUserId, e.InspectorName, e.Status != EvaluationStatus.Draft)).ToList();

    public async Task<string?> CloseAsync(int sessionId, CancellationToken ct)
    {
        var s = await db.CalibrationSessions.FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null)
        {
            return "Not found.";
        }

        var done = (await ParticipantsAsync(sessionId, ct)).Where(p => p.Submitted).ToList();
        try
        {
            s.Close(done.Any(p => p.Id == s.LeadUserId), done.Count, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The comparison; only for a closed session (blind until then).</summary>
    public async Task<Results?> ResultsAsync(int sessionId, CancellationToken ct)
    {
        var s = await db.CalibrationSessions.AsNoTracking().Include(x => x.Recording).ThenInclude(r => r.Employee)
            .Include(x => x.ScorecardVersion).ThenInclude(v => v.Sections).ThenInclude(x => x.Items).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null || s.IsOpen)
        {
            return null;
        }

        var evals = await db.Evaluations.AsNoTracking().Where(e => e.CalibrationSessionId == sessionId && e.Status != EvaluationStatus.Draft)
            .Include(e => e.Scores).ThenInclude(x => x.Items).AsSplitQuery().ToListAsync(ct);
        var reference = evals.FirstOrDefault(e => e.InspectorUserId == s.LeadUserId);
        var others = evals.Where(e => e.InspectorUserId != s.LeadUserId).OrderBy(e => e.InspectorName).ToList();
        var items = new List<(ScorecardItem, string, Consistency.ItemRow)>();
        foreach (var section in s.ScorecardVersion.Sections.OrderBy(x => x.Order))
        {
            foreach (var item in section.Items.OrderBy(i => i.Order))
            {
                decimal? Of(Evaluation e) => e.Original?.Items.FirstOrDefault(i => i.ItemId == item.Id)?.Fraction;
                var row = new Consistency.ItemRow(item.Id, reference is null ? null : Of(reference), others.ToDictionary(e => e.InspectorUserId, Of));
                items.Add((item, section.Name, row));
            }
        }

        var rows = items.Select(i => i.Item3).ToList();
        return new Results(s, others.Select(e => (e.InspectorUserId, e.InspectorName)).ToList(), items,
            others.ToDictionary(e => e.InspectorUserId, e => Consistency.MeanDeviation(rows, e.InspectorUserId)),
            others.ToDictionary(e => e.InspectorUserId, e => e.Original?.Total ?? 0), reference?.Original?.Total);
    }

    /// <summary>Per inspector and month: closed sessions scored, mean distance from the reference per item, and the mean gap of totals.</summary>
    public async Task<List<ConsistencyRow>> ConsistencyAsync(CancellationToken ct)
    {
        var sessions = await db.CalibrationSessions.AsNoTracking().Where(s => s.ClosedAt != null).Select(s => s.Id).ToListAsync(ct);
        var rows = new List<(int Id, string Name, string Month, decimal? Dev, decimal Gap)>();
        foreach (var id in sessions)
        {
            if (await ResultsAsync(id, ct) is not { } r || r.ReferenceTotal is not { } refTotal)
            {
                continue;
            }

            var month = CenterClock.ToCenter(r.Session.ClosedAt!.Value).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            rows.AddRange(r.Inspectors.Select(i => (i.Id, i.Name, month, r.MeanDeviation[i.Id], Math.Abs(r.Totals[i.Id] - refTotal))));
        }

        return rows.GroupBy(r => (r.Id, r.Month)).Select(g => new ConsistencyRow(g.Key.Id, g.First().Name, g.Key.Month, g.Count(),
                g.Any(x => x.Dev is not null) ? Math.Round(g.Where(x => x.Dev is not null).Average(x => x.Dev!.Value), 1) : null,
                Math.Round(g.Average(x => x.Gap), 1)))
            .OrderBy(r => r.Inspector).ThenBy(r => r.Month).ToList();
    }
}
