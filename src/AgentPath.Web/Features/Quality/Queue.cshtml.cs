using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality;

/// <summary>The inspector's queue: calls drawn for them by the sampling plans, oldest draw first, and their open drafts.</summary>
public sealed class QueueModel(AppDbContext db, EvaluationService evaluations, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Item(int AssignmentId, long RecordingId, string Agent, string Number, string? Team, DateTimeOffset StartedAt, int Duration, string Plan, DateOnly From, DateOnly To, int? EvaluationId);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Agent, DateTimeOffset StartedAt, string Card)> Drafts { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(int assignmentId, CancellationToken ct)
    {
        var me = EvaluationService.Actor(User).Id;
        var a = await db.SamplingAssignments.AsNoTracking().Where(x => x.Id == assignmentId && x.InspectorUserId == me)
            .Select(x => new { x.RecordingId, x.EvaluationId, Card = db.SamplingDraws.Where(d => d.Id == x.DrawId).Select(d => d.Plan.ScorecardId).First() }).FirstOrDefaultAsync(ct);
        if (a is null)
        {
            return NotFound();
        }

        if (a.EvaluationId is { } done)
        {
            return Redirect($"/quality/evaluations/{done}");
        }

        var r = await evaluations.CreateAsync(a.RecordingId, a.Card, User, assignmentId: assignmentId, ct: ct);
        if (r.Outcome == EvalOutcome.Ok)
        {
            return Redirect($"/quality/evaluations/{r.Evaluation!.Id}");
        }

        Error = r.Outcome == EvalOutcome.NotFound ? text["Not found."] : text[r.Message!, r.Args ?? []];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = EvaluationService.Actor(User).Id;
        Items = await db.SamplingAssignments.AsNoTracking().Where(a => a.InspectorUserId == me && a.Status == AssignmentStatus.Open)
            .Join(db.SamplingDraws, a => a.DrawId, d => d.Id, (a, d) => new { a, d })
            .OrderBy(x => x.d.DrawnAt).ThenBy(x => x.a.Recording.StartedAt)
            .Select(x => new Item(x.a.Id, x.a.RecordingId, x.a.Recording.Employee.Name, x.a.Recording.Employee.EmployeeNumber,
                x.a.Recording.Employee.Team != null ? x.a.Recording.Employee.Team.Name : null, x.a.Recording.StartedAt, x.a.Recording.DurationSeconds,
                x.d.Plan.Name, x.d.PeriodFrom, x.d.PeriodTo,
                db.Evaluations.Where(e => e.AssignmentId == x.a.Id).Select(e => (int?)e.Id).FirstOrDefault()))
            .Take(500).ToListAsync(ct);
        Drafts = (await db.Evaluations.AsNoTracking().Where(e => e.InspectorUserId == me && e.Status == EvaluationStatus.Draft)
            .OrderBy(e => e.CreatedAt).Select(e => new { e.Id, e.Employee.Name, e.Recording.StartedAt, Card = e.ScorecardVersion.Scorecard.Name }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name, e.StartedAt, e.Card)).ToList();
    }
}
