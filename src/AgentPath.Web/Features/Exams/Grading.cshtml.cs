using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Exams;

/// <summary>阅卷 — short answers waiting for a grader, anonymised by default (the grader sees an answer number, the question, the rubric and the answer).</summary>
public sealed class GradingModel(AppDbContext db, ExamEngine engine, IStringLocalizer<Text> text, TimeProvider time) : PageModel
{
    public sealed record Pending(long ItemId, string Exam, string Question, string? Rubric, string Answer, decimal Points, string? Name);

    [BindProperty(SupportsGet = true)]
    public bool ShowNames { get; set; }

    public IReadOnlyList<Pending> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(long itemId, decimal score, string? comment, CancellationToken ct)
    {
        try
        {
            if (!await engine.GradeByHandAsync(itemId, score, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), ct))
            {
                return NotFound();
            }
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(ct);
            return Page();
        }

        TempData.Confirm(text["Score saved."]);
        return RedirectToPage(new { showNames = ShowNames });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var graded = db.ItemGrades.Select(g => g.AttemptItemId);
        // Not the answers and rubrics of an exam the grader could still take (ReviewPolicy): a trainer in its audience grades it after.
        var stillOpen = (await ReviewPolicy.StillOpenToAsync(db, AssessmentsApi.EmployeeIdOf(User), time.GetUtcNow(), null, ct)).ToList();
        var rows = await db.AttemptItems.AsNoTracking()
            .Where(i => i.Question.Type == QuestionType.Short && i.Attempt.Status == AttemptStatus.Submitted && !graded.Contains(i.Id) && !stillOpen.Contains(i.Attempt.ExamId))
            .OrderBy(i => i.Attempt.SubmittedAt).Take(100)
            .Select(i => new { i.Id, Exam = i.Attempt.Exam.Title, i.Question.Text, i.Question.Rubric, i.Response, i.Points, i.Attempt.Employee.Name })
            .ToListAsync(ct);
        Items = rows.Select(r => new Pending(r.Id, r.Exam, r.Text, r.Rubric,
            r.Response is null or "null" ? "" : System.Text.Json.JsonDocument.Parse(r.Response).RootElement.GetString() ?? "", r.Points, ShowNames ? r.Name : null)).ToList();
    }
}
