using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentPath.Web.Infrastructure.Localization;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>
/// 培训需求 — a month's training needs for a department: reported by the department, aggregated
/// from needs surveys, raised by QA, or taken in from the suggestions of the exam-paper analysis and
/// the QA findings (each with its evidence). From the open needs the compiler generates the draft plan.
/// </summary>
public sealed class NeedsModel(PlanAccess access, PlanNeeds needs, NeedSuggestions suggestions, PlanGenerator generator, AppDbContext db,
    IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DepartmentId { get; set; }

    [BindProperty]
    public PlanNeeds.Input Report { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public Department? Department { get; private set; }
    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];
    public IReadOnlyList<NeedSuggestion> Suggestions { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public TrainingPlan? Plan { get; private set; }
    public bool CanReport { get; private set; }
    public bool CanCompile { get; private set; }
    public string? Error { get; private set; }
    public string? Flash { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Flash = done switch
        {
            "reported" => text["The need is recorded."].Value,
            "taken" => text["The suggestion is taken in as a need."].Value,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.NeedsReport)).Succeeded)
        {
            return Forbid();
        }

        ModelState.Clear();
        Report.Month = Month;
        Report.DepartmentId = DepartmentId;
        var (need, problems) = await needs.RaiseAsync(Report, NeedSources.Department, null, User, ct);
        if (need is not null)
        {
            return LocalRedirect($"/plans/needs?month={Month}&departmentId={DepartmentId}&done=reported");
        }

        foreach (var (field, message, args) in problems)
        {
            ModelState.AddModelError($"Report.{field}", args.Length == 0 ? text[message] : text[message, args]);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(string key, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.NeedsReport)).Succeeded)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var s = Suggestions.FirstOrDefault(x => x.Key == key);
        if (s is null || Department is null)
        {
            Error = text["The suggestion is no longer open."];
            return Page();
        }

        var (need, problems) = await needs.RaiseAsync(new PlanNeeds.Input
        {
            Title = s.Title, Month = Month, DepartmentId = Department.Id, TeamId = s.TeamId, Headcount = s.Headcount, Category = s.Category,
            KnowledgeAreaId = s.KnowledgeAreaId, Details = s.Evidence,
        }, s.Source, s.Key, User, ct);
        if (need is null)
        {
            Error = text[problems[0].Message, problems[0].Args];
            return Page();
        }

        return LocalRedirect($"/plans/needs?month={Month}&departmentId={DepartmentId}&done=taken");
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!PlanService.Compiles(User))
        {
            return Forbid();
        }

        var r = await generator.GenerateAsync(DepartmentId ?? 0, Month ?? "", null, User, ct);
        if (r.Outcome == PlanOutcome.Ok)
        {
            return LocalRedirect($"/plans/{r.Plan!.Id}?done=generated");
        }

        Error = r.Error ?? string.Join(" ", r.Problems!.Values);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Month = PlanMonth.TryParse(Month, out var first) ? PlanMonth.Of(first) : PlanMonth.Of(PlanMonth.Today(time));
        Departments = await (await access.DepartmentListAsync(ct)).AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        Department = Departments.FirstOrDefault(d => d.Id == DepartmentId) ?? Departments.FirstOrDefault();
        DepartmentId = Department?.Id;
        CanReport = (await auth.AuthorizeAsync(User, Policies.NeedsReport)).Succeeded;
        CanCompile = PlanService.Compiles(User);
        if (Department is null)
        {
            return;
        }

        Needs = await needs.ForAsync(Month, Department.Id, ct);
        if (CanReport)
        {
            Suggestions = await suggestions.ForAsync(Department.Id, Month, ct);
        }

        Teams = await db.Teams.AsNoTracking().Where(t => t.DepartmentId == Department.Id).ToNaturalListAsync(ct);
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        Areas = (await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(a => (a.Id, a.DisplayName(zh))).ToList();
        var m = Month;
        Plan = await (await access.PlansAsync(ct)).AsNoTracking().FirstOrDefaultAsync(p => p.DepartmentId == Department.Id && p.Month == m, ct);
    }
}
