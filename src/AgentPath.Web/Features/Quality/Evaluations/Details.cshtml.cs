using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Evaluations;

/// <summary>
/// 质检评分 — the evaluation page: the call's audio with a waveform, speed and keyboard shortcuts;
/// comments pinned to moments of the call; item scoring with a running total and findings (draft,
/// then submit); the agent's acknowledgement or dispute; the arbitrator's settlement.
/// </summary>
public sealed class DetailsModel(Quality.EvaluationService evaluations, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed class FindingRow
    {
        public FindingTag? Tag { get; set; }
        public int? SectionId { get; set; }
        public string? At { get; set; }
        public string? Note { get; set; }
    }

    public Evaluation E { get; private set; } = null!;
    public IReadOnlyList<AnswerInput> Answers { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsAgent { get; private set; }
    public bool CanSettle { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Dictionary<int, string> A { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public List<FindingRow> F { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => await SaveAsync(id, submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => await SaveAsync(id, submit: true, ct);

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        var answers = new List<AnswerInput>();
        foreach (var (item, value) in A)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (value == "na")
            {
                answers.Add(new AnswerInput(item, null));
            }
            else if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                answers.Add(new AnswerInput(item, v));
            }
        }

        var findings = F.Where(f => f.Tag is not null).Select(f => new FindingInput(f.Tag!.Value, f.SectionId, ParseClock(f.At), f.Note)).ToList();
        var saved = await evaluations.SaveDraftAsync(id, Version, answers, Comment, findings, User, ct);
        if (saved.Outcome == EvalOutcome.Ok && submit)
        {
            saved = await evaluations.SubmitAsync(id, saved.Evaluation!.Version, User, ct);
        }

        switch (saved.Outcome)
        {
            case EvalOutcome.NotFound:
                return NotFound();
            case EvalOutcome.Conflict:
                await LoadAsync(id, ct);
                Error = text["Someone else saved this evaluation after you opened it. Reload to see their changes."];
                return Page();
            case EvalOutcome.Invalid:
                await LoadAsync(id, ct);
                Error = text[saved.Message!, saved.Args ?? []];
                KeepInput();
                return Page();
            default:
                return Redirect($"/quality/evaluations/{id}?{(submit ? "submitted" : "saved")}=1");
        }
    }

    /// <summary>After a refusal the form shows what the inspector entered, not the stored draft.</summary>
    private void KeepInput()
    {
        Answers = A.Where(a => !string.IsNullOrEmpty(a.Value))
            .Select(a => new AnswerInput(a.Key, a.Value == "na" ? null : decimal.TryParse(a.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null)).ToList();
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, string? at, string? commentText, CancellationToken ct) =>
        await Act(id, await evaluations.AddCommentAsync(id, ParseClock(at), commentText, User, ct), "#comments", ct, text["Comment added."]);

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) =>
        await Act(id, await evaluations.AcknowledgeAsync(id, User, ct), "?acknowledged=1", ct);

    public async Task<IActionResult> OnPostDisputeAsync(int id, string? reason, CancellationToken ct) =>
        await Act(id, await evaluations.DisputeAsync(id, reason, User, ct), "?disputed=1", ct);

    public async Task<IActionResult> OnPostSettleAsync(int id, string? decision, CancellationToken ct)
    {
        var changes = A.Where(a => !string.IsNullOrEmpty(a.Value))
            .Select(a => new AnswerInput(a.Key, a.Value == "na" ? null : decimal.Parse(a.Value, NumberStyles.Number, CultureInfo.InvariantCulture))).ToList();
        return await Act(id, await evaluations.SettleAsync(id, decision, changes, User, ct), "", ct, text["Dispute settled. The agent has been notified."]);
    }

    /// <param name="confirm">The confirmation shown after the redirect, for an action whose page has no notice of its own.</param>
    private async Task<IActionResult> Act(int id, EvalResult r, string anchor, CancellationToken ct, LocalizedString? confirm = null)
    {
        if (r.Outcome == EvalOutcome.NotFound)
        {
            return NotFound();
        }

        if (r.Outcome != EvalOutcome.Ok)
        {
            await LoadAsync(id, ct);
            Error = text[r.Message ?? "Invalid value.", r.Args ?? []];
            return Page();
        }

        if (confirm is { } c)
        {
            TempData.Confirm(c);
        }

        return Redirect($"/quality/evaluations/{id}{anchor}");
    }

    /// <summary>"mm:ss", "h:mm:ss" or seconds.</summary>
    public static decimal? ParseClock(string? s)
    {
        s = s?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        var parts = s.Split(':');
        if (parts.Length is 2 or 3 && parts.All(p => decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            return parts.Aggregate(0m, (acc, p) => (acc * 60) + decimal.Parse(p, CultureInfo.InvariantCulture));
        }

        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await evaluations.LoadAsync(id, User, ct: ct);
        if (e is null)
        {
            return false;
        }

        E = e;
        Now = time.GetUtcNow();
        Version = e.Version;
        Comment = e.Comment;
        Answers = e.Latest is { } latest ? latest.Items.Select(i => new AnswerInput(i.ItemId, i.Value)).ToList() : Quality.EvaluationService.DraftOf(e);
        var me = Quality.EvaluationService.Actor(User).Id;
        CanEdit = e.Status == EvaluationStatus.Draft && Quality.EvaluationService.CanScore(User) && (e.CalibrationSessionId is null || e.InspectorUserId == me);
        IsAgent = User.FindFirst(DataScopeProvider.EmployeeIdClaim)?.Value == e.EmployeeId.ToString(CultureInfo.InvariantCulture);
        CanSettle = e.Status == EvaluationStatus.Disputed && Quality.EvaluationService.CanSettle(User) && e.InspectorUserId != me;
        if (Request.Query.ContainsKey("submitted"))
        {
            Notice = text["Submitted. The agent has been notified."];
        }
        else if (Request.Query.ContainsKey("saved"))
        {
            Notice = text["Draft saved."];
        }
        else if (Request.Query.ContainsKey("disputed") && e.Disputes.Count > 0)
        {
            Notice = text["Your dispute has been sent to QA. You will be notified of the decision."];
        }
        else if (Request.Query.ContainsKey("acknowledged") && e.Status == EvaluationStatus.Acknowledged)
        {
            Notice = text["You acknowledged this evaluation."];
        }

        return true;
    }

    /// <summary>The stored or entered answer of an item as the form writes it ("na", a number, or empty).</summary>
    public string AnswerOf(int itemId)
    {
        var a = Answers.LastOrDefault(x => x.ItemId == itemId);
        return a is null ? "" : a.Value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "na";
    }

    public static IEnumerable<(string Value, string Label)> Choices(ScorecardItem item)
    {
        switch (item.Scale)
        {
            case ItemScale.YesNo:
                yield return ("1", "Yes");
                yield return ("0", "No");
                break;
            case ItemScale.OneToFive:
                for (var i = 1; i <= 5; i++)
                {
                    yield return (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture));
                }

                break;
            default:
                for (var i = 0; i <= item.MaxPoints; i++)
                {
                    yield return (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture));
                }

                break;
        }
    }
}
