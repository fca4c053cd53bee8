using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Http;

/// <summary>The app with two extra routes behind its whole pipeline that fail on purpose: an entity's refusal and a crash.</summary>
public sealed class FailingRoutesFactory : SqliteAppFactory
{
    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/v1/test-failures/refusal", b => b.Run(_ => throw new DomainException("Name is required.")));
            app.Map("/api/v1/test-failures/crash", b => b.Run(_ => throw new InvalidOperationException("secret detail")));
            app.Map("/test-failures/crash", b => b.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FailingRoutes>());
    }
}

/// <summary>Failures reach the user as a message in their language: ProblemDetails on the API, the error page on pages; never a stack trace.</summary>
public sealed class ErrorHandlingTests(FailingRoutesFactory factory) : IClassFixture<FailingRoutesFactory>
{
    [Fact]
    public async Task An_entitys_refusal_on_the_api_is_a_400_with_its_message_in_the_callers_language()
    {
        using var api = await factory.BearerAsync("agent");
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await api.GetAsync("/api/v1/test-failures/refusal");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请填写名称。", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_crash_on_the_api_is_a_500_problem_with_a_correlation_id_and_no_detail_and_a_page_crash_is_the_error_page()
    {
        using var api = await factory.BearerAsync("agent");
        var response = await api.GetAsync("/api/v1/test-failures/crash");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("correlationId").GetString()));

        using var browser = await factory.SignedInAsync("agent");
        var page = await browser.GetAsync("/test-failures/crash");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret detail", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
