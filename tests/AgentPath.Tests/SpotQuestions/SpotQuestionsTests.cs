using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.SpotQuestions;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.SpotQuestions;

public sealed class SpotQuestionsTests_Sqlite(SqliteAppFactory f) : SpotQuestionsTests<SqliteAppFactory>(f);

public sealed class SpotQuestionsTests_Postgres(PostgresAppFactory f) : SpotQuestionsTests<PostgresAppFactory>(f);

/// <summary>
/// Spot questions at shift meetings (SPEC R5.5, issue 11): a lead records one meeting's question with each person's
/// answer in one save, only for people in their scope, within bounds; the scores are assessments on each person's
/// record; a correction is a new record; racing saves of the same meeting or correction decide once.
/// </summary>
public abstract partial class SpotQuestionsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private async Task<List<int>> TeamOfLeadAsync() => await factory.QueryAsync(async db =>
    {
        var lead = await DemoPeople.EmployeeIdOfAsync(factory, "lead");
        var teams = await db.Teams.Where(t => t.LeadEmployeeId == lead).Select(t => t.Id).ToListAsync();
        return await db.Employees.Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && e.Id != lead && e.Stage != Stage.Left && e.Stage != Stage.Eliminated)
            .OrderBy(e => e.EmployeeNumber).Select(e => e.Id).ToListAsync();
    });

    private async Task<int> OutsideLeadAsync()
    {
        var scope = await DemoPeople.ExpectedScopeAsync(factory, "lead");
        return await factory.QueryAsync(db => db.Employees.Where(e => !scope.Contains(e.Id) && e.Stage == Stage.Regular).Select(e => e.Id).FirstAsync());
    }

    private async Task<HttpClient> LeadAsync()
    {
        var c = await factory.BearerAsync("lead");
        c.DefaultRequestHeaders.AcceptLanguage.Clear();
        c.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return c;
    }

    private static object Meeting(string question, params object[] scores) => new { meeting = "PreShift", question, scores };

    private static async Task AssertRefusedInChineseAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{(int)r.StatusCode} {body}");
        Assert.Matches(Chinese(), body);
    }

    [Fact]
    public async Task A_lead_records_a_meeting_for_several_people_and_each_score_is_on_the_persons_record()
    {
        var team = await TeamOfLeadAsync();
        Assert.True(team.Count >= 4);
        using var lead = await LeadAsync();
        var r = await lead.PostAsJsonAsync("/api/v1/spot-questions", Meeting("客户要求退订业务，第一步做什么？",
            new { employeeId = team[0], answer = "Correct" }, new { employeeId = team[1], answer = "Partial", note = "漏了身份核实" },
            new { employeeId = team[2], answer = "Wrong" }, new { employeeId = team[3], answer = (string?)null }));
        // The fourth one (no answer) was not asked and is not recorded.
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var created = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, created.GetProperty("checks").GetArrayLength());

        var list = await lead.GetFromJsonAsync<JsonElement>("/api/v1/spot-questions");
        var meeting = list.EnumerateArray().First(m => m.GetProperty("id").GetInt64() == created.GetProperty("id").GetInt64());
        Assert.Equal("PreShift", meeting.GetProperty("meeting").GetString());
        Assert.Contains(meeting.GetProperty("checks").EnumerateArray(), c => c.GetProperty("employeeId").GetInt32() == team[1] && c.GetProperty("score").GetInt32() == 50);

        var own = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{team[1]}/spot-checks");
        Assert.Contains(own.EnumerateArray(), c => c.GetProperty("answer").GetString() == "Partial" && c.GetProperty("current").GetBoolean());

        // On the person's page (the agent's own page is the same), in Chinese.
        using var page = await factory.SignedInAsync("lead");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await page.GetStringAsync($"/people/{team[1]}");
        Assert.Contains("班前会随机提问：部分答对", html);
        Assert.Contains("漏了身份核实", html);

        // Audited as records of their own kind.
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(SpotCheck))));
    }

    [Fact]
    public async Task A_lead_cannot_score_someone_outside_the_team_and_nothing_is_kept()
    {
        var team = await TeamOfLeadAsync();
        var outside = await OutsideLeadAsync();
        using var lead = await LeadAsync();
        var before = await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync());
        var r = await lead.PostAsJsonAsync("/api/v1/spot-questions", Meeting("范围外的提问",
            new { employeeId = team[0], answer = "Correct" }, new { employeeId = outside, answer = "Wrong" }));
        await AssertRefusedInChineseAsync(r, HttpStatusCode.NotFound);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/people/{outside}/spot-checks")).StatusCode);

        // The same through the page: refused with the message, nothing kept.
        using var page = await factory.SignedInAsync("lead");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var token = await page.FormTokenAsync("/spot-questions");
        var form = await page.PostAsync("/spot-questions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Meeting"] = "PreShift", ["Form.HeldAt"] = CenterNow(), ["Form.Question"] = "页面范围外",
            ["Form.Scores[0].EmployeeId"] = outside.ToString(), ["Form.Scores[0].Answer"] = "Wrong", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("不在你的班组或部门内", await form.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync()));

        // An agent may not record at all.
        using var agent = await factory.BearerAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/spot-questions", Meeting("x", new { employeeId = team[0], answer = "Correct" }))).StatusCode);
    }

    [Fact]
    public async Task Bounds_on_people_notes_questions_and_times_are_refused_in_the_callers_language()
    {
        var team = await TeamOfLeadAsync();
        var self = await DemoPeople.EmployeeIdOfAsync(factory, "lead");
        using var lead = await LeadAsync();
        var before = await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync());
        async Task Refused(object body, string text)
        {
            var r = await lead.PostAsJsonAsync("/api/v1/spot-questions", body);
            await AssertRefusedInChineseAsync(r, HttpStatusCode.BadRequest);
            Assert.Contains(text, await r.Content.ReadAsStringAsync());
        }

        await Refused(Meeting("备注过长", new { employeeId = team[0], answer = "Correct", note = new string('注', SpotCheck.NoteMax + 1) }), "备注最多 200 个字");
        await Refused(Meeting(new string('问', SpotMeeting.QuestionMax + 1), new { employeeId = team[0], answer = "Correct" }), "最多 500 个字");
        await Refused(Meeting("  ", new { employeeId = team[0], answer = "Correct" }), "请填写所提的问题");
        await Refused(Meeting("没人", new { employeeId = team[0], answer = (string?)null }), "请至少给一人记成绩");
        await Refused(Meeting("两次", new { employeeId = team[0], answer = "Correct" }, new { employeeId = team[0], answer = "Wrong" }), "只记一次");
        await Refused(Meeting("自己", new { employeeId = self, answer = "Correct" }), "不能给自己记成绩");
        await Refused(Meeting("人数过多", Enumerable.Range(0, SpotMeeting.MaxPeople + 1).Select(i => (object)new { employeeId = team[i % team.Count], answer = i == 0 ? "Correct" : null }).ToArray()),
            "最多记录 200 人");
        var now = factory.Clock.GetUtcNow();
        await Refused(new { meeting = "PostShift", heldAt = now.AddHours(2), question = "将来", scores = new[] { new { employeeId = team[0], answer = "Correct" } } }, "不能晚于现在");
        await Refused(new { meeting = "PostShift", heldAt = now.AddDays(-31), question = "太早", scores = new[] { new { employeeId = team[0], answer = "Correct" } } }, "30 天以内");
        await Refused(new { question = "没选会", scores = new[] { new { employeeId = team[0], answer = "Correct" } } }, "请选择班前会或班后会");
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync()));
    }

    [Fact]
    public async Task A_correction_is_a_new_record_naming_the_first_which_stays()
    {
        var team = await TeamOfLeadAsync();
        using var lead = await LeadAsync();
        var r = await lead.PostAsJsonAsync("/api/v1/spot-questions", Meeting("更正测试：投诉升级时限？", new { employeeId = team[0], answer = "Wrong" }));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var first = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks")[0].GetProperty("id").GetInt64();

        var noReason = await lead.PostAsJsonAsync("/api/v1/spot-questions/corrections", new { checkId = first, answer = "Correct" });
        await AssertRefusedInChineseAsync(noReason, HttpStatusCode.BadRequest);
        var c = await lead.PostAsJsonAsync("/api/v1/spot-questions/corrections", new { checkId = first, answer = "Correct", reason = "听错了，其实答对了" });
        Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        var again = await lead.PostAsJsonAsync("/api/v1/spot-questions/corrections", new { checkId = first, answer = "Partial", reason = "再改" });
        await AssertRefusedInChineseAsync(again, HttpStatusCode.BadRequest);

        var history = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{team[0]}/spot-checks");
        var mine = history.EnumerateArray().Where(x => x.GetProperty("question").GetString()!.StartsWith("更正测试", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal("Wrong", mine[0].GetProperty("answer").GetString());
        Assert.False(mine[0].GetProperty("current").GetBoolean());
        Assert.Equal(first, mine[1].GetProperty("supersedesId").GetInt64());
        Assert.True(mine[1].GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync("/api/v1/spot-questions/corrections", new { checkId = 987654321L, answer = "Correct", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_page_records_the_whole_meeting_in_one_save_and_confirms_it()
    {
        var team = await TeamOfLeadAsync();
        using var page = await factory.SignedInAsync("lead");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await page.GetStringAsync("/spot-questions");
        Assert.Contains("记录会议提问", html);
        var token = await page.FormTokenAsync("/spot-questions");
        var fields = new Dictionary<string, string>
        {
            ["Form.Meeting"] = "PostShift", ["Form.HeldAt"] = CenterNow(), ["Form.Question"] = "页面提问：积分兑换规则？", ["__RequestVerificationToken"] = token,
        };
        for (var i = 0; i < 3; i++)
        {
            fields[$"Form.Scores[{i}].EmployeeId"] = team[i].ToString();
            fields[$"Form.Scores[{i}].Answer"] = i == 2 ? "" : "Correct";
        }

        var r = await page.PostAsync("/spot-questions", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var done = await page.GetStringAsync(r.Headers.Location!.OriginalString);
        Assert.Contains("会议提问已记录。", done);
        Assert.Contains("页面提问：积分兑换规则？", done);
        Assert.Contains("2 人", done);
    }

    [Fact]
    public async Task The_page_corrects_a_score_with_a_reason_and_keeps_the_first()
    {
        var team = await TeamOfLeadAsync();
        using var lead = await LeadAsync();
        var r = await lead.PostAsJsonAsync("/api/v1/spot-questions", Meeting("页面更正：话术第一句？", new { employeeId = team[1], answer = "Wrong" }));
        var first = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks")[0].GetProperty("id").GetInt64();
        using var page = await factory.SignedInAsync("lead");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await page.GetStringAsync($"/spot-questions?correct={first}");
        Assert.Contains("更正原因", html);
        var token = await page.FormTokenAsync($"/spot-questions?correct={first}");
        var post = await page.PostAsync("/spot-questions?handler=Correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["check"] = first.ToString(), ["answer"] = "Partial", ["reason"] = "复核录音后改判", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("更正已记录。", await page.GetStringAsync(post.Headers.Location!.OriginalString));
        var rows = await factory.QueryAsync(db => db.Set<SpotCheck>().Where(c => c.Id == first || c.SupersedesId == first).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([SpotAnswer.Wrong, SpotAnswer.Partial], rows.Select(c => c.Answer));
        Assert.Equal("复核录音后改判", rows[1].Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/spot-questions?correct=987654321")).StatusCode);
    }

    [Fact]
    public async Task Racing_saves_of_one_meeting_record_it_once()
    {
        var team = await TeamOfLeadAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await LeadAsync());
        }

        var heldAt = factory.Clock.GetUtcNow().AddMinutes(-10);
        var body = new { meeting = "PreShift", heldAt, question = "竞速：同一场会议", scores = team.Take(3).Select(id => new { employeeId = id, answer = "Correct" }).ToArray() };
        var responses = await RaceAsync(clients.Count, i => clients[i].PostAsJsonAsync("/api/v1/spot-questions", body));
        await OneWinsAsync(responses);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<SpotMeeting>().CountAsync(m => m.Question == "竞速：同一场会议")));
        Assert.Equal(3, await factory.QueryAsync(db => db.Set<SpotCheck>().CountAsync(c => c.MeetingRecord.Question == "竞速：同一场会议")));

        // Racing corrections of one score: one new record.
        var first = await factory.QueryAsync(db => db.Set<SpotCheck>().Where(c => c.MeetingRecord.Question == "竞速：同一场会议").Select(c => c.Id).FirstAsync());
        var corrections = await RaceAsync(clients.Count, i => clients[i].PostAsJsonAsync("/api/v1/spot-questions/corrections",
            new { checkId = first, answer = "Partial", reason = $"更正 {i}" }));
        await OneWinsAsync(corrections);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<SpotCheck>().CountAsync(c => c.SupersedesId == first)));
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    private string CenterNow() => AgentPath.Web.CenterClock.ToCenter(factory.Clock.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends all at once: every request waits on one gate, then they go on the thread pool together.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(int n, Func<int, Task<HttpResponseMessage>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await send(i);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Exactly one success; each other answer a 4xx with a message in Chinese; no 5xx.</summary>
    private static async Task OneWinsAsync(HttpResponseMessage[] responses)
    {
        var report = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.True(responses.Count(r => r.IsSuccessStatusCode) == 1, $"expected exactly one success:\n{report}");
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            Assert.True((int)loser.StatusCode is >= 400 and < 500, report);
            Assert.Matches(Chinese(), await loser.Content.ReadAsStringAsync());
        }
    }
}
