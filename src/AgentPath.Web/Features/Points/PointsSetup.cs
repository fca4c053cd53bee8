namespace AgentPath.Web.Features.Points;

public static class PointsSetup
{
    /// <summary>The points ledger's services: the versioned points rules shared by the pages and the API.</summary>
    public static IServiceCollection AddPoints(this IServiceCollection services) => services.AddScoped<PointsRuleService>();
}
