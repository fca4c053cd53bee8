using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Exams;

/// <summary>An attempt's result: score and pass/fail; the answers and explanations as the paper's review setting allows. The person's own, or one in the viewer's scope.</summary>
public sealed class ResultModel(AppDbContext db, DataScopeProvider scope, TimeProvider time, IAuthorizationService auth) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;
    public AttemptResult? Result { get; private set; }
    public IReadOnlyList<AttemptResult> History { get; private set; } = [];
    public bool ShowAnswers { get; private set; }
    public bool Own { get; private set; }

    /// <summary>Why the answers are not shown (a text key), or null.</summary>
    public string? HiddenNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().Include(a => a.Exam).ThenInclude(e => e.Paper).Include(a => a.Employee)
            .Include(a => a.Items).ThenInclude(i => i.Question).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attempt is null)
        {
            return NotFound();
        }

        Own = attempt.EmployeeId == AssessmentsApi.EmployeeIdOf(User);
        if (!Own && (!User.IsInRole(Roles.TeamLead) && !User.IsInRole(Roles.Supervisor) && !User.IsInRole(Roles.DepartmentManager)
                && !User.IsInRole(Roles.Trainer) && !User.IsInRole(Roles.QaInspector) && !User.IsInRole(Roles.Hr)
                && !User.IsInRole(Roles.GeneralManager) && !User.IsInRole(Roles.SystemAdmin)
            || !(await scope.GetAsync(ct)).Includes(attempt.Employee)))
        {
            return NotFound();
        }

        Attempt = attempt;
        History = await db.AttemptResults.AsNoTracking().Where(r => r.AttemptId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Result = History.LastOrDefault();
        var now = time.GetUtcNow();
        var review = attempt.Exam.Paper.ShowAnswers;
        var mayStillTake = (await ReviewPolicy.StillOpenToAsync(db, AssessmentsApi.EmployeeIdOf(User), now, [attempt.ExamId], ct)).Count > 0;
        var viewer = Own ? KeyViewer.Owner
            : (await auth.AuthorizeAsync(User, Policies.AssessmentsManage)).Succeeded ? KeyViewer.Staff : KeyViewer.Other;
        var closed = now >= attempt.Exam.ClosesAt;
        ShowAnswers = ReviewPolicy.MayShowKeys(new KeyContext(viewer, attempt.Status == AttemptStatus.Submitted, review, closed, mayStillTake));
        HiddenNote = ShowAnswers || attempt.Status != AttemptStatus.Submitted ? null
            : mayStillTake && !Own ? "The answers of this attempt are not shown while you can still take this exam."
            : review == ReviewTime.Never && viewer != KeyViewer.Staff ? "The answers of this exam are not shown."
            : Own && mayStillTake && review == ReviewTime.AfterSubmit ? "The answers can be reviewed once you have used all attempts or the exam closes."
            : "The answers can be reviewed after the exam closes.";
        return Page();
    }

    public static string Shown(AttemptItem item, Func<string, string> t)
    {
        if (item.Response is null or "null")
        {
            return "—";
        }

        var options = item.Question.Options.ToDictionary(o => o.Id);
        var chosen = ExamEngine.ChosenOptions(item.Response);
        if (item.Question.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse)
        {
            return string.Join("；", chosen.Where(options.ContainsKey).Select(id => item.Question.Type == QuestionType.TrueFalse ? t(options[id].Text) : options[id].Text));
        }

        return JsonDocument.Parse(item.Response).RootElement.GetString() ?? "—";
    }

    public static string Key(Question q, Func<string, string> t) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => string.Join("；", q.Options.Where(o => o.Fraction > 0).Select(o => o.Text)),
        QuestionType.TrueFalse => t(q.Options.First(o => o.Fraction > 0).Text),
        QuestionType.FillIn => string.Join(" / ", q.AcceptedAnswers),
        _ => q.Rubric ?? "—",
    };
}
