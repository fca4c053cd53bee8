using System.Net;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Http;

/// <summary>Data-protection keys live in the database: a cookie issued before a restart still works after it.</summary>
public sealed class RestartTests
{
    [Fact]
    public Task Sqlite_a_cookie_issued_before_a_restart_still_works_after_it()
    {
        var file = Path.Combine(Path.GetTempPath(), "agentpath-tests", $"{Guid.NewGuid():N}.db");
        return CookieSurvivesAsync(() => new SqliteAppFactory(file), () => new SqliteAppFactory(file));
    }

    [Fact]
    public Task Postgres_a_cookie_issued_before_a_restart_still_works_after_it()
    {
        var first = new PostgresAppFactory { KeepDatabase = true };
        return CookieSurvivesAsync(() => first, () => new PostgresAppFactory(first.DatabaseName, create: false));
    }

    private static async Task CookieSurvivesAsync(Func<AppFactory> before, Func<AppFactory> after)
    {
        string cookie;
        await using (var app = before())
        {
            using var client = app.NewClient();
            var token = await client.FormTokenAsync("/account/login");
            var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "lead",
                ["Input.Password"] = TestClients.Password,
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("agentpath=", StringComparison.Ordinal)));
            Assert.NotEmpty(cookie);
        }

        await using var restarted = after();
        using var fresh = restarted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/people");
        request.Headers.Add("Cookie", cookie);
        var response = await fresh.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("黄志强", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
