using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>Which cohort members a funnel counts (SPEC R1.4: cut by cohort, site, trainer and team lead).</summary>
public sealed record FunnelFilter(int? CohortId = null, DateOnly? From = null, DateOnly? To = null, int? SiteId = null, int? TrainerId = null, int? TeamLeadId = null);

/// <summary>One stage of the funnel: how many entered it, passed its gate, retook it, were eliminated (by reason) or left in it.</summary>
public sealed record FunnelStage(string Stage, int Entered, int Passed, int Retook, int Eliminated, int Left,
    IReadOnlyDictionary<string, int> EliminatedByReason, decimal? Conversion, decimal? MedianDays);

public sealed record FunnelReport(IReadOnlyList<FunnelStage> Stages, int People);

/// <summary>The pipeline funnel over cohort members, from their stage events and gate results.</summary>
public static class Funnel
{
    public static readonly Stage[] Order = [Stage.Induction, Stage.Apprenticeship, Stage.Probation, Stage.Regular];

    /// <summary>A member's path: the cohort's start, their stage events in order, and the stages whose gate they retook.</summary>
    public sealed record History(DateOnly Start, IReadOnlyList<StageEvent> Events, IReadOnlySet<Stage> Retook);

    /// <summary>Counts per stage. Entering induction is joining the cohort; entering a later stage is an event into it.</summary>
    public static IReadOnlyList<FunnelStage> Compute(IReadOnlyList<History> people)
    {
        var result = new List<FunnelStage>();
        foreach (var stage in Order)
        {
            int entered = 0, passed = 0, retook = 0, eliminated = 0, left = 0;
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var days = new List<int>();
            foreach (var p in people)
            {
                var entry = stage == Stage.Induction ? p.Start : p.Events.FirstOrDefault(e => e.To == stage && e.Reason != StageReason.Reinstated)?.On;
                if (entry is null)
                {
                    continue;
                }

                entered++;
                if (p.Retook.Contains(stage))
                {
                    retook++;
                }

                var exit = p.Events.FirstOrDefault(e => e.From == stage && e.Reason != StageReason.Reinstated && e.On >= entry.Value);
                switch (exit)
                {
                    case { Reason: StageReason.GatePassed }:
                        passed++;
                        days.Add(exit.On.DayNumber - entry.Value.DayNumber);
                        break;
                    case { To: Stage.Eliminated }:
                        eliminated++;
                        reasons[exit.Reason.ToString()] = reasons.GetValueOrDefault(exit.Reason.ToString()) + 1;
                        break;
                    case { To: Stage.Left }:
                        left++;
                        break;
                }
            }

            decimal? conversion = stage == Stage.Regular || entered == 0 ? null : Math.Round((decimal)passed / entered, 3);
            result.Add(new FunnelStage(stage.ToString(), entered, passed, retook, eliminated, left, reasons, conversion, Median(days)));
        }

        return result;
    }

    public static decimal? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2m;
    }

    /// <summary>The funnel of the cohort members in the user's scope that match the filter.</summary>
    public static async Task<FunnelReport> QueryAsync(AppDbContext db, IQueryable<Employee> scoped, FunnelFilter f, CancellationToken ct)
    {
        var cohorts = db.Cohorts.AsQueryable();
        if (f.CohortId is { } cid)
        {
            cohorts = cohorts.Where(c => c.Id == cid);
        }

        if (f.From is { } from)
        {
            cohorts = cohorts.Where(c => c.StartDate >= from);
        }

        if (f.To is { } to)
        {
            cohorts = cohorts.Where(c => c.StartDate <= to);
        }

        if (f.SiteId is { } site)
        {
            cohorts = cohorts.Where(c => c.SiteId == site);
        }

        if (f.TrainerId is { } trainer)
        {
            cohorts = cohorts.Where(c => c.TrainerEmployeeId == trainer);
        }

        var people = scoped;
        if (f.TeamLeadId is { } lead)
        {
            var led = db.Teams.Where(t => t.LeadEmployeeId == lead).Select(t => t.Id);
            people = people.Where(e => e.TeamId != null && led.Contains(e.TeamId.Value));
        }

        var members = await (from m in db.CohortMembers
                             join c in cohorts on m.CohortId equals c.Id
                             join e in people on m.EmployeeId equals e.Id
                             select new { m.EmployeeId, c.StartDate }).ToListAsync(ct);
        var ids = members.Select(m => m.EmployeeId).ToList();
        var events = (await db.StageEvents.AsNoTracking().Where(e => ids.Contains(e.EmployeeId)).ToListAsync(ct))
            .OrderBy(e => e.On).ThenBy(e => e.Id).ToLookup(e => e.EmployeeId);
        var retakes = (await db.GateResults.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && r.Sitting > 1)
            .Select(r => new { r.EmployeeId, r.Stage }).ToListAsync(ct)).ToLookup(r => r.EmployeeId, r => r.Stage);
        var histories = members.Select(m => new History(m.StartDate, events[m.EmployeeId].ToList(), retakes[m.EmployeeId].ToHashSet())).ToList();
        return new FunnelReport(Compute(histories), histories.Count);
    }
}
