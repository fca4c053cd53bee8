using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AgentPath.Tests.Pipeline;

public sealed class GateDayTests_Sqlite(SqliteAppFactory f) : GateDayTests<SqliteAppFactory>(f);

public sealed class GateDayTests_Postgres(PostgresAppFactory f) : GateDayTests<PostgresAppFactory>(f);

/// <summary>Issue 11, "the day-7 gate works as a trainer works": decimals, the paper exam, a refusal that keeps what was typed, readable references, versioned gate rules.</summary>
public abstract partial class GateDayTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private Task<(int Cohort, List<int> Trainees)> CohortAsync() => factory.QueryAsync(async db =>
    {
        var newest = await db.Cohorts.Where(c => c.Name.EndsWith("第8期")).Select(c => c.Id).SingleAsync();
        return (newest, await db.CohortMembers.Where(m => m.CohortId == newest).OrderBy(m => m.EmployeeId).Select(m => m.EmployeeId).ToListAsync());
    });

    private Task<int> TeamAsync() => factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());

    private sealed record Part(string Kind, decimal? Score, string Source, string? Reference, bool Entered);

    private sealed record Preview(List<Part> Parts);

    private sealed record Result(long Id, List<Part> Parts, int GateDefinitionId);

    private sealed record GateDto(int Id, string Stage, int Version, bool Current, decimal PassMark, int RetakesAllowed, List<GatePartDto> Parts);

    private sealed record GatePartDto(string Kind, decimal Weight, decimal? Minimum, decimal? Target);

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage r)
    {
        if (r.StatusCode != expected)
        {
            Assert.Fail($"Expected {expected}, got {r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Scores_with_decimals_are_recorded_as_given_and_the_form_does_not_step_in_halves()
    {
        var (cohort, trainees) = await CohortAsync();
        using var trainer = await factory.BearerAsync("trainer");
        trainer.DefaultRequestHeaders.AcceptLanguage.Clear();
        trainer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var id = trainees[0];
        var preview = (await trainer.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate"))!;
        var entered = preview.Parts.Where(p => p.Entered).Select(p => new { kind = p.Kind, score = 85.45m, reference = "试卷 No.0001" }).ToList();
        Assert.NotEmpty(entered);
        var r = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered, teamId = await TeamAsync() });
        await ExpectAsync(HttpStatusCode.Created, r);
        var result = (await r.Content.ReadFromJsonAsync<Result>())!;
        Assert.All(result.Parts.Where(p => p.Entered), p => Assert.Equal(85.45m, p.Score));

        var tooFine = await trainer.PostAsJsonAsync($"/api/v1/people/{trainees[1]}/gate-results",
            new { entered = new[] { new { kind = "WrittenTest", score = 85.455m, reference = "试卷 No.0002" } }, teamId = await TeamAsync() });
        Assert.Equal(HttpStatusCode.BadRequest, tooFine.StatusCode);
        Assert.Contains("最多两位小数", await tooFine.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = await factory.SignedInAsync("trainer");
        var html = await page.GetStringAsync($"/cohorts/{cohort}/gate");
        Assert.DoesNotContain("step=\"0.5\"", html, StringComparison.Ordinal);
        Assert.Contains("step=\"any\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_written_test_sat_on_paper_is_entered_with_its_sheet_number_where_no_online_attempt_exists()
    {
        var (cohort, trainees) = await CohortAsync();
        using var trainer = await factory.BearerAsync("trainer");
        var id = trainees[2];
        var written = (await trainer.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate"))!.Parts.Single(p => p.Kind == "WrittenTest");
        Assert.True(written.Entered);
        Assert.Null(written.Score);

        using var page = await factory.SignedInAsync("trainer");
        var html = await page.GetStringAsync($"/cohorts/{cohort}/gate");
        Assert.Contains($"name=\"score.WrittenTest\"", html, StringComparison.Ordinal);
        Assert.Contains("试卷编号或签字表", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_keeps_the_team_and_every_score_and_marks_the_missing_part_at_its_field()
    {
        var (cohort, trainees) = await CohortAsync();
        var id = trainees[3];
        var team = await TeamAsync();
        using var page = await factory.SignedInAsync("trainer");
        var token = await page.FormTokenAsync($"/cohorts/{cohort}/gate");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["employeeId"] = id.ToString(CultureInfo.InvariantCulture), ["teamId"] = team.ToString(CultureInfo.InvariantCulture),
            ["score.RecordingQa"] = "85.4", ["ref.RecordingQa"] = "评分表 12", ["score.MockCall"] = "78.5", ["ref.MockCall"] = "评分表 13",
            ["score.WrittenTest"] = "", ["ref.WrittenTest"] = "试卷 No.0007", ["note"] = "第七天考核",
        };
        var r = await page.PostAsync($"/cohorts/{cohort}/gate", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        var field = Regex.Match(html, $"<input id=\"g{id}-WrittenTest\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", field, StringComparison.Ordinal);
        Assert.Contains($"id=\"g{id}-WrittenTest-e\">请填写此项分数。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"85.4\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"78.5\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"试卷 No.0007\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"第七天考核\"", html, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{team}\" selected=\"selected\"", html);
        Assert.Equal(0, await factory.QueryAsync(db => db.GateResults.CountAsync(g => g.EmployeeId == id)));
    }

    [Fact]
    public async Task References_read_as_chinese_with_links_and_the_stale_hint_is_gone()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            try
            {
                var L = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Text>>();
                var html = GateReferenceText.Render("Quality", "1 × QA evaluation (#10)", L).ToString();
                Assert.Equal("质检评分：1 次质检评分（<a href=\"/quality/evaluations/10\">#10</a>）", html);
                Assert.Equal("每日跟踪评估：3 次每日跟踪评估", GateReferenceText.Render("Evaluations", "3 × daily evaluation", L).ToString());
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        var (cohort, _) = await CohortAsync();
        using var page = await factory.SignedInAsync("trainer");
        var gate = await page.GetStringAsync($"/cohorts/{cohort}/gate");
        Assert.DoesNotContain("质检评分接入之前", gate, StringComparison.Ordinal);
        Assert.DoesNotContain("QA evaluation (", gate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_pass_mark_is_a_new_version_and_old_results_keep_the_rules_they_were_decided_under()
    {
        using var trainer = await factory.BearerAsync("trainer");
        var gates = (await trainer.GetFromJsonAsync<List<GateDto>>("/api/v1/gates"))!;
        var probation = gates.Single(g => g.Stage == "Probation");
        var old = await factory.QueryAsync(db => db.GateResults.Where(r => r.GateDefinitionId == probation.Id).Select(r => r.Id).FirstAsync());
        var body = new
        {
            name = "试用期培训考核", passMark = 75m, retakesAllowed = 2,
            parts = probation.Parts.Select(p => new { kind = p.Kind, weight = p.Weight, minimum = p.Minimum, target = p.Target }).ToList(),
            note = "按新的考核办法调整合格线",
        };
        var r = await trainer.PostAsJsonAsync($"/api/v1/gates/{probation.Id}/versions", body);
        await ExpectAsync(HttpStatusCode.Created, r);
        var next = (await r.Content.ReadFromJsonAsync<GateDto>())!;
        Assert.Equal((probation.Version + 1, true, 75m, 2), (next.Version, next.Current, next.PassMark, next.RetakesAllowed));
        var before = (await trainer.GetFromJsonAsync<GateDto>($"/api/v1/gates/{probation.Id}"))!;
        Assert.Equal((false, 80m), (before.Current, before.PassMark));

        // A change based on the old version is refused: it is no longer current.
        var stale = await trainer.PostAsJsonAsync($"/api/v1/gates/{probation.Id}/versions", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var page = await factory.SignedInAsync("trainer");
        var record = await page.GetStringAsync($"/records/assessments/{old}");
        Assert.Contains($"href=\"/gates/{probation.Id}\">第 {probation.Version} 版", record, StringComparison.Ordinal);
        var list = await page.GetStringAsync("/gates");
        Assert.Contains($"第 {next.Version} 版", list, StringComparison.Ordinal);

        // Nobody but the training manager (and admins) changes the rules.
        using var supervisor = await factory.BearerAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/gates/{next.Id}/versions", body)).StatusCode);
    }

    [Fact]
    public async Task Parallel_changes_of_a_gate_make_one_new_version()
    {
        using var trainer = await factory.BearerAsync("trainer");
        var gate = (await trainer.GetFromJsonAsync<List<GateDto>>("/api/v1/gates"))!.Single(g => g.Stage == "Apprenticeship");
        var clients = new HttpClient[5];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = await factory.BearerAsync("trainer");
            clients[i].DefaultRequestHeaders.AcceptLanguage.Clear();
            clients[i].DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = clients.Select((c, i) => Task.Run(async () =>
        {
            await go.Task;
            return await c.PostAsJsonAsync($"/api/v1/gates/{gate.Id}/versions", new
            {
                name = "见习期培训考核", passMark = 70m + i, retakesAllowed = gate.RetakesAllowed,
                parts = gate.Parts.Select(p => new { kind = p.Kind, weight = p.Weight, minimum = p.Minimum, target = p.Target }).ToList(),
                note = "并发修改 " + i,
            });
        })).ToArray();
        go.SetResult();
        var responses = await Task.WhenAll(tasks);
        var report = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 1, report);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.Matches(Chinese(), await loser.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await factory.QueryAsync(db => db.GateDefinitions.CountAsync(g => g.Stage == Stage.Apprenticeship && g.SupersededAt == null)));
        Assert.Equal(gate.Version + 1, await factory.QueryAsync(db => db.GateDefinitions.Where(g => g.Stage == Stage.Apprenticeship).MaxAsync(g => g.Version)));
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}
