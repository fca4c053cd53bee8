using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Exams;

/// <summary>
/// 试卷分析点评 — the paper analysis: per question Moodle's facility and discrimination indices and
/// how often each option was chosen, with flags; per knowledge area the mean score (what the floor
/// does not know); and the trainer's written analysis filed with the exam. Read from running sums,
/// so it opens instantly whatever the number of attempts.
/// </summary>
public sealed class AnalysisModel(AppDbContext db, TimeProvider time, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Item(Question Question, string Area, int N, double? Facility, double? Discrimination, IReadOnlyList<string> Flags, IReadOnlyList<(QuestionOption Option, int Count)> Options);

    public Exam Exam { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<(string Area, double Mean, int Questions)> Areas { get; private set; } = [];
    public bool CanWrite { get; private set; }

    /// <summary>Submitted attempts: none yet, and the page says so instead of showing empty tables.</summary>
    public int Submitted { get; private set; }

    /// <summary>The per-question table (options counted) may be shown: not to someone who could still take this exam.</summary>
    public bool ShowTable { get; private set; }

    /// <summary>The right options are marked in the table (<see cref="ReviewPolicy"/>: assessments managers; other readers after close).</summary>
    public bool ShowKeys { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !ShowTable)
        {
            return NotFound();
        }

        var rows = Items.Select(i => new Dictionary<string, object?>
        {
            ["试题 Question"] = i.Question.Text, ["知识点 Area"] = i.Area, ["作答数 Answers"] = i.N,
            ["难度系数 Facility %"] = i.Facility is { } f ? Math.Round(f, 1) : null,
            ["区分度 Discrimination %"] = i.Discrimination is { } d ? Math.Round(d, 1) : null,
            ["选项分布 Options chosen"] = string.Join("; ", i.Options.Select(o => $"{o.Option.Text}: {o.Count}")),
            ["提示 Flags"] = string.Join(", ", i.Flags),
        });
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, Infrastructure.Files.SafeSheet.Rows(rows), excelType: MiniExcelLibs.ExcelType.XLSX);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"exam-{id}-analysis.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.AssessmentsManage)).Succeeded)
        {
            return Forbid();
        }

        var exam = await db.Exams.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return NotFound();
        }

        exam.WriteAnalysis((Text ?? "").Length > 8000 ? Text![..8000] : Text ?? "", User.FindFirst("agentpath:display")?.Value ?? User.Identity!.Name!, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData.Confirm(text["Analysis saved."]);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return false;
        }

        Exam = exam;
        Text = exam.Analysis;
        CanWrite = (await auth.AuthorizeAsync(User, Policies.AssessmentsManage)).Succeeded;
        Submitted = await db.Attempts.CountAsync(a => a.ExamId == id && a.Status == AttemptStatus.Submitted, ct);
        var now = time.GetUtcNow();
        var mayStillTake = (await ReviewPolicy.StillOpenToAsync(db, AssessmentsApi.EmployeeIdOf(User), now, [id], ct)).Count > 0;
        var review = await db.Papers.Where(p => p.Id == exam.PaperId).Select(p => p.ShowAnswers).FirstAsync(ct);
        ShowTable = !mayStillTake;
        ShowKeys = ReviewPolicy.MayShowKeys(new KeyContext(CanWrite ? KeyViewer.Staff : KeyViewer.Other, AttemptFinished: true, review, now >= exam.ClosesAt, mayStillTake));
        var stats = await db.ExamQuestionStats.AsNoTracking().Where(s => s.ExamId == id).ToListAsync(ct);
        var qids = stats.Select(s => s.QuestionId).ToList();
        var questions = await db.Questions.AsNoTracking().Include(q => q.Area).Where(q => qids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var options = (await db.ExamOptionStats.AsNoTracking().Where(o => o.ExamId == id).ToListAsync(ct)).ToLookup(o => o.QuestionId);
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        Items = stats.Select(s =>
        {
            var q = questions[s.QuestionId];
            var facility = ItemStatistics.Facility(s.N, s.SumX, s.MaxPoints);
            var disc = ItemStatistics.Discrimination(s.N, s.SumX, s.SumX2, s.SumY, s.SumY2, s.SumXY);
            var counts = options[s.QuestionId].ToDictionary(o => o.OptionId, o => o.Count);
            return new Item(q, q.Area.DisplayName(zh), s.N, facility, disc, ItemStatistics.Flags(facility, disc),
                q.Options.Select(o => (o, counts.GetValueOrDefault(o.Id))).ToList());
        }).OrderBy(i => i.Facility ?? 101).ToList();
        Areas = Items.Where(i => i.Facility is not null).GroupBy(i => i.Area)
            .Select(g => (g.Key, Math.Round(g.Average(i => i.Facility!.Value), 1), g.Count())).OrderBy(a => a.Item2).ToList();
        return true;
    }
}
