using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Http;

/// <summary>A quick session re-check, so a test can watch an open session pick up a role change.</summary>
public sealed class QuickRecheckSqliteFactory : SqliteAppFactory
{
    public QuickRecheckSqliteFactory() => Set("Security:SessionRecheck", "00:00:01");
}

public sealed class QuickRecheckPostgresFactory : PostgresAppFactory
{
    public QuickRecheckPostgresFactory() => Set("Security:SessionRecheck", "00:00:01");
}

public sealed class SessionTests_Sqlite(QuickRecheckSqliteFactory f) : SessionTests<QuickRecheckSqliteFactory>(f);

public sealed class SessionTests_Postgres(QuickRecheckPostgresFactory f) : SessionTests<QuickRecheckPostgresFactory>(f);

public abstract class SessionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [Fact]
    public async Task An_open_session_loses_a_removed_role_at_its_next_check()
    {
        using var session = await factory.SignedInAsync("qa");
        var token = await session.FormTokenAsync("/");
        var before = await session.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=200");
        Assert.True(before.GetProperty("total").GetInt32() > 100);

        using var admin = await factory.BearerAsync("admin");
        var qa = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users"))!.Single(u => u.GetProperty("userName").GetString() == "qa");
        var update = await admin.PutAsJsonAsync($"/api/v1/users/{qa.GetProperty("id").GetInt32()}", new
        {
            userName = "qa",
            displayName = qa.GetProperty("displayName").GetString(),
            employeeId = qa.GetProperty("employeeId").GetInt32(),
            roles = new[] { "Agent" },
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(2)); // the app's clock: the re-check interval (1 s here) has passed
        var after = await session.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=200");
        Assert.Equal(1, after.GetProperty("total").GetInt32());
        Assert.NotEmpty(token);
    }
}
