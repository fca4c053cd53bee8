using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;

namespace AgentPath.Web.Features.Pipeline;

public static class PipelineSetup
{
    /// <summary>The pipeline with induction, coaching, training sessions and records. The QA-evaluation gate source plugs in here as another <see cref="IGatePartSource"/>.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services) => services
        .AddScoped<StageService>()
        .AddScoped<Records.SignerNames>()
        .AddScoped<GateDefinitionService>()
        .AddScoped<CohortService>()
        .AddScoped<CoachingService>()
        .AddSingleton<ApprenticeshipAlertJob>()
        .AddHostedService(sp => sp.GetRequiredService<ApprenticeshipAlertJob>())
        .AddScoped<Training.SessionAccess>()
        .AddScoped<Training.AttendanceBook>()
        .AddScoped<IGatePartSource, ExamAttemptSource>()
        .AddScoped<IGatePartSource, DailyEvaluationSource>()
        .AddScoped<IGatePartSource, TrainingHoursSource>()
        .AddScoped<IGatePartSource, QualityGateSource>()
        .AddScoped<ITimelineSource, StageTimelineSource>()
        .AddScoped<WorkStandardService>()
        .AddScoped<Records.ChecklistService>()
        .AddAuthorization(o =>
        {
            o.AddPolicy(Policies.GatesManage, p => p.RequireRole(Roles.Trainer, Roles.SystemAdmin));
            o.AddPolicy(Policies.StandardsManage, p => p.RequireRole(Roles.Trainer, Roles.SystemAdmin));
            o.AddPolicy(Policies.ChecklistsManage, p => p.RequireRole(Roles.Trainer, Roles.Supervisor, Roles.SystemAdmin));
        });
}
