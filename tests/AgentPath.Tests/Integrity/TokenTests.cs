using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Integrity;

public sealed class TokenTests_Sqlite(SqliteAppFactory f) : TokenTests<SqliteAppFactory>(f);

public sealed class TokenTests_Postgres(PostgresAppFactory f) : TokenTests<PostgresAppFactory>(f);

/// <summary>Issue 10, failure 5 and the logout part of 15: tokens and sessions die with the account's rights.</summary>
public abstract class TokenTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string HrOnlyPage = "/people/import"; // Policies.RosterImport: HR and system admin

    private async Task<(int Id, string Name)> NewHrAccountAsync(HttpClient admin)
    {
        var name = "tok" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = name, password = TestClients.Password, roles = new[] { "Hr" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt32(), name);
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<bool> PassesHrPolicyAsync(HttpClient client) => (await client.GetAsync(HrOnlyPage)).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task An_old_token_is_refused_after_a_password_change()
    {
        using var admin = await factory.BearerAsync("admin");
        var (id, name) = await NewHrAccountAsync(admin);
        using var api = Bearer(await factory.TokenAsync(name));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/people")).StatusCode);
        Assert.True(await PassesHrPolicyAsync(api));

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { userName = name, displayName = name, password = "a-brand-new-password-42", roles = new[] { "Hr" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/people")).StatusCode);
        Assert.False(await PassesHrPolicyAsync(api));
    }

    [Fact]
    public async Task An_old_token_loses_removed_roles_and_dies_with_a_lock_within_30_seconds()
    {
        using var admin = await factory.BearerAsync("admin");
        var (id, name) = await NewHrAccountAsync(admin);
        using var api = Bearer(await factory.TokenAsync(name));
        Assert.True(await PassesHrPolicyAsync(api));

        // Roles removed (no new stamp): the token's roles are re-read at the next check.
        var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { userName = name, displayName = name, roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(await PassesHrPolicyAsync(api));

        // Locked: the token ends.
        var locked = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { userName = name, displayName = name, roles = Array.Empty<string>(), locked = true });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/people")).StatusCode);
        Assert.False(await PassesHrPolicyAsync(api));
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_is_not_signed_in_and_the_accounts_tokens_end()
    {
        using var admin = await factory.BearerAsync("admin");
        var (_, name) = await NewHrAccountAsync(admin);
        using var tokenApi = Bearer(await factory.TokenAsync(name));

        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new CookieJar();
        var login = await jar.SendAsync(browser, new HttpRequestMessage(HttpMethod.Get, "/account/login"));
        var formToken = FormToken(await login.Content.ReadAsStringAsync());
        var signedIn = await jar.SendAsync(browser, new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = name, ["Input.Password"] = TestClients.Password, ["__RequestVerificationToken"] = formToken,
            }),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = jar.Header(); // what an eavesdropper or a shared computer keeps
        Assert.Equal(HttpStatusCode.OK, (await Replay(browser, session, "/api/v1/people")).StatusCode);

        var home = await jar.SendAsync(browser, new HttpRequestMessage(HttpMethod.Get, "/"));
        var logoutToken = FormToken(await home.Content.ReadAsStringAsync());
        var logout = await jar.SendAsync(browser, new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = logoutToken }),
        });
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(browser, session, "/api/v1/people")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(31)); // and still refused after the periodic re-check
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(browser, session, "/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tokenApi.GetAsync("/api/v1/people")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Replay(HttpClient client, string cookies, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private static string FormToken(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!m.Success)
        {
            m = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        }

        Assert.True(m.Success, "no antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}

/// <summary>Cookies kept by hand, so a test can copy them and replay them later.</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string Header() => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", Header());
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var line in set)
            {
                var pair = line.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (key, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(key);
                }
                else
                {
                    _cookies[key] = value;
                }
            }
        }

        return response;
    }
}
