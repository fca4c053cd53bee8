using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.NewBusiness;

/// <summary>One new-business training: its content and courseware; a person it is for signs here (or takes the exam); staff see completion per person.</summary>
public sealed class DetailsModel(AssignmentService assignments, AppDbContext db, FileStore files, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public NewBusinessTraining Training { get; private set; } = null!;
    public bool ForMe { get; private set; }
    public bool Staff { get; private set; }
    public Completion? Mine { get; private set; }
    public IReadOnlyList<Completion> People { get; private set; } = [];

    /// <summary>People the training is for who are outside the viewer's data scope: counted, never named.</summary>
    public int OutsideScope { get; private set; }
    public string? ExamTitle { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = await assignments.SignOffAsync(id, User, ct);
        if (Error is null)
        {
            TempData.Confirm(text["You signed that you have learned it."]);
            return LocalRedirect($"/plans/new-business/{id}");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCoursewareAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Training.CoursewareKey is not { } key || !files.Exists(key))
        {
            return NotFound();
        }

        return new FileStreamResult(files.OpenRead(key), PlanFiles.ContentType(Training.CoursewareName ?? "")) { FileDownloadName = Training.CoursewareName ?? "courseware", EnableRangeProcessing = true };
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var n = await (await assignments.NewBusinessAsync(User, ct)).AsNoTracking().Include(x => x.Audience).Include(x => x.SignOffs).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return false;
        }

        Training = n;
        ForMe = await assignments.IsForMeAsync(n, User, ct);
        Staff = (await auth.AuthorizeAsync(User, Policies.PlansRead)).Succeeded;
        var all = await assignments.CompletionAsync(n, ct);
        Mine = all.FirstOrDefault(c => c.EmployeeId == PlanActor.EmployeeId(User));
        (People, OutsideScope) = Staff ? await assignments.InScopeAsync(all, ct) : ([], 0);
        ExamTitle = n.ExamId is { } e ? await db.Exams.Where(x => x.Id == e).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        return true;
    }
}
