using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Data;

/// <summary>
/// The provider-neutral model. <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/>
/// add only what differs per provider; each has its own migrations.
/// Every save of domain data writes its audit entries in the same transaction.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider time)
    : IdentityDbContext<AppUser, AppRole, int>(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Features.Assessments.KnowledgeArea> KnowledgeAreas => Set<Features.Assessments.KnowledgeArea>();
    public DbSet<Features.Assessments.Question> Questions => Set<Features.Assessments.Question>();
    public DbSet<Features.Assessments.Paper> Papers => Set<Features.Assessments.Paper>();
    public DbSet<Features.Assessments.Exam> Exams => Set<Features.Assessments.Exam>();
    public DbSet<Features.Assessments.Attempt> Attempts => Set<Features.Assessments.Attempt>();
    public DbSet<Features.Assessments.AttemptItem> AttemptItems => Set<Features.Assessments.AttemptItem>();
    public DbSet<Features.Assessments.ItemGrade> ItemGrades => Set<Features.Assessments.ItemGrade>();
    public DbSet<Features.Assessments.AttemptResult> AttemptResults => Set<Features.Assessments.AttemptResult>();
    public DbSet<Features.Assessments.ExamQuestionStat> ExamQuestionStats => Set<Features.Assessments.ExamQuestionStat>();
    public DbSet<Features.Assessments.ExamOptionStat> ExamOptionStats => Set<Features.Assessments.ExamOptionStat>();
    public DbSet<Features.Assessments.PendingStat> PendingStats => Set<Features.Assessments.PendingStat>();
    public DbSet<Features.Assessments.PointsRule> PointsRules => Set<Features.Assessments.PointsRule>();
    public DbSet<Features.Assessments.PointsEntry> PointsEntries => Set<Features.Assessments.PointsEntry>();
    public DbSet<Features.Training.TrainingNeed> TrainingNeeds => Set<Features.Training.TrainingNeed>();
    public DbSet<Features.Training.RetrainingTask> RetrainingTasks => Set<Features.Training.RetrainingTask>();
    public DbSet<Features.Quality.Recording> Recordings => Set<Features.Quality.Recording>();
    public DbSet<Features.Quality.PlaybackLog> PlaybackLogs => Set<Features.Quality.PlaybackLog>();
    public DbSet<Features.Quality.RecordingImport> RecordingImports => Set<Features.Quality.RecordingImport>();
    public DbSet<Features.Quality.Scorecard> Scorecards => Set<Features.Quality.Scorecard>();
    public DbSet<Features.Quality.ScorecardVersion> ScorecardVersions => Set<Features.Quality.ScorecardVersion>();
    public DbSet<Features.Quality.Evaluation> Evaluations => Set<Features.Quality.Evaluation>();
    public DbSet<Features.Quality.EvaluationScore> EvaluationScores => Set<Features.Quality.EvaluationScore>();
    public DbSet<Features.Quality.Finding> Findings => Set<Features.Quality.Finding>();
    public DbSet<Features.Quality.Dispute> Disputes => Set<Features.Quality.Dispute>();
    public DbSet<Features.Quality.SamplingPlan> SamplingPlans => Set<Features.Quality.SamplingPlan>();
    public DbSet<Features.Quality.SamplingDraw> SamplingDraws => Set<Features.Quality.SamplingDraw>();
    public DbSet<Features.Quality.SamplingAssignment> SamplingAssignments => Set<Features.Quality.SamplingAssignment>();
    public DbSet<Features.Quality.CalibrationSession> CalibrationSessions => Set<Features.Quality.CalibrationSession>();
    public DbSet<Features.Training.TrainingSession> TrainingSessions => Set<Features.Training.TrainingSession>();
    public DbSet<Features.Training.Attendance> Attendances => Set<Features.Training.Attendance>();
    public DbSet<Features.Training.SessionFeedback> SessionFeedbacks => Set<Features.Training.SessionFeedback>();
    public DbSet<Features.Training.SignInLock> SignInLocks => Set<Features.Training.SignInLock>();
    public DbSet<Features.Training.CoursewareFile> CoursewareFiles => Set<Features.Training.CoursewareFile>();
    public DbSet<Features.Training.TrainingHoursEntry> TrainingHoursEntries => Set<Features.Training.TrainingHoursEntry>();
    public DbSet<Features.Pipeline.StageEvent> StageEvents => Set<Features.Pipeline.StageEvent>();
    public DbSet<Features.Pipeline.GateDefinition> GateDefinitions => Set<Features.Pipeline.GateDefinition>();
    public DbSet<Features.Pipeline.GateResult> GateResults => Set<Features.Pipeline.GateResult>();
    public DbSet<Features.Pipeline.Cohort> Cohorts => Set<Features.Pipeline.Cohort>();
    public DbSet<Features.Pipeline.CohortMember> CohortMembers => Set<Features.Pipeline.CohortMember>();
    public DbSet<Features.Induction.ProgramTemplate> ProgramTemplates => Set<Features.Induction.ProgramTemplate>();
    public DbSet<Features.Coaching.WorkStandardTemplate> WorkStandardTemplates => Set<Features.Coaching.WorkStandardTemplate>();
    public DbSet<Features.Coaching.CoachingStepRecord> CoachingSteps => Set<Features.Coaching.CoachingStepRecord>();
    public DbSet<Features.Coaching.DailyEvaluation> DailyEvaluations => Set<Features.Coaching.DailyEvaluation>();
    public DbSet<Features.Records.Certificate> Certificates => Set<Features.Records.Certificate>();
    public DbSet<Features.Records.PostChecklistItem> PostChecklistItems => Set<Features.Records.PostChecklistItem>();
    public DbSet<Features.Records.PostChecklistConfirmation> PostChecklistConfirmations => Set<Features.Records.PostChecklistConfirmation>();
    public DbSet<Features.Plans.TrainingPlan> TrainingPlans => Set<Features.Plans.TrainingPlan>();
    public DbSet<Features.Plans.PlanItem> PlanItems => Set<Features.Plans.PlanItem>();
    public DbSet<Features.Plans.PlanItemNeed> PlanItemNeeds => Set<Features.Plans.PlanItemNeed>();
    public DbSet<Features.Plans.PlanVersion> PlanVersions => Set<Features.Plans.PlanVersion>();
    public DbSet<Features.Plans.PlanRevision> PlanRevisions => Set<Features.Plans.PlanRevision>();
    public DbSet<Features.Plans.NeedDetail> NeedDetails => Set<Features.Plans.NeedDetail>();
    public DbSet<Features.Plans.PlanItemSession> PlanItemSessions => Set<Features.Plans.PlanItemSession>();
    public DbSet<Features.Plans.NeedsSurvey> NeedsSurveys => Set<Features.Plans.NeedsSurvey>();
    public DbSet<Features.Plans.SurveyResponse> SurveyResponses => Set<Features.Plans.SurveyResponse>();
    public DbSet<Features.Plans.SurveyAnswer> SurveyAnswers => Set<Features.Plans.SurveyAnswer>();
    public DbSet<Features.Plans.MonthlyReview> MonthlyReviews => Set<Features.Plans.MonthlyReview>();
    public DbSet<Features.Plans.NewBusinessTraining> NewBusinessTrainings => Set<Features.Plans.NewBusinessTraining>();
    public DbSet<Features.Plans.Homework> Homework => Set<Features.Plans.Homework>();
    public DbSet<Features.Plans.HomeworkSubmission> HomeworkSubmissions => Set<Features.Plans.HomeworkSubmission>();
    public DbSet<Features.Plans.HomeworkGrade> HomeworkGrades => Set<Features.Plans.HomeworkGrade>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => !t.IsAbstract);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }

        builder.Entity<JobLease>(b =>
        {
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.Holder).HasMaxLength(128);
        });
        builder.Entity<AppUser>(b =>
        {
            b.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMax);
            b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(x => x.EmployeeId).IsUnique();
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        BumpRowVersions();
        var reference = ChangeTracker.Entries().Any(e => e.Entity is ICachedReference && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        try
        {
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            if (reference)
            {
                ReferenceData.Changed();
            }
        }
    }

    /// <summary>Every modified <see cref="IVersioned"/> row moves its token by one (unless the entity moved it itself).</summary>
    private void BumpRowVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var token = entry.Property(nameof(IVersioned.RowVersion));
            if (!token.IsModified)
            {
                token.CurrentValue = (int)token.OriginalValue! + 1;
            }
        }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null;
        var tx = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Save first so that generated keys are known, then the audit rows, then commit both.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            AuditEntries.AddRange(AuditRecorder.Complete(pending, actor, time.GetUtcNow()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (tx is not null)
            {
                await tx.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }
        }
    }
}
