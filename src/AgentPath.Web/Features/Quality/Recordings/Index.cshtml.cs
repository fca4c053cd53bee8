using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality.Recordings;

/// <summary>录音 — calls in the viewer's scope, newest first, by person, type and date.</summary>
public sealed class IndexModel(Quality.RecordingService recordings) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CallType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public IReadOnlyList<Recording> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = (await recordings.VisibleAsync(ct)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var t = Q.Trim();
            var n = Employee.NormalizeNumber(t);
            q = q.Where(r => r.Employee.EmployeeNumber == n || r.Employee.Name.Contains(t) || r.CallId == t);
        }

        if (Type is { } type)
        {
            q = q.Where(r => r.CallType == type);
        }

        if (Day is { } d)
        {
            var (from, to) = SamplingService.Instants(d, d);
            q = q.Where(r => r.StartedAt >= from && r.StartedAt < to);
        }

        Total = await q.CountAsync(ct);
        PageNo = Math.Max(1, PageNo);
        Rows = await q.Include(r => r.Employee).ThenInclude(e => e.Team).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
