using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Web.Features.Quality;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// The QA inspector uploads a call (a real WAV the test generates), draws it into their queue, scores it from the
/// queue with the player — play, speed, a comment pinned to a moment that jumps the player back there — and submits;
/// the agent sees it on a phone, with the audio, and disputes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QualityTests(AppFixture app)
{
    [Fact]
    public async Task An_inspector_scores_a_call_from_the_queue_and_the_agent_disputes_it()
    {
        var wav = Path.Combine(Path.GetTempPath(), $"call-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(wav, DemoAudio.Wav(24, 2026));
        var started = DateTime.Now.AddMinutes(-17);
        started = new DateTime(started.Year, started.Month, started.Day, started.Hour, started.Minute, 0, DateTimeKind.Local);
        string evaluationUrl;
        try
        {
            await using (var qa = await app.OpenAsync("Quality.inspector"))
            {
                var page = qa.Page;
                await qa.LogInAsync("qa");
                var people = await page.APIRequest.GetAsync("/api/v1/people?q=" + Uri.EscapeDataString("马晓东"));
                var number = JsonDocument.Parse(await people.TextAsync()).RootElement.GetProperty("items")[0].GetProperty("employeeNumber").GetString()!;

                // Upload: the type comes from the file's content.
                await page.GotoAsync("/quality/recordings/new");
                await page.GetByLabel("工号", new() { Exact = true }).FillAsync(number);
                await page.GetByLabel("通话类型").SelectOptionAsync(new SelectOptionValue { Label = "回访" });
                // The browser's datetime-local takes local time; the server reads it as center time (Asia/Shanghai).
                var centerStart = TimeZoneInfo.ConvertTime(new DateTimeOffset(started), AgentPath.Web.CenterClock.Zone);
                await page.GetByLabel("开始时间").FillAsync(centerStart.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
                await page.GetByLabel("时长（秒）").FillAsync("24");
                await page.GetByLabel("录音文件").SetInputFilesAsync(wav);
                await page.GetByRole(AriaRole.Button, new() { Name = "登记通话" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "马晓东 的通话", Level = 1 })).ToBeVisibleAsync();
                // The format read from the content, in words (not the enum name "Wav").
                await Expect(page.GetByText("WAV 音频 ·")).ToBeVisibleAsync();

                // This month's draw of regular employees puts it in the queue.
                await page.GotoAsync("/quality/sampling");
                var plan = page.GetByRole(AriaRole.Form, new() { Name = "正式员工抽检" });
                await plan.GetByRole(AriaRole.Button, new() { Name = "抽取录音" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("随机种子");
                await page.GotoAsync("/");
                await page.GetByRole(AriaRole.Link, new() { Name = "打开我的质检任务" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^我的质检任务"), Level = 1 })).ToBeVisibleAsync();
                var label = $"评分：马晓东 {TimeZoneInfo.ConvertTime(new DateTimeOffset(started), AgentPath.Web.CenterClock.Zone):yyyy-MM-dd HH:mm} 的通话";
                await page.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^马晓东 的质检评分"), Level = 1 })).ToBeVisibleAsync();
                evaluationUrl = page.Url;

                // The player: the audio loads, plays, changes speed by the selector and the keyboard.
                var audio = page.Locator("#call-audio");
                await page.WaitForFunctionAsync("() => document.getElementById('call-audio').duration > 23");
                await page.GetByRole(AriaRole.Button, new() { Name = "播放" }).ClickAsync();
                await page.WaitForFunctionAsync("() => document.getElementById('call-audio').currentTime > 1.2");
                await page.GetByLabel("播放速度").SelectOptionAsync("1.5");
                Assert.Equal(1.5, await audio.EvaluateAsync<double>("a => a.playbackRate"));
                await page.Locator("body").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
                await page.Keyboard.PressAsync("]");
                Assert.Equal(2.0, await audio.EvaluateAsync<double>("a => a.playbackRate"));
                await Expect(page.Locator("[data-waveform].ready")).ToBeVisibleAsync();
                await audio.EvaluateAsync("a => a.pause()");

                // A comment pinned to this moment.
                await page.GetByRole(AriaRole.Button, new() { Name = "标记当前时间" }).ClickAsync();
                var pinned = await page.GetByLabel("时间点（分:秒）").First.InputValueAsync();
                Assert.Matches(new Regex(@"^00:0[1-9]$"), pinned);
                await page.GetByLabel("评语", new() { Exact = true }).FillAsync("这里应先报工号，再问候");
                await page.GetByRole(AriaRole.Button, new() { Name = "添加评论" }).ClickAsync();
                var seek = page.GetByRole(AriaRole.Link, new() { Name = $"从 {pinned} 开始播放" });
                await Expect(seek).ToBeVisibleAsync();

                // Clicking the comment jumps the player to that moment.
                await audio.EvaluateAsync("a => { a.pause(); a.currentTime = 20; }");
                await seek.ClickAsync();
                var second = int.Parse(pinned[3..], CultureInfo.InvariantCulture);
                await page.WaitForFunctionAsync($"() => {{ const a = document.getElementById('call-audio'); return a.currentTime >= {second} && a.currentTime < {second + 3}; }}");
                await audio.EvaluateAsync("a => a.pause()");

                // Score every item: full marks, but the opening and closing phrases were missing.
                foreach (var group in await page.GetByRole(AriaRole.Radiogroup).AllAsync())
                {
                    var name = await group.GetAttributeAsync("aria-label");
                    var scale = await group.GetAttributeAsync("data-scale");
                    var choice = name == "使用标准开场白和结束语" ? "否" : scale switch { "YesNo" => "是", "OneToFive" => "5", _ => "4" };
                    await group.GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).CheckAsync();
                }

                var total = page.Locator("[data-total]");
                await Expect(total).ToHaveTextAsync("92.5");
                var finding = page.GetByRole(AriaRole.Group, new() { Name = "质检问题" });
                await finding.Locator("select[name='F[0].Tag']").SelectOptionAsync(new SelectOptionValue { Label = "服务用语不当" });
                await finding.Locator("select[name='F[0].SectionId']").SelectOptionAsync(new SelectOptionValue { Label = "服务用语" });
                await finding.Locator("input[name='F[0].At']").FillAsync(pinned);
                await finding.Locator("input[name='F[0].Note']").FillAsync("未报工号");
                await qa.ScreenshotAsync("quality-scoring-zh-CN");
                await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交，已通知坐席。");
                await Expect(page.GetByText("92.5", new() { Exact = false }).First).ToBeVisibleAsync();
                await Expect(page.GetByText("待坐席确认").First).ToBeVisibleAsync();
            }

            // The agent, on a phone: the home page says an evaluation waits; the page has the audio and the pinned comment.
            await using (var agent = await app.OpenAsync("Quality.agent-phone", width: 390, height: 844, mobile: true))
            {
                var page = agent.Page;
                await agent.LogInAsync("agent");
                var latest = page.GetByRole(AriaRole.Region, new() { Name = "我最近的质检评分" });
                await Expect(page.GetByText("待您确认").First).ToBeVisibleAsync();
                await page.GotoAsync(evaluationUrl);
                await Expect(page.Locator("#call-audio")).ToBeVisibleAsync();
                await Expect(page.GetByText("这里应先报工号，再问候")).ToBeVisibleAsync();
                await page.GetByLabel("申诉理由").FillAsync("开场白说了，录音开头被截断了几秒");
                await agent.ScreenshotAsync("quality-dispute-phone-zh-CN");
                await page.GetByRole(AriaRole.Button, new() { Name = "申诉", Exact = true }).ClickAsync();
                await Expect(page.GetByText("申诉中").First).ToBeVisibleAsync();
                await Expect(page.GetByText("开场白说了，录音开头被截断了几秒")).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认无异议" })).ToHaveCountAsync(0);
                _ = latest;
            }

            // The supervisor sees the dispute, in English.
            await using (var supervisor = await app.OpenAsync("Quality.supervisor-en", locale: "en"))
            {
                var page = supervisor.Page;
                await supervisor.LogInAsync("supervisor", english: true);
                await page.GotoAsync(evaluationUrl);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settle the dispute" })).ToBeVisibleAsync();
                await supervisor.ScreenshotAsync("quality-settle-en");
            }
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public async Task The_quality_pages_render_for_their_roles()
    {
        await using var qa = await app.OpenAsync("Quality.pages");
        await qa.LogInAsync("qa");
        foreach (var (path, heading, shot) in new[]
        {
            ("/quality", "质检评分", "quality-index"), ("/quality/recordings", "录音", "quality-recordings"), ("/quality/scorecards/1", "品质考核（七维度）", "quality-scorecard"),
            ("/quality/sampling", "抽检方案", "quality-sampling"), ("/quality/calibration", "校准", "quality-calibration"), ("/quality/findings", "质检问题", "quality-findings"),
            ("/quality/retraining", "再培训", "quality-retraining"), ("/quality/reports", "质检报表", "quality-reports"), ("/quality/recordings/import", "批量登记通话", "quality-import"),
        })
        {
            await qa.Page.GotoAsync(path);
            await Expect(qa.Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^" + Regex.Escape(heading)), Level = 1 })).ToBeVisibleAsync();
            await qa.ScreenshotAsync(shot + "-zh-CN");
        }

        await qa.Page.GotoAsync("/quality/calibration");
        await qa.Page.GetByRole(AriaRole.Link, new() { Name = AgentPath.Web.Data.DemoCalendar.CalibrationSession(AgentPath.Web.Data.DemoCalendar.Today(TimeProvider.System).AddDays(-6)), Exact = true }).ClickAsync();
        await Expect(qa.Page.GetByRole(AriaRole.Columnheader, new() { Name = "极差" })).ToBeVisibleAsync();
        await qa.ScreenshotAsync("quality-calibration-results-zh-CN");
    }
}
