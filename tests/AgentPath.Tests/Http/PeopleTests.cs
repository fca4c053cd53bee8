using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

public sealed class PeopleTests_Sqlite(SqliteAppFactory f) : PeopleTests<SqliteAppFactory>(f);

public sealed class PeopleTests_Postgres(PostgresAppFactory f) : PeopleTests<PostgresAppFactory>(f);

/// <summary>The directory, profiles, the people API and the audit trail, through HTTP, on each database.</summary>
public abstract class PeopleTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public static TheoryData<string> Logins => new(DemoPeople.Logins);

    public sealed record Page(List<Item> Items, int Total);

    public sealed record Item(int Id, string EmployeeNumber, string Name, string Stage, int? TeamId);

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task Each_role_sees_exactly_its_scope_in_the_directory(string login)
    {
        var expected = await DemoPeople.ExpectedScopeAsync(factory, login);
        using var client = await factory.BearerAsync(login);
        var page = await client.GetFromJsonAsync<Page>("/api/v1/people?pageSize=200");
        Assert.Equal(expected.Count, page!.Total);
        Assert.Equal(expected.Order(), page.Items.Select(i => i.Id).Order());

        // The page shows the same count.
        using var browser = await factory.SignedInAsync(login);
        var html = await browser.GetStringAsync("/people");
        Assert.Contains($"<span class=\"count\">{expected.Count}</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task A_profile_outside_the_scope_is_not_found_for_every_role(string login)
    {
        var expected = await DemoPeople.ExpectedScopeAsync(factory, login);
        var outside = (await DemoPeople.AllIdsAsync(factory)).Where(id => !expected.Contains(id)).ToList();
        outside.Add(987654); // and one that does not exist at all
        using var browser = await factory.SignedInAsync(login);
        using var api = await factory.BearerAsync(login);
        foreach (var id in outside)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/people/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{id}")).StatusCode);
        }

        var inside = expected.First();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/people/{inside}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{inside}")).StatusCode);
    }

    [Fact]
    public async Task The_directory_filters_by_stage_team_role_and_search()
    {
        using var api = await factory.BearerAsync("hr");
        var apprentices = await api.GetFromJsonAsync<Page>("/api/v1/people?stage=Apprenticeship&pageSize=200");
        Assert.NotEmpty(apprentices!.Items);
        Assert.All(apprentices.Items, i => Assert.Equal("Apprenticeship", i.Stage));

        var teamId = apprentices.Items[0].TeamId!.Value;
        var team = await api.GetFromJsonAsync<Page>($"/api/v1/people?teamId={teamId}&pageSize=200");
        Assert.All(team!.Items, i => Assert.Equal(teamId, i.TeamId));

        var leads = await api.GetFromJsonAsync<Page>("/api/v1/people?role=TeamLead");
        Assert.Equal("黄志强", Assert.Single(leads!.Items).Name);

        var byName = await api.GetFromJsonAsync<Page>("/api/v1/people?q=" + Uri.EscapeDataString("𠮷"));
        Assert.Equal("𠮷祥", Assert.Single(byName!.Items).Name);

        using var browser = await factory.SignedInAsync("hr");
        var second = await browser.GetStringAsync("/people?p=2");
        Assert.Contains("第 2 页", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/people?p=3\"", second, StringComparison.Ordinal);

        var paged = await api.GetFromJsonAsync<Page>("/api/v1/people?page=2&pageSize=10");
        Assert.Equal(10, paged!.Items.Count);
        Assert.True(paged.Total > 100);
    }

    [Fact]
    public async Task Creating_and_updating_a_person_writes_audit_rows_with_old_and_new_values()
    {
        using var api = await factory.BearerAsync("hr");
        var teamId = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询二组").Select(t => t.Id).SingleAsync());
        var created = await api.PostAsJsonAsync("/api/v1/people", new
        {
            employeeNumber = "T" + Guid.NewGuid().ToString("N")[..8],
            name = "测试员",
            hireDate = "2026-11-20",
            teamId,
            stage = "Induction",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetInt32();

        var updated = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "测试员二", hireDate = "2026-11-20", teamId, phone = "13900000000" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Employee" && a.Key == key).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("hr", r.UserName));
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(rows[1].Changes)!;
        Assert.Equal("测试员", changes["Name"][0].GetString());
        Assert.Equal("测试员二", changes["Name"][1].GetString());
        Assert.Equal("13900000000", changes["Phone"][1].GetString());
    }

    [Fact]
    public async Task Bad_person_input_gets_clear_messages_and_changes_nothing()
    {
        using var api = await factory.BearerAsync("hr");
        var before = await factory.QueryAsync(db => db.Employees.CountAsync());
        var existing = await factory.QueryAsync(db => db.Employees.Select(e => e.EmployeeNumber).FirstAsync());
        var response = await api.PostAsJsonAsync("/api/v1/people", new { employeeNumber = existing, name = "", hireDate = "1900-01-01", teamId = 99999 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("already in use", errors.GetProperty("employeeNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("hireDate", out _));
        Assert.True(errors.TryGetProperty("teamId", out _));
        Assert.Equal(before, await factory.QueryAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task Messages_follow_the_language_of_the_request()
    {
        using var api = await factory.BearerAsync("hr");
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await api.PostAsJsonAsync("/api/v1/people", new { employeeNumber = "Z1", name = "", hireDate = "2026-11-20" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请填写姓名。", body.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task A_team_lead_cannot_create_people()
    {
        using var api = await factory.BearerAsync("lead");
        var response = await api.PostAsJsonAsync("/api/v1/people", new { employeeNumber = "X1", name = "某人", hireDate = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
