using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

/// <summary>The fixed workflow of the monthly review training (SPEC R5.2), in order.</summary>
public enum ReviewStep
{
    /// <summary>确定培训时间.</summary>
    Time,
    /// <summary>确定培训授课人员.</summary>
    Instructor,
    /// <summary>确定培训内容.</summary>
    Content,
    /// <summary>制作培训课件.</summary>
    Courseware,
    /// <summary>组织培训.</summary>
    Delivery,
    /// <summary>组织业务考试检验培训效果.</summary>
    Exam,
    /// <summary>对考试试卷进行分析点评.</summary>
    Analysis,
    /// <summary>结束.</summary>
    Done,
}

/// <summary>What the month's review covers (the seed's five kinds of content).</summary>
[Flags]
public enum ReviewContent
{
    None = 0,
    /// <summary>当月新增业务知识汇总.</summary>
    NewBusiness = 1,
    /// <summary>新增业务变动通知汇总.</summary>
    ChangeNotices = 2,
    /// <summary>新增工作规范流程汇总.</summary>
    WorkRules = 4,
    /// <summary>新增绩效考核制度汇总.</summary>
    PerformanceRules = 8,
    /// <summary>互动式的问题处理技巧培训.</summary>
    ProblemHandling = 16,
}

public static class ReviewSteps
{
    public static readonly ReviewStep[] Actionable = [ReviewStep.Time, ReviewStep.Instructor, ReviewStep.Content, ReviewStep.Courseware, ReviewStep.Delivery, ReviewStep.Exam, ReviewStep.Analysis];

    public static readonly ReviewContent[] Contents = [ReviewContent.NewBusiness, ReviewContent.ChangeNotices, ReviewContent.WorkRules, ReviewContent.PerformanceRules, ReviewContent.ProblemHandling];

    public static string Key(ReviewStep s) => "ReviewStep." + s;

    public static string Key(ReviewContent c) => "ReviewContent." + c;
}

/// <summary>
/// 每月汇总性业务培训 — the month's review training as a checklist (SPEC R5.2): time → instructor →
/// content → courseware → delivery → business exam → paper analysis and review → done. Each step has an
/// owner and a due date and is ticked off in order. The instructor may be an agent, who earns performance
/// points for it (授课人员可由话务自发性的组织…在绩效中以加分体现).
/// </summary>
public sealed class MonthlyReview : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TitleMax = 200;
    public const int NotesMax = 4000;
    public const int PlaceMax = 200;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Month { get; private set; } = "";
    public int DepartmentId { get; private set; }
    public Department Department { get; private set; } = null!;

    /// <summary>The plan item the review delivers, if the plan lists it.</summary>
    public int? PlanItemId { get; private set; }
    public ReviewStep Current { get; private set; }
    public List<ReviewTask> Tasks { get; private set; } = [];

    public DateTimeOffset? StartsAt { get; private set; }
    public DateTimeOffset? EndsAt { get; private set; }
    public string? Place { get; private set; }
    public int? InstructorEmployeeId { get; private set; }
    public Employee? Instructor { get; private set; }
    public ReviewContent Content { get; private set; }
    public string? ContentNotes { get; private set; }
    public string? CoursewareKey { get; private set; }
    public string? CoursewareName { get; private set; }
    public string? CoursewareNote { get; private set; }

    /// <summary>The training sessions (Training) in which it is delivered, one per team, each with its sign-in sheet.</summary>
    public List<MonthlyReviewSession> Sessions { get; private set; } = [];

    /// <summary>The business exam (Assessments) that checks it; its paper analysis closes the review.</summary>
    public int? ExamId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private MonthlyReview() { }

    public MonthlyReview(string title, string month, Department department, int? planItemId, IReadOnlyDictionary<ReviewStep, (int? Owner, DateOnly? Due)> tasks, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A review training needs a title of at most 200 characters.");
        }

        _ = PlanMonth.First(month);
        Title = title.Trim();
        Month = month;
        Department = department;
        DepartmentId = department.Id;
        PlanItemId = planItemId;
        Current = ReviewStep.Time;
        CreatedBy = TrainingPlan.Cut(by, TrainingPlan.ByMax);
        CreatedAt = at;
        foreach (var step in ReviewSteps.Actionable)
        {
            var (owner, due) = tasks.GetValueOrDefault(step);
            Tasks.Add(new ReviewTask(step, owner, due));
        }
    }

    public ReviewTask TaskOf(ReviewStep step) => Tasks.First(t => t.Step == step);

    public void Assign(ReviewStep step, int? ownerEmployeeId, DateOnly? dueOn)
    {
        if (step == ReviewStep.Done || TaskOf(step).DoneAt is not null)
        {
            throw new DomainException("A step that is done keeps its owner.");
        }

        TaskOf(step).Assign(ownerEmployeeId, dueOn);
    }

    /// <summary>确定培训时间.</summary>
    public void SetTime(DateTimeOffset startsAt, DateTimeOffset endsAt, string place, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Time);
        if (endsAt <= startsAt)
        {
            throw new DomainException("The training must end after it starts.");
        }

        if (string.IsNullOrWhiteSpace(place) || place.Trim().Length > PlaceMax)
        {
            throw new DomainException("Say where the training is held (at most 200 characters).");
        }

        if (PlanMonth.Of(startsAt) != Month)
        {
            throw new DomainException("The training is held in its month.");
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        Place = place.Trim();
        Complete(by, at);
    }

    /// <summary>确定培训授课人员 — and the sessions (one per team) in which the instructor teaches.</summary>
    public void ChooseInstructor(Employee instructor, IEnumerable<Training.TrainingSession> sessions, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Instructor);
        if (instructor.Stage.IsTerminal())
        {
            throw new DomainException("The instructor must be someone who works here.");
        }

        Instructor = instructor;
        InstructorEmployeeId = instructor.Id;
        Sessions.AddRange(sessions.Select(x => new MonthlyReviewSession(x)));
        Complete(by, at);
    }

    /// <summary>确定培训内容.</summary>
    public void SetContent(ReviewContent content, string? notes, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Content);
        if (content == ReviewContent.None)
        {
            throw new DomainException("Choose what the review covers.");
        }

        if ((notes?.Trim().Length ?? 0) > NotesMax)
        {
            throw new DomainException("The notes are too long (at most 4000 characters).");
        }

        Content = content;
        ContentNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Complete(by, at);
    }

    /// <summary>制作培训课件 — a file in the file store, or a note saying where it is.</summary>
    public void AttachCourseware(string? key, string? fileName, string? note, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Courseware);
        if (key is null && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Upload the courseware or say where it is.");
        }

        CoursewareKey = key;
        CoursewareName = fileName is null ? null : TrainingPlan.Cut(fileName, 200);
        CoursewareNote = string.IsNullOrWhiteSpace(note) ? null : TrainingPlan.Cut(note.Trim(), 1000);
        Complete(by, at);
    }

    /// <summary>组织培训 — held, once its time has come.</summary>
    public void Deliver(DateTimeOffset now, string by)
    {
        Require(ReviewStep.Delivery);
        if (StartsAt is { } s && now < s)
        {
            throw new DomainException("The training has not started yet.");
        }

        Complete(by, now);
    }

    /// <summary>组织业务考试 — the exam of Assessments that checks what was taught.</summary>
    public void LinkExam(int examId, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Exam);
        ExamId = examId;
        Complete(by, at);
    }

    /// <summary>对考试试卷进行分析点评 — done when the exam's written analysis is filed; then the review is over (结束).</summary>
    public void CompleteAnalysis(bool analysisWritten, string by, DateTimeOffset at)
    {
        Require(ReviewStep.Analysis);
        if (!analysisWritten)
        {
            throw new DomainException("Write the paper analysis on the exam's analysis page first.");
        }

        Complete(by, at);
    }

    private void Require(ReviewStep step)
    {
        if (Current != step)
        {
            throw new DomainException(Current == ReviewStep.Done ? "The review training is finished." : "Steps are done in order; finish the current step first.");
        }
    }

    private void Complete(string by, DateTimeOffset at)
    {
        TaskOf(Current).Complete(by, at);
        Current = Current + 1;
    }
}

/// <summary>A session (one team's) in which a review training is delivered.</summary>
public sealed class MonthlyReviewSession : IAudited
{
    public int ReviewId { get; private set; }
    public int SessionId { get; private set; }
    public Training.TrainingSession Session { get; private set; } = null!;

    private MonthlyReviewSession() { }

    internal MonthlyReviewSession(Training.TrainingSession session)
    {
        Session = session;
        SessionId = session.Id;
    }
}

/// <summary>One step of the checklist: who owns it, by when, and when it was done by whom.</summary>
public sealed class ReviewTask : IAudited
{
    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    public ReviewStep Step { get; private set; }
    public int? OwnerEmployeeId { get; private set; }
    public Employee? Owner { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }

    private ReviewTask() { }

    internal ReviewTask(ReviewStep step, int? owner, DateOnly? due)
    {
        Step = step;
        OwnerEmployeeId = owner;
        DueOn = due;
    }

    internal void Assign(int? owner, DateOnly? due)
    {
        OwnerEmployeeId = owner;
        DueOn = due;
    }

    internal void Complete(string by, DateTimeOffset at)
    {
        DoneAt = at;
        DoneBy = TrainingPlan.Cut(by, TrainingPlan.ByMax);
    }
}

internal sealed class MonthlyReviewConfiguration : IEntityTypeConfiguration<MonthlyReview>
{
    public void Configure(EntityTypeBuilder<MonthlyReview> b)
    {
        b.Property(x => x.Title).HasMaxLength(MonthlyReview.TitleMax);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.Current).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Place).HasMaxLength(MonthlyReview.PlaceMax);
        b.Property(x => x.Content).HasConversion<int>();
        b.Property(x => x.ContentNotes).HasMaxLength(MonthlyReview.NotesMax);
        b.Property(x => x.CoursewareKey).HasMaxLength(200);
        b.Property(x => x.CoursewareName).HasMaxLength(200);
        b.Property(x => x.CoursewareNote).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(TrainingPlan.ByMax);
        b.HasIndex(x => x.Month);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Instructor).WithMany().HasForeignKey(x => x.InstructorEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Sessions).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assessments.Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonthlyReviewSessionConfiguration : IEntityTypeConfiguration<MonthlyReviewSession>
{
    public void Configure(EntityTypeBuilder<MonthlyReviewSession> b)
    {
        b.HasKey(x => new { x.ReviewId, x.SessionId });
        b.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> b)
    {
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DoneBy).HasMaxLength(TrainingPlan.ByMax);
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ReviewId, x.Step }).IsUnique();
    }
}
