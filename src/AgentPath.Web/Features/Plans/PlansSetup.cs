namespace AgentPath.Web.Features.Plans;

public static class PlansSetup
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanAccess>()
        .AddScoped<PlanService>()
        .AddScoped<PlanGenerator>()
        .AddScoped<PlanNeeds>()
        .AddScoped<PlanDelivery>()
        .AddScoped<NeedSuggestions>()
        .AddScoped<SurveyService>()
        .AddScoped<ReviewService>()
        .AddScoped<AssignmentService>()
        .AddScoped<TrainingEvaluation>();
}
