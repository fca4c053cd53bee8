using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.NewBusiness;

/// <summary>新增业务培训 — the new-business trainings for the viewer (an agent: those for their team); trainers add one per new product or change.</summary>
public sealed class IndexModel(AssignmentService assignments, PlanAccess access, AppDbContext db, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(NewBusinessTraining Training, int Done, int Total);

    [BindProperty]
    public AssignmentService.NewBusinessInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Assessments.Exam> Exams { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.DueOn = PlanMonth.Today(time).AddDays(7);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? courseware, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded)
        {
            return Forbid();
        }

        var (n, error) = await assignments.CreateNewBusinessAsync(Input, courseware, User, ct);
        if (n is not null)
        {
            TempData.Confirm(text["New business sent: {0}.", n.Title]);
            return LocalRedirect($"/plans/new-business/{n.Id}");
        }

        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanCreate = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        var list = await (await assignments.NewBusinessAsync(User, ct)).AsNoTracking().Include(n => n.Audience).Include(n => n.SignOffs)
            .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var n in list)
        {
            var all = await assignments.CompletionAsync(n, ct);
            var (c, _) = await assignments.InScopeAsync(all, ct);
            rows.Add(new Row(n, c.Count(x => x.Done), c.Count));
        }

        Rows = rows;
        if (CanCreate)
        {
            var departments = await access.DepartmentsAsync(ct);
            Teams = await db.Teams.AsNoTracking().Include(t => t.Department).Where(t => departments == null || departments.Contains(t.DepartmentId))
                .ToNaturalListAsync(ct);
            Exams = await db.Exams.AsNoTracking().OrderByDescending(e => e.OpensAt).Take(20).ToListAsync(ct);
        }
    }
}
