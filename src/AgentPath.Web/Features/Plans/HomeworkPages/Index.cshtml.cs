using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.HomeworkPages;

/// <summary>课后作业 — homework set for the viewer, and for staff the homework in their scope with completion; trainers set new homework after a session.</summary>
public sealed class IndexModel(AssignmentService assignments, PlanAccess access, AppDbContext db, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(Plans.Homework Homework, int Done, int Total, bool ForMe, bool MineDone);

    [BindProperty]
    public AssignmentService.HomeworkInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Training.TrainingSession> Sessions { get; private set; } = [];
    public IReadOnlyList<Assessments.Paper> Papers { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var local = CenterClock.ToCenter(time.GetUtcNow()).DateTime;
        Input.DueAt = local.Date.AddDays(3).AddHours(18);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded)
        {
            return Forbid();
        }

        var (h, error) = await assignments.CreateHomeworkAsync(Input, User, ct);
        if (h is not null)
        {
            TempData.Confirm(text["Homework set: {0}, due {1}.", h.Title, CenterClock.Show(h.DueAt)]);
            return LocalRedirect($"/plans/homework/{h.Id}");
        }

        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        CanCreate = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        var list = await (await assignments.HomeworkAsync(User, ct)).AsNoTracking().Include(h => h.Audience).OrderByDescending(h => h.DueAt).Take(50).ToListAsync(ct);
        var me = PlanActor.EmployeeId(User);
        var rows = new List<Row>();
        foreach (var h in list)
        {
            var all = await assignments.CompletionAsync(h, ct);
            var (c, _) = await assignments.InScopeAsync(all, ct);
            var mine = c.FirstOrDefault(x => x.EmployeeId == me);
            rows.Add(new Row(h, c.Count(x => x.Done), c.Count, mine is not null, mine?.Done == true));
        }

        Rows = rows;
        if (CanCreate)
        {
            var departments = await access.DepartmentsAsync(ct);
            Teams = await db.Teams.AsNoTracking().Include(t => t.Department).Where(t => departments == null || departments.Contains(t.DepartmentId))
                .ToNaturalListAsync(ct);
            var since = Now.AddDays(-45);
            Sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.StartsAt >= since && s.StartsAt <= Now.AddDays(14)
                    && (s.Kind == Training.SessionKind.Business || s.Kind == Training.SessionKind.GeneralSkills))
                .OrderByDescending(s => s.StartsAt).Take(30).ToListAsync(ct);
            Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Id).Take(30).ToListAsync(ct);
        }
    }
}
