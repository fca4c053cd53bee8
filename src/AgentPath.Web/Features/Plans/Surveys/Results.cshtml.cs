using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Surveys;

/// <summary>
/// 汇总需求调查结果 — a survey's answers per category and team (teams in the viewer's scope only; no
/// names), the free-text answers, closing it, and raising training needs from the most needed items.
/// </summary>
public sealed class ResultsModel(SurveyService surveys, AppDbContext db, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public NeedsSurvey Survey { get; private set; } = null!;
    public IReadOnlyList<SurveyAggregation.ItemFigure> Figures { get; private set; } = [];
    public IReadOnlyList<SurveyAggregation.ItemFigure> Ranked { get; private set; } = [];
    public IReadOnlyDictionary<int, string> TeamNames { get; private set; } = new Dictionary<int, string>();
    public int Invited { get; private set; }
    public int Responses { get; private set; }
    public bool CanManage { get; private set; }
    public bool Open { get; private set; }
    public string? Flash { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? raised, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Flash = raised is { } n ? text["{0} training needs raised for the plan of {1}.", n, PlanText.Month(Survey.Month)].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var survey = await db.NeedsSurveys.FirstAsync(s => s.Id == id, ct);
        survey.Close();
        await db.SaveChangesAsync(ct);
        TempData.Confirm(text["Survey closed."]);
        return LocalRedirect($"/plans/surveys/{id}");
    }

    public async Task<IActionResult> OnPostNeedsAsync(int id, List<int> itemIds, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, Policies.NeedsReport)).Succeeded)
        {
            return Forbid();
        }

        var n = await surveys.RaiseNeedsAsync(Survey, itemIds, User, ct);
        return LocalRedirect($"/plans/surveys/{id}?raised={n}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var survey = await (await surveys.VisibleAsync(ct)).AsNoTracking().Include(s => s.Items).Include(s => s.Audience).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return false;
        }

        Survey = survey;
        Open = survey.IsOpen(PlanMonth.Today(time));
        CanManage = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        var answers = await surveys.AnswersAsync(id, ct);
        Figures = SurveyAggregation.Aggregate(survey.Items, answers);
        Ranked = SurveyAggregation.Ranked(Figures);
        TeamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var teams = survey.Audience.Select(a => a.TeamId).ToList();
        Invited = await db.Employees.CountAsync(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && e.Stage != Stage.Eliminated && e.Stage != Stage.Left, ct);
        Responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == id, ct);
        return true;
    }

    public string Question(int itemId)
    {
        var item = Survey.Items.First(i => i.Id == itemId);
        return item.Category is { } c ? text[SkillAreas.Key(c)] : item.Text!;
    }

    /// <summary>Bar width class for a mean rating of 1–5.</summary>
    public static string Width(decimal? mean) => mean is { } m ? "w" + (int)(Math.Round(m * 20 / 5m) * 5) : "w0";
}
