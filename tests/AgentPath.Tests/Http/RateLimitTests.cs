using System.Net;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Http;

public sealed class StrictLoginLimitFactory : SqliteAppFactory
{
    public StrictLoginLimitFactory() => Set("Security:LoginAttemptsPerMinute", "3");
}

/// <summary>Sign-in attempts beyond the limit per client address and minute are answered 429.</summary>
public sealed class RateLimitTests(StrictLoginLimitFactory factory) : IClassFixture<StrictLoginLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429()
    {
        using var client = factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostLoginAsync("gm", "wrong-password-" + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
