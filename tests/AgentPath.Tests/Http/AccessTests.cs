using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Http;

public sealed class AccessTests_Sqlite(SqliteAppFactory f) : AccessTests<SqliteAppFactory>(f);

public sealed class AccessTests_Postgres(PostgresAppFactory f) : AccessTests<PostgresAppFactory>(f);

/// <summary>Signing in, lock-out, tokens, antiforgery and the headers every response carries.</summary>
public abstract class AccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [Fact]
    public async Task Every_demo_login_signs_in_and_reaches_the_home_page()
    {
        foreach (var login in DemoPeople.Logins)
        {
            using var client = await factory.SignedInAsync(login);
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_login_page_and_the_api_answers_401()
    {
        using var client = factory.NewClient();
        var page = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login?", page.Headers.Location!.OriginalString, StringComparison.Ordinal); // relative, never from Host
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_same_address_backs_off_even_when_right()
    {
        // An account of its own, so the other tests' logins stay unlocked.
        using var admin = await factory.BearerAsync("admin");
        var name = "lockme" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = name, password = TestClients.Password, roles = new[] { "Trainer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var client = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostLoginAsync(name, "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with a message
        }

        var sixth = await client.PostLoginAsync(name, TestClients.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode); // a back-off for this name from this address, not a lock
        Assert.Contains("登录尝试次数过多", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = TestClients.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
    }

    [Fact]
    public async Task The_token_flow_gives_a_bearer_token_that_the_api_accepts()
    {
        using var client = factory.NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "trainer", password = TestClients.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.GetProperty("expiresIn").GetInt32() > 0);

        using var api = factory.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/people")).StatusCode);

        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/people")).StatusCode);

        var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "trainer", password = "wrong-password-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused()
    {
        using var client = await factory.SignedInAsync("hr");
        var before = await factory.QueryAsync(db => System.Threading.Tasks.Task.FromResult(db.Employees.Count()));
        var post = await client.PostAsync("/people/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.EmployeeNumber"] = "CSRF1",
            ["Input.Name"] = "伪造",
            ["Input.HireDate"] = "2026-11-20",
            ["Input.DepartmentId"] = "1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => System.Threading.Tasks.Task.FromResult(db.Employees.Count())));
    }

    [Fact]
    public async Task An_api_write_with_the_session_cookie_needs_the_antiforgery_header()
    {
        using var client = await factory.SignedInAsync("hr");
        var body = new { name = "新职场" + Guid.NewGuid().ToString("N")[..6] };
        var refused = await client.PostAsJsonAsync("/api/v1/org/sites", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var token = await client.FormTokenAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/org/sites") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_are_not_cached()
    {
        using var client = await factory.SignedInAsync("agent");
        var response = await client.GetAsync("/people/me");
        var page = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(p => p.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
        var cookie = (await factory.NewClient().GetAsync("/account/login")).Headers.GetValues("Set-Cookie").First();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_answers_without_sign_in()
    {
        var response = await factory.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var doc = await factory.NewClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/people", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
    }

    [Fact]
    public async Task A_missing_page_shows_the_friendly_error_with_a_correlation_id()
    {
        using var client = await factory.SignedInAsync("agent");
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("关联编号", html, StringComparison.Ordinal); // zh-CN when the browser names no language
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_overrides_the_browser_language()
    {
        using var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("Sign in", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
        var token = await client.FormTokenAsync("/account/login");
        var switched = await client.PostAsync("/account/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-CN",
            ["returnUrl"] = "/account/login",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("登录", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);

        using var none = factory.NewClient();
        Assert.Contains("lang=\"zh-CN\"", await none.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }
}
