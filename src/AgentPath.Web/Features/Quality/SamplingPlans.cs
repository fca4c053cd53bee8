using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>A sampling plan as the QA side sets it; <see cref="RowVersion"/> is the state the change was made on (null for a new plan).</summary>
public sealed record SamplingPlanInput(string? Name, string? Stage, int? TeamId, int? PerAgent, int? RaisedPerAgent, string? Period, int? ScorecardId, bool? Active, int? RowVersion);

/// <summary>
/// Sets the sampling defaults (calls per agent per period, the raised rate, the scorecard) for the page and the API. A change
/// applies to the next draw (every draw keeps the quotas it was made with) and is audited; one made on a state someone else
/// has changed meanwhile, or the second of two racing changes, is refused (409) and writes nothing.
/// </summary>
public sealed class SamplingPlanService(AppDbContext db, AuditText audit)
{
    public const int MaxPlans = 100;

    /// <summary>The saved plan, or null when there is no plan <paramref name="id"/>.</summary>
    public async Task<SamplingPlan?> SaveAsync(int? id, SamplingPlanInput input, CancellationToken ct)
    {
        var plan = id is { } planId ? await db.SamplingPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) : null;
        if (id is not null && plan is null)
        {
            return null;
        }

        if (!Enum.TryParse<Stage>(input.Stage, out var stage) || !Enum.IsDefined(stage))
        {
            throw new DomainException("Calls are sampled for apprentices, probationers and regular employees.");
        }

        if (!Enum.TryParse<SamplingPeriod>(input.Period, out var period) || !Enum.IsDefined(period))
        {
            throw new DomainException("Choose the period: a week or a month.");
        }

        if (input.PerAgent is not { } per || input.RaisedPerAgent is not { } raised)
        {
            throw new DomainException("Calls per agent are 1 to 50, and the raised rate is at least that (at most 100).");
        }

        if (input.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            throw new DomainException("Choose a team of the center.");
        }

        var card = await db.Scorecards.FirstOrDefaultAsync(c => c.Id == input.ScorecardId, ct) ?? throw new DomainException("Choose a scorecard.");
        if (plan is not null)
        {
            if (input.RowVersion is { } seen && seen != plan.RowVersion)
            {
                throw new ConflictException();
            }

            plan.Update(input.Name ?? "", stage, input.TeamId, per, raised, period, card.Id, input.Active ?? plan.Active);
        }
        else
        {
            if (await db.SamplingPlans.CountAsync(ct) >= MaxPlans)
            {
                throw new DomainException("At most 100 sampling plans.");
            }

            plan = new SamplingPlan(input.Name ?? "", stage, input.TeamId, per, raised, period, card);
            db.SamplingPlans.Add(plan);
        }

        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>The plan's changes as the audit log holds them, newest first, readable in the user's language.</summary>
    public async Task<IReadOnlyList<AuditText.Row>> HistoryAsync(int id, int take, CancellationToken ct)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Entity == nameof(SamplingPlan) && a.Key == key)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return await audit.ReadAsync(rows, ct);
    }
}
