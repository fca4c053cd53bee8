using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>Evaluations in the viewer's scope: an agent's own, a lead's team's, everyone's for QA; filter by status and person; disputes waiting for an arbitrator.</summary>
public sealed class IndexModel(EvaluationService evaluations) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Number, string Agent, string? Team, string Card, EvaluationStatus Status, string Inspector, DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt, decimal? Total, bool? Passed, DateTimeOffset StartedAt);

    [BindProperty(SupportsGet = true)]
    public EvaluationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Disputed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = (await evaluations.VisibleAsync(User, ct)).AsNoTracking().Where(e => e.CalibrationSessionId == null);
        Disputed = await q.CountAsync(e => e.Status == EvaluationStatus.Disputed, ct);
        if (Status is { } s)
        {
            q = q.Where(e => e.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            var number = Employee.NormalizeNumber(text);
            q = q.Where(e => e.Employee.EmployeeNumber == number || e.Employee.Name.Contains(text));
        }

        Total = await q.CountAsync(ct);
        PageNo = Math.Max(1, PageNo);
        Rows = await q.OrderByDescending(e => e.SubmittedAt ?? e.CreatedAt).ThenByDescending(e => e.Id).Skip((PageNo - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.Employee.EmployeeNumber, e.Employee.Name, e.Employee.Team != null ? e.Employee.Team.Name : null, e.ScorecardVersion.Scorecard.Name,
                e.Status, e.InspectorName, e.SubmittedAt, e.CreatedAt,
                e.Scores.OrderByDescending(x => x.Number).Select(x => (decimal?)x.Total).FirstOrDefault(),
                e.Scores.OrderByDescending(x => x.Number).Select(x => (bool?)x.Passed).FirstOrDefault(), e.Recording.StartedAt))
            .ToListAsync(ct);
    }
}
