using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Calibration;

/// <summary>One session: while open, who has scored (not what); once closed, per item the spread and each inspector's distance from the reference.</summary>
public sealed class DetailsModel(AppDbContext db, CalibrationService calibration, EvaluationService evaluations, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public CalibrationSession S { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name, bool Submitted)> Participants { get; private set; } = [];
    public CalibrationService.Results? R { get; private set; }
    public int? MyEvaluation { get; private set; }
    public bool CanClose { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var r = await evaluations.CreateAsync(S.RecordingId, 0, User, calibrationSessionId: id, ct: ct);
        if (r.Outcome == EvalOutcome.Ok)
        {
            return Redirect($"/quality/evaluations/{r.Evaluation!.Id}");
        }

        Error = r.Outcome == EvalOutcome.NotFound ? text["Not found."] : text[r.Message!, r.Args ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanClose)
        {
            return Forbid();
        }

        if (await calibration.CloseAsync(id, ct) is { } problem)
        {
            Error = text[problem];
            return Page();
        }

        TempData.Confirm(text["Calibration session closed."]);
        return Redirect($"/quality/calibration/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await db.CalibrationSessions.AsNoTracking().Include(x => x.Recording).ThenInclude(r => r.Employee).Include(x => x.ScorecardVersion).ThenInclude(v => v.Scorecard)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return false;
        }

        S = s;
        var me = EvaluationService.Actor(User).Id;
        Participants = await calibration.ParticipantsAsync(id, ct);
        MyEvaluation = await db.Evaluations.Where(e => e.CalibrationSessionId == id && e.InspectorUserId == me).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        CanClose = s.IsOpen && (s.LeadUserId == me || (await auth.AuthorizeAsync(User, People.Policies.QualityManage)).Succeeded);
        R = await calibration.ResultsAsync(id, ct);
        return true;
    }
}
