using System.Globalization;
using System.Text;
using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Admin;

/// <summary>
/// The audit trail: every change to domain data, read in the reader's language (kind, fields, values),
/// filtered by who, kind, key and date (center time), paged, each row linked to its record's page, and
/// exported as CSV (UTF-8 with BOM, formula-guarded, at most <see cref="MaxExportRows"/> rows). Read-only.
/// </summary>
public sealed class AuditModel(AppDbContext db, AuditText reader, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditText.Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Kinds { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Users { get; private set; } = [];
    public int Total { get; private set; }
    public string? Refusal { get; private set; }
    public const int PageSize = 50;
    public const int MaxExportRows = 10_000;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ChoicesAsync(ct);
        var q = Query();
        if (q is null)
        {
            return;
        }

        Total = await q.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        PageNumber = page;
        Rows = await reader.ReadAsync(await q.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var q = Query();
        if (q is null)
        {
            await ChoicesAsync(ct);
            return Page();
        }

        var rows = await reader.ReadAsync(await q.OrderByDescending(a => a.Id).Take(MaxExportRows).ToListAsync(ct), ct);
        var names = await DisplayNamesAsync(ct);
        var sb = new StringBuilder();
        Line(sb, [text["When"], text["Changed by"], text["Action"], text["Record type"], text["Record number"], text["Changes"]]);
        foreach (var r in rows)
        {
            Line(sb, [CenterClock.Show(r.Entry.At), Who(r.Entry.UserName, names), text["Audit." + r.Entry.Action], r.Kind, r.Entry.Key, string.Join("; ", r.Changes.Select(Sentence))]);
        }

        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{CenterClock.ShowDate(DateTimeOffset.UtcNow)}.csv");
    }

    /// <summary>A change as one phrase: "姓名：张伟 → 张伟伟".</summary>
    public string Sentence(AuditText.Change c) => text["{0}: {1} → {2}", c.Field, c.Old ?? "—", c.New ?? "—"].Value;

    /// <summary>The audit log names the account (it is the evidence of who did it) beside the name; the jobs' account reads as "the system".</summary>
    public static string Who(string userName, IReadOnlyDictionary<string, string> names, Microsoft.Extensions.Localization.IStringLocalizer? text = null) =>
        names.TryGetValue(userName, out var n) && n.Length > 0 ? $"{n} ({userName})"
        : userName == Infrastructure.Localization.SignedBy.System && text is not null ? text["the system"].Value
        : userName;

    private static void Line(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.Append(string.Join(",", cells.Select(c => "\"" + FormulaGuard.Neutralise(c).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
    }

    /// <summary>The filtered rows, or null (with <see cref="Refusal"/>) when the filter cannot be right.</summary>
    private IQueryable<AuditEntry>? Query()
    {
        if (!ModelState.IsValid)
        {
            Refusal = text["A date in the filter is not a date (use the calendar)."];
            return null;
        }

        if (From is { } f && To is { } t && f > t)
        {
            Refusal = text["The “from” date is after the “to” date."];
            return null;
        }

        if ((Key?.Length ?? 0) > 128 || (UserName?.Length ?? 0) > 256 || (Entity?.Length ?? 0) > 128)
        {
            Refusal = text["The filter is too long."];
            return null;
        }

        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Entity))
        {
            q = q.Where(a => a.Entity == Entity);
        }

        if (!string.IsNullOrEmpty(Key))
        {
            q = q.Where(a => a.Key == Key);
        }

        if (!string.IsNullOrEmpty(UserName))
        {
            q = q.Where(a => a.UserName == UserName);
        }

        if (From is { } from)
        {
            var start = CenterClock.StartOf(from);
            q = q.Where(a => a.At >= start);
        }

        if (To is { } to)
        {
            var end = CenterClock.StartOf(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        return q;
    }

    public IReadOnlyDictionary<string, string> DisplayNames { get; private set; } = new Dictionary<string, string>();

    private async Task<Dictionary<string, string>> DisplayNamesAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct))
        .Where(u => u.UserName is not null).ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal);

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var order = StringComparer.Create(CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en"), false);
        Kinds = (await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(ct))
            .Select(e => (e, reader.Kind(e))).OrderBy(k => k.Item2, order).ToList();
        var names = await DisplayNamesAsync(ct);
        DisplayNames = names;
        Users = (await db.AuditEntries.Select(a => a.UserName).Distinct().ToListAsync(ct))
            .Select(u => (u, Who(u, names))).OrderBy(u => u.Item2, order).ToList();
    }

    /// <summary>The page of the record a row is about, where there is one (a deleted record has none).</summary>
    public static string? Link(AuditEntry a)
    {
        if (a.Action == AuditAction.Deleted || !long.TryParse(a.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return a.Entity switch
        {
            "Employee" => $"/people/{id}",
            "AppUser" => $"/admin/users/edit/{id}",
            "Exam" => $"/exams/{id}/results",
            "Paper" => $"/papers/edit/{id}",
            "Question" => $"/question-bank/edit/{id}",
            "Cohort" => $"/cohorts/{id}",
            "TrainingPlan" => $"/plans/{id}",
            "TrainingSession" => $"/training/sessions/{id}",
            "Recording" => $"/quality/recordings/{id}",
            "Evaluation" => $"/quality/evaluations/{id}",
            "Scorecard" => $"/quality/scorecards/{id}",
            "CalibrationSession" => $"/quality/calibration/{id}",
            "Certificate" => $"/records/certificates/{id}",
            "GateResult" => $"/records/assessments/{id}",
            "ProgramTemplate" => $"/induction/programs/{id}",
            "NeedsSurvey" => $"/plans/surveys/{id}",
            "MonthlyReview" => $"/plans/reviews/{id}",
            "NewBusinessTraining" => $"/plans/new-business/{id}",
            "Homework" => $"/plans/homework/{id}",
            _ => null,
        };
    }

    public string PageLink(int page) => Url.Page("/Admin/Audit", new { entity = Entity, key = Key, user = UserName, from = From, to = To, p = page })!;

    public string ExportLink() => Url.Page("/Admin/Audit", "Export", new { entity = Entity, key = Key, user = UserName, from = From, to = To })!;
}
