using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Sampling;

/// <summary>抽检方案 — the plans per stage and team, their draws with the stored seed, and a check that re-runs any draw.</summary>
public sealed class IndexModel(AppDbContext db, SamplingService sampling, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<SamplingPlan> Plans { get; private set; } = [];
    public IReadOnlyList<SamplingDraw> Draws { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, Stage stage, int? teamId, int perAgent, int raisedPerAgent, SamplingPeriod period, int scorecardId, bool active, CancellationToken ct)
    {
        try
        {
            var card = await db.Scorecards.FirstOrDefaultAsync(c => c.Id == scorecardId, ct) ?? throw new DomainException("Choose a scorecard.");
            if (id is { } planId)
            {
                var plan = await db.SamplingPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
                if (plan is null)
                {
                    return NotFound();
                }

                plan.Update(name ?? "", stage, teamId, perAgent, raisedPerAgent, period, card.Id, active);
            }
            else
            {
                db.SamplingPlans.Add(new SamplingPlan(name ?? "", stage, teamId, perAgent, raisedPerAgent, period, card));
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(ct);
            return Page();
        }

        return Redirect("/quality/sampling");
    }

    public async Task<IActionResult> OnPostDrawAsync(int id, DateOnly? day, CancellationToken ct)
    {
        var r = await sampling.DrawAsync(id, day ?? sampling.Today(), User.Identity?.Name ?? "?", ct: ct);
        await LoadAsync(ct);
        if (r.Problem is not null)
        {
            Error = text[r.Problem, r.Args];
        }
        else
        {
            Notice = text["{0} calls drawn from {1} eligible, seed {2}.", r.Draw!.Chosen, r.Draw.Eligible, r.Draw.Seed];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(int drawId, CancellationToken ct)
    {
        var ok = await sampling.ReproduceAsync(drawId, ct);
        await LoadAsync(ct);
        if (ok is null)
        {
            return NotFound();
        }

        if (ok.Value)
        {
            Notice = text["Draw {0} re-run from its seed: the same calls. The draw is reproducible.", drawId];
        }
        else
        {
            Error = text["Draw {0} re-run from its seed picks different calls.", drawId];
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = sampling.Today();
        Plans = await db.SamplingPlans.AsNoTracking().Include(p => p.Team).Include(p => p.Scorecard).OrderBy(p => p.Stage).ThenBy(p => p.Id).ToListAsync(ct);
        Draws = await db.SamplingDraws.AsNoTracking().Include(d => d.Plan).OrderByDescending(d => d.DrawnAt).Take(30).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().ToNaturalListAsync(ct);
        Cards = await db.Scorecards.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    }
}
