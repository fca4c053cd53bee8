using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Integrity;

/// <summary>The login edge as it stands behind a proxy: one trusted proxy, a strict per-address limit, named hosts.</summary>
public static class LoginEdge
{
    /// <summary>The TCP peer the test pretends to be (TestServer has none); default loopback.</summary>
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.1";

    public static void Configure(AppFactory factory) => factory
        .Set("Network:KnownProxies", Proxy)
        .Set("Security:LoginAttemptsPerMinute", "20")
        .Set("AllowedHosts", "localhost;agentpath.example.test");

    public static void Services(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<IStartupFilter, PeerFilter>();
        services.AddSingleton<CountingHasher>();
        services.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingHasher>());
    });

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, go) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "127.0.0.1");
                return go(context);
            });
            next(app);
        };
    }
}

/// <summary>The real hasher, counting the password checks it does.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class LoginEdgeSqliteFactory : SqliteAppFactory
{
    public LoginEdgeSqliteFactory() => LoginEdge.Configure(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LoginEdge.Services(builder);
    }
}

public sealed class LoginEdgePostgresFactory : PostgresAppFactory
{
    public LoginEdgePostgresFactory() => LoginEdge.Configure(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LoginEdge.Services(builder);
    }
}

public sealed class LoginTests_Sqlite(LoginEdgeSqliteFactory f) : LoginTests<LoginEdgeSqliteFactory>(f);

public sealed class LoginTests_Postgres(LoginEdgePostgresFactory f) : LoginTests<LoginEdgePostgresFactory>(f);

/// <summary>Issue 10, failure 15: no enumeration, no lock-out by strangers, forwarded headers only from the proxy, relative redirects.</summary>
public abstract class LoginTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private HttpClient Client(string peer)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add(LoginEdge.PeerHeader, peer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static async Task<HttpResponseMessage> Token(HttpClient client, string user, string password, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username = user, password }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> Answer(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)response.StatusCode} {body.GetProperty("title").GetString()} {(body.TryGetProperty("detail", out var d) ? d.ToString() : "")}";
    }

    private async Task<string> NewAccountAsync(bool locked = false)
    {
        using var admin = await factory.BearerAsync("admin");
        var name = "login" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = name, password = TestClients.Password, roles = new[] { "Trainer" }, locked });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return name;
    }

    [Fact]
    public async Task Unknown_locked_and_existing_accounts_get_the_same_answer_after_the_same_work()
    {
        var existing = await NewAccountAsync();
        var locked = await NewAccountAsync(locked: true);
        using var client = Client("192.0.2.10");
        var hasher = factory.Service<CountingHasher>();

        var before = hasher.Verifications;
        var unknown = await Answer(await Token(client, "nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-password-123"));
        Assert.Equal(before + 1, hasher.Verifications); // a password hash was checked even though there is no account

        var wrong = await Answer(await Token(client, existing, "wrong-password-123"));
        before = hasher.Verifications;
        var lockedRight = await Answer(await Token(client, locked, TestClients.Password)); // no 423
        Assert.Equal(before + 1, hasher.Verifications);

        Assert.StartsWith("401 ", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedRight);

        // The form: the same status and the same message.
        var formUnknown = await client.PostLoginAsync("nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-password-123");
        var formLocked = await client.PostLoginAsync(locked, TestClients.Password);
        Assert.Equal(HttpStatusCode.OK, formUnknown.StatusCode);
        Assert.Equal(formUnknown.StatusCode, formLocked.StatusCode);
        Assert.Contains("Wrong user name or password.", await formUnknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Wrong user name or password.", await formLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_do_not_lock_the_owner_out_from_another()
    {
        var name = await NewAccountAsync();
        using var proxy = Client(LoginEdge.Proxy); // both come through the trusted proxy
        const string attacker = "203.0.113.7";
        const string owner = "198.51.100.9";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Token(proxy, name, "not-the-password-" + i, attacker)).StatusCode);
        }

        // The attacker's address backs off (a generic 429, the same for any name) …
        var throttled = await Token(proxy, name, TestClients.Password, attacker);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many sign-in attempts", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            await Token(proxy, "nobody-here", "not-the-password-" + i, attacker);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Token(proxy, "nobody-here", "x", attacker)).StatusCode);

        // … the owner from elsewhere signs in, by token and by form.
        Assert.Equal(HttpStatusCode.OK, (await Token(proxy, name, TestClients.Password, owner)).StatusCode);
        using var form = Client(LoginEdge.Proxy);
        form.DefaultRequestHeaders.Add("X-Forwarded-For", owner);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostLoginAsync(name, TestClients.Password)).StatusCode);

        // The back-off ends by itself.
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await Token(proxy, name, TestClients.Password, attacker)).StatusCode);
    }

    [Fact]
    public async Task Varying_forwarded_for_from_an_untrusted_caller_is_still_throttled()
    {
        using var client = Client("127.0.0.7"); // loopback, but not a configured proxy
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await Token(client, "nobody" + i, "wrong-password-123", $"198.18.0.{i + 1}")).StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task The_login_redirect_is_relative_even_for_another_host()
    {
        using var client = Client("192.0.2.20");
        var page = await client.GetAsync("http://agentpath.example.test/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.False(page.Headers.Location!.IsAbsoluteUri, page.Headers.Location.ToString());
        Assert.StartsWith("/account/login", page.Headers.Location.OriginalString, StringComparison.Ordinal);

        var name = await NewAccountAsync();
        // The form and its antiforgery cookie come from the same host the sign-in is posted to.
        var token = await client.FormTokenAsync("http://agentpath.example.test/account/login");
        var signIn = await client.PostAsync("http://agentpath.example.test/account/login?ReturnUrl=%2Fpeople", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.Password"] = TestClients.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False(signIn.Headers.Location!.IsAbsoluteUri);
    }

    [Fact]
    public async Task AllowedHosts_when_set_refuses_any_other_host()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "agentpath.example.cn;localhost"));
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("http://agentpath.example.cn/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("http://evil.example.test/account/login")).StatusCode);
    }
}
