using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AgentPath.Web.Data;

namespace AgentPath.Tests.Infrastructure;

/// <summary>Signs in the way a user does (the login form with its antiforgery token) or the way an integration does (a bearer token).</summary>
public static partial class TestClients
{
    public const string Password = DemoSeed.Password;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    public static async Task<string> FormTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var m = FormToken().Match(html);
        if (!m.Success)
        {
            m = MetaToken().Match(html);
        }

        Assert.True(m.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string user, string password)
    {
        var token = await client.FormTokenAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A cookie-authenticated client signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this AppFactory factory, string user)
    {
        var client = factory.NewClient();
        var response = await client.PostLoginAsync(user, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<string> TokenAsync(this AppFactory factory, string user)
    {
        using var client = factory.NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>A client that sends a bearer token and no cookies.</summary>
    public static async Task<HttpClient> BearerAsync(this AppFactory factory, string user)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync(user));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public sealed record TokenBody(string AccessToken, int ExpiresIn);
}
