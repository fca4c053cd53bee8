using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Exams;

/// <summary>
/// Taking an exam, on a phone or a desktop. The page renders the saved answers; js/exam.js sends
/// each change at once, keeps a copy in the browser while offline, and shows what is saved.
/// </summary>
public sealed class TakeModel(AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public AssessmentsApi.AttemptDto Attempt { get; private set; } = null!;
    public string ExamTitle { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var me = AssessmentsApi.EmployeeIdOf(User);
        var row = await db.Attempts.AsNoTracking().Where(a => a.Id == id && a.EmployeeId == me)
            .Select(a => new { a.Status, a.Exam.Title }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status != AttemptStatus.Open)
        {
            return LocalRedirect($"/exams/attempts/{id}");
        }

        Attempt = (await AssessmentsApi.LoadAsync(db, id, text, ct))!;
        ExamTitle = row.Title;
        Now = time.GetUtcNow();
        return Page();
    }

    public string? Saved(int questionId) =>
        Attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Response?.ToString();

    /// <summary>At least one answer reached the server: only then does the status line say all answers are saved.</summary>
    public bool AnySaved => Attempt.Answers.Any(a => a.Seq > 0);

    public long SeqOf(int questionId) => Attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Seq ?? 0;

    public bool IsChosen(int questionId, int optionId)
    {
        var r = Attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Response;
        return r is { } v && (v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetInt32() == optionId
            : v.ValueKind == System.Text.Json.JsonValueKind.Array && v.EnumerateArray().Any(e => e.GetInt32() == optionId));
    }

    public string TextOf(int questionId)
    {
        var r = Attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Response;
        return r is { ValueKind: System.Text.Json.JsonValueKind.String } v ? v.GetString()! : "";
    }
}
