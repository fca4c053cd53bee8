using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>Courseware and homework files: size and type checked, stored under an app-chosen name in the file store.</summary>
public static class PlanFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public static string ContentType(string fileName) => Types.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    /// <summary>Saves an upload after checking its extension and its first bytes agree. Error = a message key.</summary>
    public static async Task<(StoredFile? File, string? Error)> SaveAsync(FileStore store, IFormFile upload, string area, CancellationToken ct)
    {
        var ext = Path.GetExtension(upload.FileName);
        if (!Types.ContainsKey(ext))
        {
            return (null, "Upload a PDF, PowerPoint, Word, Excel, image or text file.");
        }

        if (upload.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, "The file is too large.");
        }

        if (!await UploadCheck.MatchesAsync(upload, ct))
        {
            return (null, UploadCheck.Mismatch);
        }

        try
        {
            await using var stream = upload.OpenReadStream();
            return (await store.SaveAsync(area, stream, MaxBytes, ct), null);
        }
        catch (FileTooLargeException)
        {
            return (null, "The file is too large.");
        }
    }
}

/// <summary>The monthly review trainings: who sees them (their department's scope), and each step of the checklist.</summary>
public sealed class ReviewService(AppDbContext db, PlanAccess access, FileStore files, TimeProvider time, IConfiguration config, IStringLocalizer<Text> text)
{
    /// <summary>Performance points for an agent who teaches a review (Plans:TeachingPoints, default 3).</summary>
    public decimal TeachingPoints => config.GetValue<decimal?>("Plans:TeachingPoints") ?? 3m;

    public const string PointsSource = "MonthlyReview";

    public async Task<IQueryable<MonthlyReview>> VisibleAsync(CancellationToken ct = default)
    {
        var departments = await access.DepartmentsAsync(ct);
        return departments is null ? db.MonthlyReviews : db.MonthlyReviews.Where(r => departments.Contains(r.DepartmentId));
    }

    public async Task<MonthlyReview?> LoadAsync(int id, bool track, CancellationToken ct = default)
    {
        var q = (await VisibleAsync(ct)).Include(r => r.Department).Include(r => r.Instructor).Include(r => r.Tasks).ThenInclude(t => t.Owner)
            .Include(r => r.Sessions).ThenInclude(s => s.Session).AsSplitQuery();
        return await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<(MonthlyReview? Review, string? Error)> CreateAsync(string? title, string? month, int departmentId, int? planItemId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var department = await (await access.DepartmentListAsync(ct)).FirstOrDefaultAsync(d => d.Id == departmentId, ct);
        if (department is null)
        {
            return (null, text["Unknown department."]);
        }

        if (!PlanMonth.TryParse(month, out var first))
        {
            return (null, text["A month is written as YYYY-MM."]);
        }

        if (planItemId is { } pid && !await db.PlanItems.AnyAsync(i => i.Id == pid && db.TrainingPlans.Any(p => p.Id == i.PlanId && p.DepartmentId == departmentId), ct))
        {
            return (null, text["The item is not on this department's plan."]);
        }

        // Owners: the department's trainer for the preparation and the exam; due dates spread over the month.
        var trainer = await db.Employees.Where(e => e.DepartmentId == departmentId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left && e.Posts.Any(p => p.Code == "TRAINER"))
            .Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var last = first.AddMonths(1).AddDays(-1);
        var tasks = new Dictionary<ReviewStep, (int?, DateOnly?)>
        {
            [ReviewStep.Time] = (trainer, first.AddDays(2)),
            [ReviewStep.Instructor] = (trainer, first.AddDays(4)),
            [ReviewStep.Content] = (trainer, first.AddDays(9)),
            [ReviewStep.Courseware] = (trainer, first.AddDays(16)),
            [ReviewStep.Delivery] = (trainer, last.AddDays(-6)),
            [ReviewStep.Exam] = (trainer, last.AddDays(-3)),
            [ReviewStep.Analysis] = (trainer, last),
        };
        try
        {
            var review = new MonthlyReview(title ?? "", PlanMonth.Of(first), department, planItemId, tasks, PlanActor.Name(user), time.GetUtcNow());
            db.MonthlyReviews.Add(review);
            await db.SaveChangesAsync(ct);
            return (review, null);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return (null, text[e.Message]);
        }
    }

    public Task<string?> AssignAsync(int id, ReviewStep step, int? ownerId, DateOnly? due, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            if (ownerId is { } o && !await db.Employees.AnyAsync(e => e.Id == o && e.Stage != Stage.Eliminated && e.Stage != Stage.Left, ct))
            {
                throw new DomainException("Unknown employee.");
            }

            r.Assign(step, ownerId, due);
        }, ct);

    public Task<string?> SetTimeAsync(int id, DateOnly? date, TimeOnly? start, TimeOnly? end, string? place, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, r =>
        {
            if (date is null || start is null || end is null)
            {
                throw new DomainException("Choose the day and the hours.");
            }

            r.SetTime(CenterClock.FromCenter(date.Value.ToDateTime(start.Value)), CenterClock.FromCenter(date.Value.ToDateTime(end.Value)), place ?? "", PlanActor.Name(user), time.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    /// <summary>Chooses the instructor and opens the sessions (business training, one per team of the department) in which they teach; trainees sign in there.</summary>
    public Task<string?> ChooseInstructorAsync(int id, int? employeeId, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            var instructor = employeeId is { } e ? await db.Employees.FirstOrDefaultAsync(x => x.Id == e, ct) : null;
            if (instructor is null)
            {
                throw new DomainException("Unknown employee.");
            }

            if (r.Current != ReviewStep.Instructor)
            {
                throw new DomainException("Steps are done in order; finish the current step first.");
            }

            var sessions = await PlanDelivery.SessionsForAsync(db, r.Title, SessionKind.Business, r.StartsAt!.Value, r.EndsAt!.Value, r.Place!, instructor.Id,
                r.DepartmentId, null, text["Monthly review training of {0}", r.Month].Value, ct);
            r.ChooseInstructor(instructor, sessions, PlanActor.Name(user), time.GetUtcNow());
        }, ct);

    public Task<string?> SetContentAsync(int id, IReadOnlyCollection<ReviewContent> content, string? notes, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, r =>
        {
            r.SetContent(content.Aggregate(ReviewContent.None, (a, c) => a | c), notes, PlanActor.Name(user), time.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    public Task<string?> CoursewareAsync(int id, IFormFile? upload, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            if (r.Current != ReviewStep.Courseware)
            {
                throw new DomainException("Steps are done in order; finish the current step first.");
            }

            StoredFile? stored = null;
            if (upload is not null)
            {
                var (file, error) = await PlanFiles.SaveAsync(files, upload, "courseware", ct);
                if (error is not null)
                {
                    throw new DomainException(error);
                }

                stored = file;
            }

            r.AttachCourseware(stored?.Key, stored is null ? null : Path.GetFileName(upload!.FileName), note, PlanActor.Name(user), time.GetUtcNow());
        }, ct);

    /// <summary>Marks the review delivered; an instructor from the floor (someone on a team) earns the teaching points, once.</summary>
    public Task<string?> DeliverAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            var now = time.GetUtcNow();
            r.Deliver(now, PlanActor.Name(user));
            if (r.Instructor is { TeamId: not null } instructor && TeachingPoints != 0
                && !await db.PointsEntries.AnyAsync(p => p.SourceType == PointsSource && p.SourceId == r.Id, ct))
            {
                db.PointsEntries.Add(new PointsEntry(instructor.Id, PlanMonth.Of(r.StartsAt ?? now), TeachingPoints, PointsSource, r.Id,
                    TrainingPlan.Cut($"授课：{r.Title}", 500), now, user.Identity?.Name ?? "system"));
            }
        }, ct);

    public Task<string?> LinkExamAsync(int id, int? examId, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            if (examId is not { } e || !await db.Exams.AnyAsync(x => x.Id == e, ct))
            {
                throw new DomainException("Choose the business exam.");
            }

            r.LinkExam(e, PlanActor.Name(user), time.GetUtcNow());
        }, ct);

    public Task<string?> CompleteAnalysisAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(id, user, async r =>
        {
            var written = r.ExamId is { } e && await db.Exams.AnyAsync(x => x.Id == e && x.Analysis != null && x.Analysis != "", ct);
            r.CompleteAnalysis(written, PlanActor.Name(user), time.GetUtcNow());
        }, ct);

    /// <summary>Runs a step on the review in scope; null = done, else the refusal in the user's language. Not found → "404".</summary>
    private async Task<string?> StepAsync(int id, ClaimsPrincipal user, Func<MonthlyReview, Task> step, CancellationToken ct)
    {
        var review = await LoadAsync(id, track: true, ct);
        if (review is null)
        {
            return NotFound;
        }

        // One transaction: a step that adds a session or points and then is refused leaves nothing behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await step(review);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return text[e.Message];
        }
    }

    /// <summary>The answer of a step on a review the user cannot see.</summary>
    public const string NotFound = "\u0000404";
}
