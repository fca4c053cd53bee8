using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Authorization;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Integrity;

public sealed class PageEdgeTests_Sqlite(SqliteAppFactory f) : PageEdgeTests<SqliteAppFactory>(f);

public sealed class PageEdgeTests_Postgres(PostgresAppFactory f) : PageEdgeTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 10, failure 10: 22 page routes answered 500 to a POST with no or an unknown handler and to
/// TRACE (the page rendered with its model never loaded). Every page route the app maps — read from its
/// endpoints, not a hand list — with a real id of the demo and a missing one, as a user holding every
/// role: POST with no handler, POST ?handler=Nope (with a valid antiforgery token) and TRACE never
/// answer 5xx; TRACE is 405; a POST no handler takes is 405.
/// </summary>
public abstract partial class PageEdgeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const int Missing = 987654;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Param();

    /// <summary>A user with every role, linked to a person without an account: the broadest rights there are.</summary>
    private async Task<HttpClient> EveryRoleAsync()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync("edge") is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var person = await db.Employees.Where(e => e.Stage == Stage.Regular && !db.Users.Any(u => u.EmployeeId == e.Id)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
                var user = new AppUser { UserName = "edge", DisplayName = "边界测试", EmployeeId = person };
                Assert.True((await users.CreateAsync(user, TestClients.Password)).Succeeded);
                Assert.True((await users.AddToRolesAsync(user, Roles.All)).Succeeded);
            }
        }

        return await factory.SignedInAsync("edge");
    }

    /// <summary>A real id of the kind the authorization matrix names for the route.</summary>
    private Task<long> RealIdAsync(string kind) => factory.QueryAsync<long>(async db => kind switch
    {
        "person" => await db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
        "user" => await db.Users.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
        "attempt" => await db.Attempts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
        "exam" or "any-exam" => await db.Exams.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
        "question" => await db.Questions.Where(q => q.Type != AgentPath.Web.Features.Assessments.QuestionType.Short).OrderBy(q => q.Id).Select(q => q.Id).FirstAsync(),
        "paper" => await db.Papers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
        "recording" => await db.Recordings.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        "evaluation" => await db.Evaluations.Where(e => e.CalibrationSessionId == null && e.Status != AgentPath.Web.Features.Quality.EvaluationStatus.Draft).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
        "scorecard" => await db.Scorecards.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        "calibration" => await db.CalibrationSessions.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        "cohort" => await db.Cohorts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        "certificate" => await db.Certificates.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        "gate-result" => await db.GateResults.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        "session" => await db.TrainingSessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
        "program" => await db.ProgramTemplates.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
        "gate" => await db.GateDefinitions.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
        "points-rule" => await db.PointsRules.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        "work-standard" => await db.WorkStandardTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
        "checklist-item" => await db.PostChecklistItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
        "plan" or "plan-revision" => await db.TrainingPlans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
        "survey" or "survey-answer" => await db.NeedsSurveys.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
        "review" => await db.MonthlyReviews.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        "new-business" => await db.NewBusinessTrainings.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(),
        "homework" => await db.Homework.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(),
        "department" => await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
        "team" => await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
        "site" => await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
        _ => throw new InvalidOperationException($"No real id for the record kind '{kind}'."),
    });

    /// <summary>Every page route of the app's endpoints, the sign-out last (a POST to it ends the session).</summary>
    private List<string> PageRoutes() => factory.Service<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is PageActionDescriptor)
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
        .Distinct(StringComparer.Ordinal).OrderBy(p => p == "/account/logout" ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task No_page_answers_5xx_to_a_post_without_or_with_an_unknown_handler_or_to_trace()
    {
        var routes = PageRoutes();
        Assert.True(routes.Count > 80, $"only {routes.Count} page routes found");
        var records = AuthorizationMatrix.Load().Rows.ToDictionary(r => r.Endpoint, r => r.Record, StringComparer.Ordinal);
        var client = await EveryRoleAsync();
        var token = await client.FormTokenAsync("/");
        var failures = new List<string>();
        var counted = 0;
        foreach (var route in routes)
        {
            var paths = new List<string>();
            var matches = Param().Matches(route);
            if (matches.Count == 0)
            {
                paths.Add(route);
            }
            else
            {
                var kind = records.GetValueOrDefault("PAGE " + route, "-");
                var real = kind == "-" ? Missing : await RealIdAsync(kind);
                foreach (var id in new[] { real, Missing }.Distinct())
                {
                    paths.Add(Param().Replace(route, m => m.Groups[2].Value.Contains("int", StringComparison.Ordinal) || m.Groups[2].Value.Contains("long", StringComparison.Ordinal)
                        ? id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : "no-such-" + m.Groups[1].Value));
                }
            }

            foreach (var path in paths)
            {
                foreach (var (method, url) in new[] { ("POST", path), ("POST", path + "?handler=Nope"), ("TRACE", path) })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method == "POST")
                    {
                        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                    }

                    using var response = await client.SendAsync(request);
                    counted++;
                    var status = (int)response.StatusCode;
                    if (status >= 500 || (method == "TRACE" && status != 405))
                    {
                        failures.Add($"{method} {url} → {status}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {counted} requests:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_post_no_handler_takes_is_405_the_same_for_a_real_a_hidden_and_a_missing_id()
    {
        using var client = await EveryRoleAsync();
        var token = await client.FormTokenAsync("/");
        var real = await RealIdAsync("person");
        foreach (var url in new[] { $"/people/{real}", $"/people/{Missing}", $"/people/{real}?handler=Nope" })
        {
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("此页面不接受这种请求", await response.Content.ReadAsStringAsync());
        }

        // As an agent, a team lead's out-of-scope person gives the same answer as an existing one: nothing leaks.
        using var agent = await factory.SignedInAsync("agent");
        var agentToken = await agent.FormTokenAsync("/");
        var other = await factory.QueryAsync(db => db.Employees.Where(e => e.Team!.Department.Name == "回访销售部").Select(e => e.Id).FirstAsync());
        using var outside = await agent.PostAsync($"/people/{other}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = agentToken }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, outside.StatusCode);

        // Without a token the antiforgery check answers first (400), as for every page post.
        using var noToken = await client.PostAsync($"/people/{real}", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        // TRACE is off everywhere, the API and static files included.
        foreach (var url in new[] { "/", "/api/v1/people", "/health", "/css/site.css" })
        {
            using var trace = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, url));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        }
    }
}
