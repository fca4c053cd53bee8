using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Pipeline;

public sealed class EditableRulesTests_Sqlite(SqliteAppFactory f) : EditableRulesTests<SqliteAppFactory>(f);

public sealed class EditableRulesTests_Postgres(PostgresAppFactory f) : EditableRulesTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 11, "rules that are data but cannot be edited": points rules, work standards, post checklists and sampling defaults are
/// changed in the browser and the API by the right role, with bounds, a refusal that keeps what was typed, and history kept —
/// what was decided under an old version keeps it.
/// </summary>
public abstract partial class EditableRulesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private sealed record RuleDto(int Id, string Kind, decimal MinPercent, decimal MaxPercent, decimal Points, int Version, bool Current, int? PreviousId, string? ChangedBy, string? ChangeNote);

    private sealed record StandardDto(int Id, string Name, int Version, bool Current, int? PreviousId, DateOnly? InForceFrom, DateOnly? RetiredOn);

    private sealed record ItemDto(int Id, int PostId, string Text, int Version, bool Current, int? PreviousId);

    private sealed record PlanDto(int Id, string Name, string Stage, int? TeamId, int PerAgent, int RaisedPerAgent, string Period, int ScorecardId, bool Active, int RowVersion);

    private sealed record ChangeDto(string By, string Action, List<FieldDto> Changes);

    private sealed record FieldDto(string Field, string? Old, string? New);

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage r)
    {
        if (r.StatusCode != expected)
        {
            Assert.Fail($"Expected {expected}, got {r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<HttpClient> ChineseBearerAsync(string user)
    {
        var c = await factory.BearerAsync(user);
        c.DefaultRequestHeaders.AcceptLanguage.Clear();
        c.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return c;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<RuleDto> TierAsync(HttpClient trainer, decimal min)
    {
        var rules = (await trainer.GetFromJsonAsync<List<RuleDto>>("/api/v1/points/rules"))!;
        return rules.Single(r => r.Kind == nameof(ExamKind.MonthlyBusiness) && r.MinPercent == min);
    }

    [Fact]
    public async Task A_changed_points_tier_is_a_new_version_and_points_already_booked_stay_as_they_were()
    {
        using var trainer = await ChineseBearerAsync("trainer");
        var tier = await TierAsync(trainer, 95);
        var booked = await factory.QueryAsync(db => db.PointsEntries.OrderBy(p => p.Id).Select(p => new { p.Id, p.Points }).ToListAsync());
        Assert.NotEmpty(booked);

        var r = await trainer.PostAsJsonAsync($"/api/v1/points/rules/{tier.Id}/versions", new { minPercent = 95m, maxPercent = 100m, points = 3m, note = "提高高分奖励" });
        await ExpectAsync(HttpStatusCode.Created, r);
        var next = (await r.Content.ReadFromJsonAsync<RuleDto>())!;
        Assert.Equal((tier.Version + 1, true, tier.Id, 3m, "提高高分奖励"), (next.Version, next.Current, next.PreviousId, next.Points, next.ChangeNote));
        Assert.False(string.IsNullOrEmpty(next.ChangedBy));
        var old = (await trainer.GetFromJsonAsync<RuleDto>($"/api/v1/points/rules/{tier.Id}"))!;
        Assert.Equal((false, 2m), (old.Current, old.Points));
        var versions = (await trainer.GetFromJsonAsync<List<RuleDto>>($"/api/v1/points/rules/{tier.Id}/versions"))!;
        Assert.Equal([next.Id, tier.Id], versions.Select(v => v.Id).ToList());

        // What was booked under the old tier keeps its value.
        var after = await factory.QueryAsync(db => db.PointsEntries.OrderBy(p => p.Id).Select(p => new { p.Id, p.Points }).ToListAsync());
        Assert.Equal(booked, after.Take(booked.Count).ToList());

        // A change based on the old version is refused: it is no longer in force.
        var stale = await trainer.PostAsJsonAsync($"/api/v1/points/rules/{tier.Id}/versions", new { minPercent = 95m, maxPercent = 100m, points = 4m, note = "x" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Matches(Chinese(), await stale.Content.ReadAsStringAsync());

        // Removing a tier retires it; its history stays.
        var removed = await trainer.PostAsJsonAsync($"/api/v1/points/rules/{next.Id}/retire", new { note = "取消高分奖励" });
        await ExpectAsync(HttpStatusCode.OK, removed);
        Assert.DoesNotContain((await trainer.GetFromJsonAsync<List<RuleDto>>("/api/v1/points/rules"))!, x => x.Id == next.Id);
        Assert.Equal(2, (await trainer.GetFromJsonAsync<List<RuleDto>>($"/api/v1/points/rules/{next.Id}/versions"))!.Count);
        Assert.Equal(2, await factory.QueryAsync(db => db.PointsRules.CountAsync(x => x.Id == tier.Id || x.PreviousId == tier.Id)));

        // Who may change them: the training manager (and HR, admins); not a lead or an agent.
        using var lead = await factory.BearerAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/v1/points/rules/{tier.Id}/versions", new { minPercent = 1m, maxPercent = 2m, points = 1m, note = "x" })).StatusCode);
        using var agent = await factory.BearerAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/points/rules")).StatusCode);
    }

    [Theory]
    [InlineData(60, 50, 1, "note")]
    [InlineData(-1, 50, 1, "note")]
    [InlineData(10, 101, 1, "note")]
    [InlineData(70, 80, 0, "note")]
    [InlineData(70, 80, 101, "note")]
    [InlineData(70, 80, 1.005, "note")]
    [InlineData(70, 80, 1, "")]
    [InlineData(50, 70, 1, "note")] // overlaps 0–60
    public async Task A_points_tier_out_of_bounds_is_refused_in_the_users_language(double min, double max, double points, string note)
    {
        using var trainer = await ChineseBearerAsync("trainer");
        var r = await trainer.PostAsJsonAsync("/api/v1/points/rules", new { kind = "MonthlyBusiness", minPercent = (decimal)min, maxPercent = (decimal)max, points = (decimal)points, note });
        await ExpectAsync(HttpStatusCode.BadRequest, r);
        Assert.Matches(Chinese(), await r.Content.ReadAsStringAsync());
        var tooLong = await trainer.PostAsJsonAsync("/api/v1/points/rules", new { kind = "MonthlyBusiness", minPercent = 70m, maxPercent = 80m, points = 1m, note = new string('长', 501) });
        await ExpectAsync(HttpStatusCode.BadRequest, tooLong);
    }

    [Fact]
    public async Task The_points_page_keeps_what_was_typed_after_a_refusal_marks_the_field_and_confirms_a_save()
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var tier = await factory.QueryAsync(db => db.PointsRules.Where(r => r.Kind == ExamKind.MonthlyBusiness && r.MinPercent == 90 && r.SupersededAt == null).SingleAsync());
        var edit = $"/points/rules/{tier.Id}/edit";
        var refused = await PostFormAsync(trainer, edit, edit, new() { ["MinPercent"] = "90", ["MaxPercent"] = "95", ["Points"] = "0", ["Note"] = "试一下零分" });
        await ExpectAsync(HttpStatusCode.OK, refused);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("分值不能为 0", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Points\"[^>]*value=\"0\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("value=\"试一下零分\"", html, StringComparison.Ordinal);

        var saved = await PostFormAsync(trainer, edit, edit, new() { ["MinPercent"] = "90", ["MaxPercent"] = "95", ["Points"] = "1，5", ["Note"] = "调整" });
        await ExpectAsync(HttpStatusCode.Redirect, saved);
        var list = WebUtility.HtmlDecode(await trainer.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("已保存：业务考试 90–95%，+1.5 分，第 2 版。", list, StringComparison.Ordinal);
        Assert.Contains("第 2 版", list, StringComparison.Ordinal);
        Assert.Equal(1.5m, await factory.QueryAsync(db => db.PointsRules.Where(r => r.PreviousId == tier.Id).Select(r => r.Points).SingleAsync()));
    }

    [Fact]
    public async Task Parallel_changes_of_a_points_tier_make_one_new_version_and_the_others_get_409()
    {
        using var trainer = await ChineseBearerAsync("trainer");
        var tier = await TierAsync(trainer, 0);
        var clients = new HttpClient[5];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = await ChineseBearerAsync(i % 2 == 0 ? "trainer" : "hr");
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = clients.Select((c, i) => Task.Run(async () =>
        {
            await go.Task;
            return await c.PostAsJsonAsync($"/api/v1/points/rules/{tier.Id}/versions", new { minPercent = 0m, maxPercent = 60m, points = -3m - i, note = "并发修改 " + i });
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

        Assert.Equal(1, await factory.QueryAsync(db => db.PointsRules.CountAsync(r => r.PreviousId == tier.Id)));
        Assert.Equal(1, await factory.QueryAsync(db => db.PointsRules.CountAsync(r => r.Kind == ExamKind.MonthlyBusiness && r.MinPercent == 0 && r.SupersededAt == null)));
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task A_changed_work_standard_reaches_new_apprenticeships_only_and_existing_ones_keep_theirs()
    {
        using var trainer = await ChineseBearerAsync("trainer");
        var standards = (await trainer.GetFromJsonAsync<List<StandardDto>>("/api/v1/coaching/standards"))!;
        var callback = standards.Single(s => s.Name == "回访电话");
        var apprentice = await factory.QueryAsync(db => db.Employees.Where(e => e.Stage == Stage.Apprenticeship).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

        var r = await trainer.PostAsJsonAsync($"/api/v1/coaching/standards/{callback.Id}/versions",
            new { name = "回访电话（新版）", nameEn = "Callback call (new)", description = "核对信息、了解使用情况、再次销售。", note = "按新流程修订" });
        await ExpectAsync(HttpStatusCode.Created, r);
        var next = (await r.Content.ReadFromJsonAsync<StandardDto>())!;
        Assert.Equal((callback.Version + 1, callback.Id, true), (next.Version, next.PreviousId, next.Current));
        var today = AgentPath.Web.CenterClock.DateOf(factory.Clock.GetUtcNow());
        Assert.Equal(today, next.InForceFrom);
        var versions = (await trainer.GetFromJsonAsync<List<StandardDto>>($"/api/v1/coaching/standards/{next.Id}/versions"))!;
        Assert.Equal((false, today), (versions[1].Current, versions[1].RetiredOn!.Value));

        // The apprentice under way keeps the standard they started with; the new version is for apprenticeships starting today.
        using var page = await factory.SignedInAsync("trainer");
        var html = await page.GetStringAsync($"/coaching/{apprentice}");
        Assert.Contains("回访电话", html, StringComparison.Ordinal);
        Assert.DoesNotContain("回访电话（新版）", html, StringComparison.Ordinal);
        var list = await page.GetStringAsync("/coaching/standards");
        Assert.Contains("回访电话（新版）", list, StringComparison.Ordinal);
        Assert.Contains("历史版本", list, StringComparison.Ordinal);

        var stale = await trainer.PostAsJsonAsync($"/api/v1/coaching/standards/{callback.Id}/versions", new { name = "x", nameEn = "x", description = "", note = "x" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var empty = await trainer.PostAsJsonAsync("/api/v1/coaching/standards", new { name = "", nameEn = "", description = "", note = "x" });
        await ExpectAsync(HttpStatusCode.BadRequest, empty);
        var tooLong = await trainer.PostAsJsonAsync("/api/v1/coaching/standards", new { name = new string('长', 65), nameEn = "", description = "", note = "x" });
        await ExpectAsync(HttpStatusCode.BadRequest, tooLong);
        var noNote = await trainer.PostAsJsonAsync("/api/v1/coaching/standards", new { name = "外呼营销", nameEn = "", description = "", note = "" });
        await ExpectAsync(HttpStatusCode.BadRequest, noNote);
        Assert.Matches(Chinese(), await noNote.Content.ReadAsStringAsync());

        // The page: a refusal keeps what was typed and marks the field.
        var refused = await PostFormAsync(page, "/coaching/standards/new", "/coaching/standards/new", new() { ["Name"] = "外呼营销", ["Description"] = "电话营销流程", ["Note"] = "" });
        await ExpectAsync(HttpStatusCode.OK, refused);
        var form = await refused.Content.ReadAsStringAsync();
        Assert.Contains("value=\"外呼营销\"", form, StringComparison.Ordinal);
        Assert.Matches("id=\"Note\"[^>]*aria-invalid=\"true\"", form);

        // Only the training manager (and admins) change the standards; a supervisor or a lead reads them.
        using var supervisor = await factory.BearerAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/v1/coaching/standards", new { name = "a", note = "b" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/coaching/standards")).StatusCode);
    }

    [Fact]
    public async Task A_changed_checklist_item_leaves_the_confirmation_with_the_text_that_was_confirmed()
    {
        var agentId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync());
        var item = await factory.QueryAsync(db => db.PostChecklistItems
            .Where(i => db.Employees.Where(e => e.Id == agentId).SelectMany(e => e.Posts).Any(p => p.Id == i.PostId)).OrderBy(i => i.Order).FirstAsync());
        var form = $"/records/post-training/{agentId}";
        using var agent = await factory.SignedInAsync("agent");
        await ExpectAsync(HttpStatusCode.Redirect, await PostFormAsync(agent, form, form + "?handler=Confirm", new() { ["itemId"] = item.Id.ToString(CultureInfo.InvariantCulture) }));

        using var supervisor = await ChineseBearerAsync("supervisor");
        var r = await supervisor.PostAsJsonAsync($"/api/v1/checklists/items/{item.Id}/versions", new { text = "岗位职责、工作纪律与考勤制度", textEn = "Duties, work rules and attendance", note = "增加考勤制度" });
        await ExpectAsync(HttpStatusCode.Created, r);
        var next = (await r.Content.ReadFromJsonAsync<ItemDto>())!;
        Assert.Equal((item.Version + 1, item.Id, item.PostId), (next.Version, next.PreviousId, next.PostId));

        // The confirmation still names what was confirmed; the new text waits for its own.
        var html = await agent.GetStringAsync(form);
        Assert.Contains(item.Text, html, StringComparison.Ordinal);
        Assert.Contains("旧版本，按所示内容确认", html, StringComparison.Ordinal);
        Assert.Contains("岗位职责、工作纪律与考勤制度", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"本人确认已接受培训：岗位职责、工作纪律与考勤制度\"", html, StringComparison.Ordinal);
        Assert.Equal(item.Id, await factory.QueryAsync(db => db.PostChecklistConfirmations.Where(c => c.EmployeeId == agentId).Select(c => c.ItemId).SingleAsync()));
        // The old item can no longer be confirmed.
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(agent, form, form + "?handler=Confirm", new() { ["itemId"] = item.Id.ToString(CultureInfo.InvariantCulture) })).StatusCode);

        var stale = await supervisor.PostAsJsonAsync($"/api/v1/checklists/items/{item.Id}/versions", new { text = "x", note = "x" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var tooLong = await supervisor.PostAsJsonAsync("/api/v1/checklists/items", new { postId = item.PostId, text = new string('长', 301), note = "x" });
        await ExpectAsync(HttpStatusCode.BadRequest, tooLong);
        var noPost = await supervisor.PostAsJsonAsync("/api/v1/checklists/items", new { text = "新内容", note = "x" });
        await ExpectAsync(HttpStatusCode.BadRequest, noPost);
        var unknownPost = await supervisor.PostAsJsonAsync("/api/v1/checklists/items", new { postId = 987654, text = "新内容", note = "x" });
        await ExpectAsync(HttpStatusCode.NotFound, unknownPost);

        // The page: a refusal keeps what was typed and marks the field; a save confirms.
        using var trainer = await factory.SignedInAsync("trainer");
        var edit = $"/records/checklists/{next.Id}/edit";
        var refused = await PostFormAsync(trainer, edit, edit, new() { ["ItemText"] = "岗位职责与考勤", ["Note"] = "" });
        await ExpectAsync(HttpStatusCode.OK, refused);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("value=\"岗位职责与考勤\"", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Note\"[^>]*aria-invalid=\"true\"", page);
        var saved = await PostFormAsync(trainer, edit, edit, new() { ["ItemText"] = "岗位职责与考勤", ["Note"] = "精简" });
        await ExpectAsync(HttpStatusCode.Redirect, saved);
        Assert.Contains("已保存：", await trainer.GetStringAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);

        using var lead = await factory.BearerAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/v1/checklists/items", new { postId = item.PostId, text = "a", note = "b" })).StatusCode);
    }

    [Fact]
    public async Task Sampling_defaults_are_changed_with_bounds_audited_and_a_stale_change_is_refused()
    {
        using var qa = await ChineseBearerAsync("qa");
        var plan = (await qa.GetFromJsonAsync<List<PlanDto>>("/api/v1/sampling/plans"))!.First(p => p.Stage == "Regular");
        object Body(int per, int raised, int? rowVersion) => new
        {
            name = plan.Name, stage = plan.Stage, teamId = plan.TeamId, perAgent = per, raisedPerAgent = raised, period = plan.Period, scorecardId = plan.ScorecardId, active = true, rowVersion,
        };

        foreach (var (per, raised) in new[] { (0, 8), (51, 60), (6, 5), (6, 101) })
        {
            var bad = await qa.PutAsJsonAsync($"/api/v1/sampling/plans/{plan.Id}", Body(per, raised, plan.RowVersion));
            await ExpectAsync(HttpStatusCode.BadRequest, bad);
            Assert.Matches(Chinese(), await bad.Content.ReadAsStringAsync());
        }

        var ok = await qa.PutAsJsonAsync($"/api/v1/sampling/plans/{plan.Id}", Body(6, 10, plan.RowVersion));
        await ExpectAsync(HttpStatusCode.OK, ok);
        var saved = (await ok.Content.ReadFromJsonAsync<PlanDto>())!;
        Assert.Equal((6, 10), (saved.PerAgent, saved.RaisedPerAgent));
        Assert.NotEqual(plan.RowVersion, saved.RowVersion);

        // A change made on the state read before is refused: someone changed it meanwhile.
        var stale = await qa.PutAsJsonAsync($"/api/v1/sampling/plans/{plan.Id}", Body(7, 10, plan.RowVersion));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var history = (await qa.GetFromJsonAsync<List<ChangeDto>>($"/api/v1/sampling/plans/{plan.Id}/history"))!;
        Assert.Contains(history, h => h.Changes.Any(c => c.Old == "4" && c.New == "6"));

        // The page: a refusal keeps what was typed in that plan's form and marks the field; a save is confirmed.
        using var page = await factory.SignedInAsync("qa");
        var fields = new Dictionary<string, string>
        {
            ["id"] = plan.Id.ToString(CultureInfo.InvariantCulture), ["rowVersion"] = saved.RowVersion.ToString(CultureInfo.InvariantCulture), ["name"] = "正式员工抽检（调整）",
            ["stage"] = "Regular", ["teamId"] = "", ["perAgent"] = "0", ["raisedPerAgent"] = "9", ["period"] = "Month", ["scorecardId"] = plan.ScorecardId.ToString(CultureInfo.InvariantCulture), ["active"] = "true",
        };
        var refused = await PostFormAsync(page, "/quality/sampling", "/quality/sampling?handler=Save", fields);
        await ExpectAsync(HttpStatusCode.OK, refused);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("value=\"正式员工抽检（调整）\"", html, StringComparison.Ordinal);
        Assert.Matches("name=\"perAgent\" value=\"0\"[^>]*aria-invalid=\"true\"", html);
        fields["perAgent"] = "5";
        var done = await PostFormAsync(page, "/quality/sampling", "/quality/sampling?handler=Save", fields);
        await ExpectAsync(HttpStatusCode.Redirect, done);
        var after = await page.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("已保存：正式员工抽检（调整）", after, StringComparison.Ordinal);
        Assert.Contains("本方案的修改记录", after, StringComparison.Ordinal);

        using var lead = await factory.BearerAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutAsJsonAsync($"/api/v1/sampling/plans/{plan.Id}", Body(5, 9, null))).StatusCode);
    }
}
