using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Reviews;

/// <summary>One monthly review training as its checklist: each step with owner and due date, the current step's form, the session's sign-ins, the exam and its analysis.</summary>
public sealed class DetailsModel(ReviewService reviews, AppDbContext db, DataScopeProvider scope, FileStore files, IAuthorizationService auth, IStringLocalizer<Text> text) : PageModel
{
    public MonthlyReview Review { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(int Id, string Name, string? Team)> People { get; private set; } = [];
    public IReadOnlyList<Exam> Exams { get; private set; } = [];
    public Exam? Exam { get; private set; }
    public int ExamAttempts { get; private set; }
    public int SignedIn { get; private set; }
    public decimal? PointsAwarded { get; private set; }
    public decimal TeachingPoints => reviews.TeachingPoints;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int id, ReviewStep step, int? ownerId, DateOnly? dueOn, CancellationToken ct) =>
        Run(id, () => reviews.AssignAsync(id, step, ownerId, dueOn, User, ct), ct);

    public Task<IActionResult> OnPostTimeAsync(int id, DateOnly? date, TimeOnly? start, TimeOnly? end, string? place, CancellationToken ct) =>
        Run(id, () => reviews.SetTimeAsync(id, date, start, end, place, User, ct), ct);

    public Task<IActionResult> OnPostInstructorAsync(int id, int? instructorId, CancellationToken ct) =>
        Run(id, () => reviews.ChooseInstructorAsync(id, instructorId, User, ct), ct);

    public Task<IActionResult> OnPostContentAsync(int id, List<ReviewContent> content, string? notes, CancellationToken ct) =>
        Run(id, () => reviews.SetContentAsync(id, content, notes, User, ct), ct);

    public Task<IActionResult> OnPostCoursewareAsync(int id, IFormFile? file, string? note, CancellationToken ct) =>
        Run(id, () => reviews.CoursewareAsync(id, file, note, User, ct), ct);

    public Task<IActionResult> OnPostDeliverAsync(int id, CancellationToken ct) => Run(id, () => reviews.DeliverAsync(id, User, ct), ct);

    public Task<IActionResult> OnPostExamAsync(int id, int? examId, CancellationToken ct) => Run(id, () => reviews.LinkExamAsync(id, examId, User, ct), ct);

    public Task<IActionResult> OnPostAnalysisAsync(int id, CancellationToken ct) => Run(id, () => reviews.CompleteAnalysisAsync(id, User, ct), ct);

    public async Task<IActionResult> OnGetCoursewareAsync(int id, CancellationToken ct)
    {
        var review = await reviews.LoadAsync(id, track: false, ct);
        if (review?.CoursewareKey is not { } key || !files.Exists(key))
        {
            return NotFound();
        }

        return new FileStreamResult(files.OpenRead(key), PlanFiles.ContentType(review.CoursewareName ?? "")) { FileDownloadName = review.CoursewareName ?? "courseware", EnableRangeProcessing = true };
    }

    private async Task<IActionResult> Run(int id, Func<Task<string?>> step, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded)
        {
            return Forbid();
        }

        var error = await step();
        if (error == ReviewService.NotFound)
        {
            return NotFound();
        }

        if (error is null)
        {
            TempData.Confirm(text["Saved."]);
            return LocalRedirect($"/plans/reviews/{id}");
        }

        Error = error;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var review = await reviews.LoadAsync(id, track: false, ct);
        if (review is null)
        {
            return false;
        }

        Review = review;
        CanEdit = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        People = (await (await scope.PeopleAsync(ct)).AsNoTracking().Where(e => e.DepartmentId == review.DepartmentId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
                .OrderBy(e => e.TeamId.HasValue).ThenBy(e => e.TeamId).ThenBy(e => e.Name).Select(e => new { e.Id, e.Name, Team = e.Team != null ? e.Team.Name : null }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name, e.Team)).ToList();
        Exams = await db.Exams.AsNoTracking().Where(e => e.Kind == ExamKind.MonthlyBusiness).OrderByDescending(e => e.OpensAt).Take(12).ToListAsync(ct);
        if (review.ExamId is { } examId)
        {
            Exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct);
            ExamAttempts = await db.Attempts.CountAsync(a => a.ExamId == examId && a.Status == AttemptStatus.Submitted, ct);
        }

        var sessionIds = review.Sessions.Select(s => s.SessionId).ToList();
        SignedIn = await db.Attendances.CountAsync(a => sessionIds.Contains(a.SessionId) && (a.Status == Training.AttendanceStatus.Present || a.Status == Training.AttendanceStatus.Late), ct);

        PointsAwarded = await db.PointsEntries.Where(p => p.SourceType == ReviewService.PointsSource && p.SourceId == id).SumAsync(p => (decimal?)p.Points, ct);
        return true;
    }
}
