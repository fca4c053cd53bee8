using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Sampling;

/// <summary>抽检方案 — the plans per stage and team, their draws with the stored seed, and a check that re-runs any draw.</summary>
public sealed class IndexModel(AppDbContext db, SamplingService sampling, SamplingPlanService plans, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<SamplingPlan> Plans { get; private set; } = [];
    public IReadOnlyList<SamplingDraw> Draws { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (saved is { } id && Plans.FirstOrDefault(p => p.Id == id) is { } plan)
        {
            Notice = text["Saved: {0}. The next draw uses it; draws made already keep their quotas.", plan.Name];
        }
    }

    /// <summary>The plan a refused save was for (0 = the new plan), with what was typed, so the form shows it again.</summary>
    public int? RefusedId { get; private set; }
    public SamplingPlanInput? Typed { get; private set; }

    /// <summary>The field a refusal belongs to: name, stage, teamId, perAgent, raisedPerAgent, period, scorecardId (or "" for the form).</summary>
    public string? RefusedField { get; private set; }

    /// <summary>Each plan's last changes from the audit log.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AuditText.Row>> History { get; private set; } = new Dictionary<int, IReadOnlyList<AuditText.Row>>();

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, string? stage, int? teamId, int? perAgent, int? raisedPerAgent, string? period, int? scorecardId, bool active,
        int? rowVersion, CancellationToken ct)
    {
        var input = new SamplingPlanInput(name, stage, teamId, perAgent, raisedPerAgent, period, scorecardId, active, rowVersion);
        try
        {
            var plan = await plans.SaveAsync(id, input, ct);
            if (plan is null)
            {
                return NotFound();
            }

            return Redirect($"/quality/sampling?saved={plan.Id}#plan-{plan.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
            Error = text[message];
            RefusedId = id ?? 0;
            Typed = input;
            RefusedField = message switch
            {
                _ when message.StartsWith("A sampling plan needs a name", StringComparison.Ordinal) => "name",
                _ when message.StartsWith("Calls are sampled", StringComparison.Ordinal) => "stage",
                _ when message.StartsWith("Calls per agent", StringComparison.Ordinal) => perAgent is null or < 1 or > 50 ? "perAgent" : "raisedPerAgent",
                _ when message.StartsWith("Choose the period", StringComparison.Ordinal) => "period",
                _ when message.StartsWith("Choose a team", StringComparison.Ordinal) => "teamId",
                _ when message.StartsWith("Choose a scorecard", StringComparison.Ordinal) => "scorecardId",
                _ => "",
            };
            await LoadAsync(ct);
            return Page();
        }
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
        var history = new Dictionary<int, IReadOnlyList<AuditText.Row>>();
        foreach (var p in Plans)
        {
            history[p.Id] = await plans.HistoryAsync(p.Id, 5, ct);
        }

        History = history;
    }
}
