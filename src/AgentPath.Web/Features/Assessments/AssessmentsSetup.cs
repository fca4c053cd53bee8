namespace AgentPath.Web.Features.Assessments;

public static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<ExamEngine>();
        services.AddScoped<ExamChanges>();
        services.AddScoped<QuestionImporter>();
        services.AddSingleton<AnswerWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AnswerWriter>());
        services.AddSingleton<ExamStatsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ExamStatsJob>());
        services.AddSingleton<DeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineJob>());
        return services;
    }
}
