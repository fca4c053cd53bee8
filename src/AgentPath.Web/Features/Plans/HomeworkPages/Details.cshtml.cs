using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.HomeworkPages;

/// <summary>One homework: a person hands in a text or a file (or takes the quiz); trainers grade each hand-in (append-only) and see completion per person.</summary>
public sealed class DetailsModel(AssignmentService assignments, Data.AppDbContext db, FileStore files, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public Plans.Homework Homework { get; private set; } = null!;
    public bool ForMe { get; private set; }
    public bool CanGrade { get; private set; }
    public Completion? Mine { get; private set; }
    public HomeworkSubmission? MySubmission { get; private set; }
    public IReadOnlyList<Completion> People { get; private set; } = [];

    /// <summary>People the homework is for who are outside the viewer's data scope: counted, never named.</summary>
    public int OutsideScope { get; private set; }
    public IReadOnlyDictionary<int, HomeworkSubmission> Submissions { get; private set; } = new Dictionary<int, HomeworkSubmission>();
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHandInAsync(int id, string? answer, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = await assignments.HandInAsync(Homework, answer, file, User, ct);
        if (Error is null)
        {
            TempData.Confirm(text["Handed in."]);
        }

        return Error is null ? LocalRedirect($"/plans/homework/{id}") : await ReloadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostGradeAsync(int id, int submissionId, decimal? score, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanGrade)
        {
            return Forbid();
        }

        if (await assignments.SubmissionInScopeAsync(id, submissionId, ct) is null)
        {
            return NotFound();
        }

        Error = await assignments.GradeAsync(Homework, submissionId, score, comment, User, ct);
        if (Error is null)
        {
            TempData.Confirm(text["Grade saved."]);
        }

        return Error is null ? LocalRedirect($"/plans/homework/{id}") : await ReloadAsync(id, ct);
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int submission, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The hand-in's person must be the viewer or in the viewer's data scope (404 otherwise), and only graders read others' files.
        var s = await assignments.SubmissionInScopeAsync(id, submission, ct);
        var mayRead = s is not null && (s.EmployeeId == PlanActor.EmployeeId(User) || CanGrade);
        if (!mayRead || s!.FileKey is not { } key || !files.Exists(key))
        {
            return NotFound();
        }

        return new FileStreamResult(files.OpenRead(key), PlanFiles.ContentType(s.FileName ?? "")) { FileDownloadName = s.FileName ?? "homework", EnableRangeProcessing = true };
    }

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var h = await (await assignments.HomeworkAsync(User, ct)).AsNoTracking().Include(x => x.Audience).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            return false;
        }

        Homework = h;
        ForMe = await assignments.IsForMeAsync(h, User, ct);
        CanGrade = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        var all = await assignments.CompletionAsync(h, ct);
        var me = PlanActor.EmployeeId(User);
        Mine = all.FirstOrDefault(c => c.EmployeeId == me);
        MySubmission = me is null ? null : await db.HomeworkSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.HomeworkId == id && s.EmployeeId == me, ct);
        if ((await auth.AuthorizeAsync(User, Policies.PlansRead)).Succeeded)
        {
            (People, OutsideScope) = await assignments.InScopeAsync(all, ct);
            var visible = People.Select(p => p.EmployeeId).ToList();
            Submissions = await db.HomeworkSubmissions.AsNoTracking().Where(s => s.HomeworkId == id && visible.Contains(s.EmployeeId)).ToDictionaryAsync(s => s.Id, ct);
        }

        return true;
    }
}
