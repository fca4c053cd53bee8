namespace AgentPath.Web.Features.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<EmployeeEditor>()
        .AddScoped<OrgTree>()
        .AddScoped<UserAdmin>()
        .AddScoped<Import.RosterImporter>()
        .AddScoped<AgentPath.Web.Data.AuditText>()
        .AddScoped<ITimelineSource, RecordTimelineSource>();
}
