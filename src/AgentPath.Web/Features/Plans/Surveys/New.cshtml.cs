using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Surveys;

/// <summary>A trainer (or HR, a supervisor) sends a needs survey: the eight categories of R6.2 that apply, free items, the teams asked and the closing day.</summary>
public sealed class NewModel(SurveyService surveys, PlanAccess access, AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public const int FreeLines = 3;

    [BindProperty]
    public SurveyService.NewSurvey Input { get; set; } = new();

    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = PlanMonth.Today(time);
        Input = new SurveyService.NewSurvey
        {
            Month = PlanMonth.Of(today.AddMonths(1)),
            ClosesOn = today.AddDays(7),
            Categories = [.. Enum.GetValues<SkillArea>()],
            FreeItems = [.. Enumerable.Repeat<string?>(null, FreeLines)],
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (survey, error) = await surveys.CreateAsync(Input, User, ct);
        if (survey is not null)
        {
            TempData.Confirm(text["Survey sent: {0}.", survey.Title]);
            return LocalRedirect($"/plans/surveys/{survey.Id}");
        }

        Error = error;
        while (Input.FreeItems.Count < FreeLines)
        {
            Input.FreeItems.Add(null);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var departments = await access.DepartmentsAsync(ct);
        Teams = await db.Teams.AsNoTracking().Include(t => t.Department).Where(t => departments == null || departments.Contains(t.DepartmentId))
            .ToNaturalListAsync(ct);
    }
}
