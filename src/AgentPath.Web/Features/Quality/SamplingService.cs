using System.Security.Cryptography;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>Draws a plan's calls for a period, assigns them to inspectors, and re-runs any draw to show it was fair.</summary>
public sealed class SamplingService(AppDbContext db, TimeProvider time, Notifier notifier)
{
    public sealed record DrawOutcome(SamplingDraw? Draw, string? Problem, object[] Args);

    /// <summary>The instants (UTC) of a period of center-time days.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Instants(DateOnly from, DateOnly to)
    {
        var tz = CenterClock.Zone;
        DateTimeOffset At(DateOnly d)
        {
            var local = d.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
        }

        return (At(from), At(to.AddDays(1)));
    }

    public DateOnly Today() => CenterClock.DateOf(time.GetUtcNow());

    /// <summary>Agents whose latest critical finding is more recent than their latest passing evaluation: they get the raised rate.</summary>
    public async Task<HashSet<int>> RaisedAsync(IReadOnlyCollection<int> agents, CancellationToken ct)
    {
        var since = time.GetUtcNow().AddDays(-180);
        var raised = new HashSet<int>();
        foreach (var chunk in agents.Chunk(500))
        {
            var rows = await db.Evaluations.AsNoTracking()
                .Where(e => chunk.Contains(e.EmployeeId) && e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft && e.SubmittedAt >= since)
                .Select(e => new
                {
                    e.EmployeeId,
                    e.SubmittedAt,
                    Latest = e.Scores.OrderByDescending(s => s.Number).Select(s => new
                    {
                        s.Passed,
                        Critical = s.AutoFailed || s.Items.Any(i => i.Fraction == 0 && db.Set<ScorecardItem>().Any(x => x.Id == i.ItemId && x.Critical != Critical.None)),
                    }).FirstOrDefault(),
                }).ToListAsync(ct);
            foreach (var g in rows.Where(r => r.Latest is not null).GroupBy(r => r.EmployeeId))
            {
                var lastCritical = g.Where(r => r.Latest!.Critical).Max(r => r.SubmittedAt);
                var lastPass = g.Where(r => r.Latest!.Passed).Max(r => r.SubmittedAt);
                if (lastCritical is not null && (lastPass is null || lastCritical > lastPass))
                {
                    raised.Add(g.Key);
                }
            }
        }

        return raised;
    }

    /// <summary>Draws the plan's calls for the period containing <paramref name="day"/> (once per period), and fills the inspectors' queues.</summary>
    public async Task<DrawOutcome> DrawAsync(int planId, DateOnly day, string by, long? seed = null, CancellationToken ct = default)
    {
        var plan = await db.SamplingPlans.Include(p => p.Scorecard).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return new DrawOutcome(null, "Not found.", []);
        }

        if (!plan.Active)
        {
            return new DrawOutcome(null, "This sampling plan is paused.", []);
        }

        var (from, to) = SamplingPlan.PeriodOf(plan.Period, day);
        if (await db.SamplingDraws.AnyAsync(d => d.PlanId == planId && d.PeriodFrom == from, ct))
        {
            return new DrawOutcome(null, "The calls of {0} to {1} have been drawn already.", [from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var (start, end) = Instants(from, to);
        var stage = plan.Stage;
        var team = plan.TeamId;
        var assigned = db.SamplingAssignments.Select(a => a.RecordingId);
        var evaluated = db.Evaluations.Where(e => e.CalibrationSessionId == null).Select(e => e.RecordingId);
        var eligible = await db.Recordings.AsNoTracking()
            .Where(r => r.AudioKey != null && r.CallType != CallType.TestCall && r.CallType != CallType.MockCall
                && r.StartedAt >= start && r.StartedAt < end
                && r.Employee.Stage == stage && (team == null || r.Employee.TeamId == team)
                && !assigned.Contains(r.Id) && !evaluated.Contains(r.Id))
            .OrderBy(r => r.Id).Select(r => new Sampler.Candidate(r.Id, r.EmployeeId)).ToListAsync(ct);

        var agents = eligible.Select(c => c.EmployeeId).Distinct().ToList();
        var raised = await RaisedAsync(agents, ct);
        var quotas = agents.ToDictionary(a => a, a => raised.Contains(a) ? plan.RaisedPerAgent : plan.PerAgent);
        var inspectors = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where r.Name == Roles.QaInspector
                                select u.Id).Distinct().ToListAsync(ct);
        if (inspectors.Count == 0)
        {
            return new DrawOutcome(null, "There is no QA inspector to assign the calls to.", []);
        }

        var open = await db.SamplingAssignments.Where(a => a.Status == AssignmentStatus.Open && inspectors.Contains(a.InspectorUserId))
            .GroupBy(a => a.InspectorUserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var load = inspectors.ToDictionary(i => i, i => open.FirstOrDefault(o => o.Key == i)?.Count ?? 0);

        var actualSeed = seed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        var chosen = Sampler.Draw(eligible, quotas, actualSeed);
        var who = Sampler.Balance(chosen.Count, load);
        var draw = new SamplingDraw(plan, from, to, actualSeed, eligible.Count,
            JsonSerializer.Serialize(eligible.Select(c => new[] { c.RecordingId, c.EmployeeId })), JsonSerializer.Serialize(quotas), by, time.GetUtcNow());
        for (var i = 0; i < chosen.Count; i++)
        {
            draw.Add(new SamplingAssignment(chosen[i].RecordingId, chosen[i].EmployeeId, who[i]));
        }

        db.SamplingDraws.Add(draw);
        foreach (var g in who.GroupBy(w => w))
        {
            notifier.Post(g.Key, "{0} calls were added to your QA queue ({1}).", [g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), plan.Name], "/quality/queue");
        }

        await db.SaveChangesAsync(ct);
        return new DrawOutcome(draw, null, []);
    }

    /// <summary>Runs the stored draw again from its seed and eligible calls; true when it picks exactly the stored calls.</summary>
    public async Task<bool?> ReproduceAsync(int drawId, CancellationToken ct = default)
    {
        var draw = await db.SamplingDraws.AsNoTracking().Include(d => d.Assignments).FirstOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null)
        {
            return null;
        }

        var eligible = (JsonSerializer.Deserialize<long[][]>(draw.EligibleIds) ?? []).Select(p => new Sampler.Candidate(p[0], (int)p[1])).ToList();
        var quotas = JsonSerializer.Deserialize<Dictionary<int, int>>(draw.Quotas) ?? [];
        var again = Sampler.Draw(eligible, quotas, draw.Seed).Select(c => c.RecordingId).Order().ToList();
        return again.SequenceEqual(draw.Assignments.Select(a => a.RecordingId).Order());
    }
}
