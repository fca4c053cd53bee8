using AgentPath.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Infrastructure;

public static class Db
{
    /// <summary>Runs a query against the factory's database in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this AppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
