using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Calibration;

/// <summary>校准会 — sessions (open ones to join, closed ones to compare), a new session, and each inspector's consistency over time.</summary>
public sealed class IndexModel(AppDbContext db, CalibrationService calibration, RecordingService recordings, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(int Id, string Title, string Agent, DateTimeOffset CallAt, string Lead, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int Scorers);

    public IReadOnlyList<Row> Sessions { get; private set; } = [];
    public IReadOnlyList<CalibrationService.ConsistencyRow> ConsistencyRows { get; private set; } = [];
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? title, long recordingId, int scorecardId, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, People.Policies.QualityManage)).Succeeded)
        {
            return Forbid();
        }

        var recording = await recordings.FindAsync(recordingId, ct);
        var version = await db.ScorecardVersions.Include(v => v.Scorecard).Where(v => v.ScorecardId == scorecardId && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (recording is null || version is null)
        {
            Error = text["Choose a call (its number in the recordings list) and a published scorecard."];
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            var (me, name) = EvaluationService.Actor(User);
            var session = new CalibrationSession(title ?? "", recording, version, me, name, time.GetUtcNow());
            db.CalibrationSessions.Add(session);
            await db.SaveChangesAsync(ct);
            TempData.Confirm(text["Calibration session created: {0}.", session.Title]);
            return Redirect($"/quality/calibration/{session.Id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanCreate = (await auth.AuthorizeAsync(User, People.Policies.QualityManage)).Succeeded;
        Sessions = await db.CalibrationSessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(50)
            .Select(s => new Row(s.Id, s.Title, s.Recording.Employee.Name, s.Recording.StartedAt, s.LeadName, s.CreatedAt, s.ClosedAt,
                db.Evaluations.Count(e => e.CalibrationSessionId == s.Id && e.Status != EvaluationStatus.Draft)))
            .ToListAsync(ct);
        ConsistencyRows = await calibration.ConsistencyAsync(ct);
        Cards = await db.Scorecards.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    }
}
