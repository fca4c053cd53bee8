using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Surveys;

/// <summary>A person answers a needs survey sent to their team, on a phone: one card per question, big tap targets. Others get 404.</summary>
public sealed class AnswerModel(SurveyService surveys, AppDbContext db, TimeProvider time) : PageModel
{
    public NeedsSurvey Survey { get; private set; } = null!;
    public bool Answered { get; private set; }
    public bool Open { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public Dictionary<int, int?> Ratings { get; set; } = [];

    [BindProperty]
    public Dictionary<int, string?> Texts { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var me = await db.Employees.AsNoTracking().FirstAsync(e => e.Id == PlanActor.EmployeeId(User), ct);
        var answers = Survey.Items.ToDictionary(i => i.Id, i => (Ratings.GetValueOrDefault(i.Id), Texts.GetValueOrDefault(i.Id)));
        Error = await surveys.AnswerAsync(Survey, me, answers, ct);
        if (Error is null)
        {
            return LocalRedirect($"/plans/surveys/{id}/answer");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (PlanActor.EmployeeId(User) is not { } employeeId || await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, ct) is not { } me)
        {
            return false;
        }

        var survey = await surveys.ForPerson(me).AsNoTracking().Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return false;
        }

        Survey = survey;
        Answered = await db.SurveyResponses.AnyAsync(r => r.SurveyId == id && r.EmployeeId == employeeId, ct);
        Open = survey.IsOpen(PlanMonth.Today(time));
        return true;
    }
}
