using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Recordings;

/// <summary>One call: its facts, the audio, its evaluations, scoring it with a scorecard, adding audio, and who played it.</summary>
[RequestSizeLimit(2L * 1024 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * 1024 * 1024 * 1024)]
public sealed class DetailsModel(Quality.RecordingService recordings, Quality.EvaluationService evaluations, AppDbContext db, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public Recording R { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Card, EvaluationStatus Status, decimal? Total, string Inspector)> Evals { get; private set; } = [];
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    public IReadOnlyList<PlaybackLog> Playbacks { get; private set; } = [];

    /// <summary>Display names of the logins in the playback log and the registration (a login name is not shown).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string NameOf(string login, Microsoft.Extensions.Localization.IStringLocalizer text) =>
        Names.TryGetValue(login, out var n) && n.Length > 0 ? n : Infrastructure.Localization.SignedBy.Show(login, text);
    public bool CanScore { get; private set; }
    public bool CanRecord { get; private set; }
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(long id, int scorecardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanScore)
        {
            return Forbid();
        }

        var r = await evaluations.CreateAsync(id, scorecardId, User, ct: ct);
        if (r.Outcome == EvalOutcome.Ok)
        {
            return Redirect($"/quality/evaluations/{r.Evaluation!.Id}");
        }

        Error = r.Outcome == EvalOutcome.NotFound ? text["Not found."] : text[r.Message!, r.Args ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        if (file is null)
        {
            Error = text["Choose a file to upload."];
            return Page();
        }

        var tracked = await db.Recordings.FirstAsync(x => x.Id == id, ct);
        await using var stream = file.OpenReadStream();
        var problem = await recordings.AttachAsync(tracked, stream, file.FileName, ct);
        if (problem is not null)
        {
            Error = text[problem.Message, QualityText.Localized(text, problem.Args)];
            return Page();
        }

        TempData.Confirm(text["Recording attached."]);
        return Redirect($"/quality/recordings/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var r = await recordings.FindAsync(id, ct);
        if (r is null)
        {
            return false;
        }

        R = r;
        CanScore = (await auth.AuthorizeAsync(User, People.Policies.QualityScore)).Succeeded;
        CanRecord = (await auth.AuthorizeAsync(User, People.Policies.QualityRecord)).Succeeded;
        CanManage = (await auth.AuthorizeAsync(User, People.Policies.QualityManage)).Succeeded;
        Evals = (await (await evaluations.VisibleAsync(User, ct)).AsNoTracking().Where(e => e.RecordingId == id && e.CalibrationSessionId == null)
            .Select(e => new { e.Id, Card = e.ScorecardVersion.Scorecard.Name, e.Status, Total = e.Scores.OrderByDescending(s => s.Number).Select(s => (decimal?)s.Total).FirstOrDefault(), e.InspectorName })
            .ToListAsync(ct)).Select(e => (e.Id, e.Card, e.Status, e.Total, e.InspectorName)).ToList();
        if (CanScore)
        {
            Cards = await db.Scorecards.AsNoTracking().Where(c => c.Versions.Any(v => v.Status == VersionStatus.Published)).OrderBy(c => c.Id).ToListAsync(ct);
        }

        if (CanManage)
        {
            Playbacks = await db.PlaybackLogs.AsNoTracking().Where(p => p.RecordingId == id).OrderByDescending(p => p.At).Take(100).ToListAsync(ct);
        }

        var logins = Playbacks.Select(p => p.UserName).Append(R.RegisteredBy).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);

        return true;
    }

    /// <summary>The scorecard that fits the call: mock-call card for mock calls, test-call card for test calls, else the quality card.</summary>
    public bool Suggested(Scorecard c) => R.CallType switch
    {
        CallType.MockCall => c.Purpose == ScorecardPurpose.MockCall,
        CallType.TestCall => c.Purpose == ScorecardPurpose.TestCall,
        _ => c.Purpose == ScorecardPurpose.Quality,
    };
}
