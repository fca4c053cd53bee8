using System.Net;
using System.Net.Http.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Quality;

public sealed class EvaluationTests_Sqlite(SqliteAppFactory f) : EvaluationTests<SqliteAppFactory>(f);

public sealed class EvaluationTests_Postgres(PostgresAppFactory f) : EvaluationTests<PostgresAppFactory>(f);

/// <summary>Scoring a call and what follows: the agent's notification, acknowledgement, dispute and settlement as a new version; the draft conflict; scope; retraining closed by the follow-up.</summary>
public abstract class EvaluationTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public sealed record IdBody(long Id);

    public sealed record Problem(string Title);

    public sealed record Page(List<QualityApi.EvaluationDto> Items, int Total);

    private async Task<QualityApi.ScorecardDto> SevenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<QualityApi.ScorecardDto>>("/api/v1/scorecards"))!.Single(c => c.Name == QualityDemoSeed.SevenDimensions);

    /// <summary>Every item at full marks, except those named, which get their lowest mark.</summary>
    private static List<AnswerInput> Answers(QualityApi.ScorecardDto card, params string[] low) =>
        card.Sections.SelectMany(s => s.Items).Select(i => new AnswerInput(i.Id, low.Contains(i.Text)
            ? (i.Scale == "OneToFive" ? 1 : 0)
            : i.Scale switch { "YesNo" => 1, "OneToFive" => 5, _ => i.MaxPoints })).ToList();

    private async Task<long> NewCallAsync(string name = "马晓东")
    {
        using var qa = await factory.BearerAsync("qa");
        var r = await qa.UploadAsync(await QualityCalls.NumberOfAsync(factory, name), DemoAudio.Wav(20, 5), duration: 20);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    [Fact]
    public async Task An_evaluation_is_acknowledged_or_disputed_and_a_settlement_adds_a_version_beside_the_original()
    {
        using var qa = await factory.BearerAsync("qa");
        var card = await SevenAsync(qa);
        var call = await NewCallAsync();
        var wording = card.Sections.Single(s => s.Name == "服务用语");
        var created = await qa.PostAsJsonAsync("/api/v1/evaluations", new
        {
            recordingId = call, scorecardId = card.Id, items = Answers(card, "使用标准开场白和结束语", "语调亲切自然，有感染力"),
            comment = "开场白缺失", findings = new[] { new { tag = "Wording", sectionId = wording.Id, atSecond = 3.5, note = "未报工号" } },
            comments = new[] { new { atSecond = 3.5, text = "这里应先报工号" } }, submit = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var e = (await created.Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        Assert.Equal("Submitted", e.Status);
        Assert.True(e.Total is > 80 and < 100, $"total {e.Total}");
        Assert.Equal(3.5m, e.Comments.Single().AtSecond);
        Assert.Equal("Wording", e.Findings.Single().Tag);

        // The agent is told, sees it with its items and findings, and disputes it.
        var agentUser = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "agent"));
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == agentUser.Id && n.Link == $"/quality/evaluations/{e.Id}")));
        using var agent = await factory.BearerAsync("agent");
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        var mine = await agent.GetFromJsonAsync<Page>($"/api/v1/evaluations?employeeNumber={number}");
        var seen = mine!.Items.Single(x => x.Id == e.Id);
        Assert.Equal(card.Sections.Sum(s => s.Items.Count), seen.Items.Count);
        Assert.Single(seen.Findings);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync($"/api/v1/evaluations/{e.Id}/dispute", new { reason = "开场白说了，录音前几秒被截断" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsync($"/api/v1/evaluations/{e.Id}/acknowledge", null)).StatusCode);

        // The inspector cannot judge their own evaluation; the supervisor settles with a changed item.
        var own = await qa.PostAsJsonAsync($"/api/v1/evaluations/{e.Id}/settle", new { decision = "维持", items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        using var supervisor = await factory.BearerAsync("supervisor");
        var opening = wording.Items.Single(i => i.Text == "使用标准开场白和结束语").Id;
        var settled = await supervisor.PostAsJsonAsync($"/api/v1/evaluations/{e.Id}/settle", new { decision = "核实原始录音，开场白完整，改为合格。", items = new[] { new { itemId = opening, value = 1 } } });
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        var after = (await settled.Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        Assert.Equal("Settled", after.Status);
        Assert.Equal([1, 2], after.Scores.Select(s => s.Number));
        Assert.Equal(e.Total, after.Scores[0].Total);
        Assert.True(after.Scores[1].Total > after.Scores[0].Total);
        Assert.Equal(1, after.Scores[1].SupersedesNumber);
        Assert.Equal("张敏", after.Scores[1].By);
        Assert.Equal("核实原始录音，开场白完整，改为合格。", after.Scores[1].Reason);
        Assert.Equal(after.Scores[1].Total, after.Total);
        Assert.Equal("Changed", after.Disputes.Single().Outcome);
        Assert.Equal(2, await factory.QueryAsync(db => db.EvaluationScores.CountAsync(s => s.EvaluationId == e.Id)));

        // Another evaluation is acknowledged; after that, or after the window, it cannot be disputed.
        var second = (await (await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(), scorecardId = card.Id, items = Answers(card), submit = true }))
            .Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync($"/api/v1/evaluations/{second.Id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync($"/api/v1/evaluations/{second.Id}/dispute", new { reason = "x" })).StatusCode);
        var third = (await (await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(), scorecardId = card.Id, items = Answers(card), submit = true }))
            .Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        factory.Clock.Advance(TimeSpan.FromDays(8));
        using var agentLater = await factory.BearerAsync("agent"); // a token lasts hours, not days
        var late = await agentLater.PostAsJsonAsync($"/api/v1/evaluations/{third.Id}/dispute", new { reason = "太晚了" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("passed", (await late.Content.ReadFromJsonAsync<Problem>())!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_inspectors_saving_the_same_draft_the_second_gets_a_conflict_not_a_lost_update()
    {
        using var qa = await factory.BearerAsync("qa");
        using var lead = await factory.BearerAsync("lead");
        var card = await SevenAsync(qa);
        var call = await NewCallAsync();
        var draft = (await (await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = call, scorecardId = card.Id, items = Array.Empty<object>() }))
            .Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        Assert.Equal("Draft", draft.Status);

        // Both opened version v; the inspector saves first, the lead's save is refused.
        var v = draft.Version;
        var first = await qa.PutAsJsonAsync($"/api/v1/evaluations/{draft.Id}", new { version = v, items = Answers(card), comment = "吴芳的评语" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await lead.PutAsJsonAsync($"/api/v1/evaluations/{draft.Id}", new { version = v, items = Answers(card, "热情耐心，不推诿"), comment = "黄志强的评语" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = await qa.GetFromJsonAsync<QualityApi.EvaluationDto>($"/api/v1/evaluations/{draft.Id}");
        Assert.Equal("吴芳的评语", stored!.Comment);
        Assert.Equal(v + 1, stored.Version);

        // With the current version the lead's save goes through; a stale submit is refused too.
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/evaluations/{draft.Id}", new { version = v + 1, items = Answers(card), comment = "合并后" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await qa.PostAsJsonAsync($"/api/v1/evaluations/{draft.Id}/submit", new { version = v + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qa.PostAsJsonAsync($"/api/v1/evaluations/{draft.Id}/submit", new { version = v + 2 })).StatusCode);

        // The page shows the conflict in words.
        var other = (await (await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(), scorecardId = card.Id, items = Array.Empty<object>() }))
            .Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        using var page = await factory.SignedInAsync("qa");
        var token = await page.FormTokenAsync($"/quality/evaluations/{other.Id}");
        await qa.PutAsJsonAsync($"/api/v1/evaluations/{other.Id}", new { version = other.Version, items = Answers(card) });
        var stale = await page.PostAsync($"/quality/evaluations/{other.Id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = other.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Comment"] = "旧版本", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("已有其他人保存了这份评分", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_see_only_their_own_evaluations_and_drafts_stay_with_the_inspectors()
    {
        using var agent = await factory.BearerAsync("agent");
        var all = await agent.GetFromJsonAsync<Page>("/api/v1/evaluations");
        var me = await QualityCalls.NumberOfAsync(factory, "马晓东");
        Assert.True(all!.Total >= 3);
        Assert.All(all.Items, e => Assert.Equal(me, e.EmployeeNumber));
        Assert.DoesNotContain(all.Items, e => e.Status == "Draft");

        var other = await factory.QueryAsync(db => db.Evaluations.Where(e => e.Employee.Name != "马晓东" && e.CalibrationSessionId == null).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/evaluations/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync($"/api/v1/evaluations/{other}/dispute", new { reason = "x" })).StatusCode);

        // A calibration scoring is blind: not even QA sees another inspector's until it is theirs.
        var blind = await factory.QueryAsync(db => db.Evaluations.Where(e => e.CalibrationSessionId != null && e.InspectorName == "张敏").Select(e => e.Id).FirstAsync());
        using var qa = await factory.BearerAsync("qa");
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync($"/api/v1/evaluations/{blind}")).StatusCode);

        // The lead sees the team's, not the outbound department's.
        using var lead = await factory.BearerAsync("lead");
        var outbound = await factory.QueryAsync(db => db.Evaluations.Where(e => e.Employee.Department.Name == "回访销售部").Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/evaluations/{outbound}")).StatusCode);
        var team = await lead.GetFromJsonAsync<Page>("/api/v1/evaluations");
        Assert.Contains(team!.Items, e => e.EmployeeNumber == me);

        // Submitted evaluations are on the person's timeline.
        using var leadPage = await factory.SignedInAsync("lead");
        var personId = await factory.QueryAsync(db => db.Employees.Where(e => e.Name == "马晓东").Select(e => e.Id).SingleAsync());
        Assert.Contains("质检评分（品质考核（七维度））", await leadPage.GetStringAsync($"/people/{personId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retraining_from_findings_is_done_when_the_follow_up_evaluation_passes_on_its_dimension()
    {
        using var page = await factory.SignedInAsync("qa");
        var token = await page.FormTokenAsync("/quality/findings?by=agent");
        var target = await factory.QueryAsync(db => db.Employees.SingleAsync(e => e.Name == "马晓东"));
        var lead = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "lead"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime);
        var assigned = await page.PostAsync("/quality/findings?handler=Retrain", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["employeeId"] = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dimension"] = "语音语调",
            ["ownerUserId"] = lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dueOn"] = today.AddDays(7).ToString("yyyy-MM-dd"),
            ["note"] = "跟听优秀录音", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var task = await factory.QueryAsync(db => db.RetrainingTasks.OrderByDescending(t => t.Id).FirstAsync());
        Assert.Equal(("语音语调", RetrainingStatus.Open, lead.Id), (task.FocusKey, task.Status, task.OwnerUserId));
        Assert.NotNull(task.BaselineScore);

        // A follow-up that passes overall but not on 语音语调 leaves it open; one that passes there closes it.
        using var qa = await factory.BearerAsync("qa");
        var card = await SevenAsync(qa);
        await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(), scorecardId = card.Id, items = Answers(card, "语速适中、音量适宜", "语调亲切自然，有感染力"), comment = "语调仍需改进", submit = true });
        Assert.Equal(RetrainingStatus.Open, await factory.QueryAsync(db => db.RetrainingTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
        var pass = (await (await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(), scorecardId = card.Id, items = Answers(card), submit = true }))
            .Content.ReadFromJsonAsync<QualityApi.EvaluationDto>())!;
        var done = await factory.QueryAsync(db => db.RetrainingTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(RetrainingStatus.Done, done.Status);
        Assert.Equal($"Evaluation:{pass.Id}", done.FollowUpRef);
        Assert.Equal(100m, done.FollowUpScore);

        var list = await page.GetStringAsync("/quality/retraining");
        Assert.Contains("跟听优秀录音", list, StringComparison.Ordinal);

        // A training need from the period's findings, for next month's plan.
        var raise = await page.PostAsync("/quality/findings?handler=Need", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tag"] = "Wording", ["title"] = "服务用语专项培训", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("已提出", await raise.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var need = await factory.QueryAsync(db => db.TrainingNeeds.OrderByDescending(n => n.Id).FirstAsync());
        Assert.Equal(("服务用语专项培训", QualitySetup.TrainingSource, TrainingNeedStatus.Open), (need.Title, need.Source, need.Status));
        Assert.True(need.Headcount >= 1);
    }

    [Fact]
    public async Task A_sampling_draw_can_be_rerun_from_its_stored_seed_and_fills_the_inspectors_queue()
    {
        await NewCallAsync();
        using var page = await factory.SignedInAsync("qa");
        var token = await page.FormTokenAsync("/quality/sampling");
        var plan = await factory.QueryAsync(db => db.SamplingPlans.SingleAsync(p => p.Stage == Web.Features.People.Stage.Regular));
        var drawn = await page.PostAsync($"/quality/sampling?handler=Draw&id={plan.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("随机种子", await drawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var draw = await factory.QueryAsync(db => db.SamplingDraws.Include(d => d.Assignments).SingleAsync(d => d.PlanId == plan.Id));
        Assert.True(draw.Chosen > 0 && draw.Chosen <= draw.Eligible);
        var verify = await page.PostAsync($"/quality/sampling?handler=Verify&drawId={draw.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("抽检可复现", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A second draw of the same period is refused; the calls wait in the queue.
        var again = await page.PostAsync($"/quality/sampling?handler=Draw&id={plan.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("已经抽取过了", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var queue = await page.GetStringAsync("/quality/queue");
        Assert.Contains("正式员工抽检", queue, StringComparison.Ordinal);

        // The apprentice with a forbidden phrase in the demo is sampled at the raised rate until an evaluation passes.
        var apprentice = await factory.QueryAsync(db => db.Evaluations.Where(e => e.CalibrationSessionId == null && e.Scores.Any(x => x.AutoFailed)).Select(e => e.EmployeeId).FirstAsync());
        async Task<bool> RaisedAsync() => (await factory.QueryAsync(async db =>
            await new SamplingService(db, factory.Clock, new Web.Features.Notifications.Notifier(db, factory.Clock)).RaisedAsync([apprentice], default))).Contains(apprentice);
        Assert.True(await RaisedAsync());
        using var qa = await factory.BearerAsync("qa");
        var card = await SevenAsync(qa);
        var name = await factory.QueryAsync(db => db.Employees.Where(e => e.Id == apprentice).Select(e => e.Name).SingleAsync());
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = await NewCallAsync(name), scorecardId = card.Id, items = Answers(card), submit = true });
        Assert.False(await RaisedAsync());

        // The reports export as a workbook with a sheet per view.
        var xlsx = await page.GetAsync("/quality/reports?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(book);
        Assert.Contains("按维度 By dimension", sheets);
        Assert.Contains("明细 Evaluations", sheets);
    }
}
