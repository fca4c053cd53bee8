using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Reviews;

/// <summary>每月汇总性业务培训 — the monthly review trainings in scope, where each stands on its checklist; trainers start the month's review here.</summary>
public sealed class IndexModel(ReviewService reviews, PlanAccess access, IAuthorizationService auth, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<MonthlyReview> Rows { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string Month { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? title, string? month, int departmentId, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded)
        {
            return Forbid();
        }

        var (review, error) = await reviews.CreateAsync(title, month, departmentId, null, User, ct);
        if (review is not null)
        {
            TempData.Confirm(text["Review training created: {0}.", review.Title]);
            return LocalRedirect($"/plans/reviews/{review.Id}");
        }

        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Month = PlanMonth.Of(PlanMonth.Today(time));
        CanCreate = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        Departments = await (await access.DepartmentListAsync(ct)).AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        Rows = await (await reviews.VisibleAsync(ct)).AsNoTracking().Include(r => r.Department).Include(r => r.Instructor)
            .OrderByDescending(r => r.Month).ThenBy(r => r.DepartmentId).Take(100).ToListAsync(ct);
    }
}
