using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// Training plans in a real browser: HR submits this month's draft and the department manager
/// approves it; an agent answers a needs survey on a phone; the plan pages in Chinese and English
/// and the printable plan, for visual review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PlansTests(AppFixture app)
{
    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanUrl();

    private static string ThisMonth() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");

    [Fact]
    public async Task A_manager_approves_the_plan_hr_submitted()
    {
        await using (var hr = await app.OpenAsync("Plans.hr-submits", width: 1280, height: 900))
        {
            await hr.LogInAsync("hr");
            await hr.MainNav().GetByRole(AriaRole.Link, new() { Name = "培训计划", Exact = true }).ClickAsync();
            await hr.Page.GetByRole(AriaRole.Link, new() { Name = "咨询热线部", Exact = true }).First.ClickAsync();
            await Expect(hr.Page).ToHaveURLAsync(PlanUrl());
            await Expect(hr.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("草稿");

            // The draft was generated from needs: its items show the needs they answer, in the seed's columns.
            await Expect(hr.Page.GetByRole(AriaRole.Columnheader, new() { Name = "责任人", Exact = true })).ToBeVisibleAsync();
            await Expect(hr.Page.GetByRole(AriaRole.Columnheader, new() { Name = "实施进度", Exact = true })).ToBeVisibleAsync();
            await Expect(hr.Page.GetByRole(AriaRole.List, new() { Name = "对应需求" }).First).ToBeVisibleAsync();
            await hr.ScreenshotAsync("plans-draft-zh-CN-1280");

            await hr.Page.GetByRole(AriaRole.Button, new() { Name = "提交部门经理审批", Exact = true }).ClickAsync();
            await Expect(hr.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划已提交部门经理审批。");
        }

        await using var manager = await app.OpenAsync("Plans.manager-approves", width: 1280, height: 900);
        await manager.LogInAsync("manager");

        // The home page says a plan waits for the manager.
        var waiting = manager.Page.GetByRole(AriaRole.Region, new() { Name = "待您处理的培训计划" })
            .Or(manager.Page.Locator("section", new() { Has = manager.Page.GetByRole(AriaRole.Heading, new() { Name = "待您处理的培训计划" }) }));
        await Expect(waiting.First).ToContainTextAsync("等待您审批");
        await waiting.First.GetByRole(AriaRole.Link, new() { Name = "打开计划" }).First.ClickAsync();
        await Expect(manager.Page).ToHaveURLAsync(PlanUrl());
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已提交");

        // The manager sees no way to edit items or issue, only to approve or send back.
        await Expect(manager.Page.GetByRole(AriaRole.Link, new() { Name = "添加培训项目" })).ToHaveCountAsync(0);
        await Expect(manager.Page.GetByRole(AriaRole.Button, new() { Name = "下发计划" })).ToHaveCountAsync(0);
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "批准计划", Exact = true }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划已批准。");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已批准");
        var workflow = manager.Page.GetByRole(AriaRole.List, new() { Name = "审批流程" });
        await Expect(workflow).ToContainTextAsync("李红梅");
        await manager.ScreenshotAsync("plans-approved-zh-CN-1280");
    }

    [Fact]
    public async Task An_agent_answers_a_needs_survey_on_a_phone()
    {
        await using var s = await app.OpenAsync("Plans.agent-survey-phone", width: 390, height: 844, mobile: true);
        var page = s.Page;
        await s.LogInAsync("agent");
        var tasks = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "我的培训任务" }) });
        await Expect(tasks).ToContainTextAsync("培训需求调查");
        await tasks.Locator("li", new() { HasText = "培训需求调查" }).GetByRole(AriaRole.Link, new() { Name = "打开" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交我的答案" })).ToBeVisibleAsync();

        // Nothing is wider than the phone, and every rating is a big tap target.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The survey is {overflow}px wider than the phone's screen.");
        var group = page.GetByRole(AriaRole.Group, new() { Name = "情绪管理能力（压力管理等）" });
        var box = await group.GetByText("非常需要").BoundingBoxAsync();
        Assert.True(box is not null);
        await s.ScreenshotAsync("plans-survey-phone-390x844");

        await group.GetByText("非常需要").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "工作技巧（营销技巧、投诉处理技巧等）" }).GetByText("比较需要").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "办公软件的使用、公文的写作等" }).GetByText("不需要").ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "新品与业务知识：你最想先学哪一部分？" }).FillAsync("益生菌固体饮料的禁忌人群");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交我的答案" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢，您的答案已提交。" })).ToBeVisibleAsync();
        await s.ScreenshotAsync("plans-survey-done-phone-390x844");

        // The task is gone from the home page.
        await page.GotoAsync("/");
        await Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "我的培训任务" }) }))
            .Not.ToContainTextAsync("培训需求调查");
    }

    [Fact]
    public async Task The_plan_pages_in_Chinese_and_English_and_the_printable_plan()
    {
        var lastMonth = DateOnly.ParseExact(ThisMonth() + "-01", "yyyy-MM-dd").AddMonths(-1).ToString("yyyy-MM");
        await using (var zh = await app.OpenAsync("Plans.pages-zh", locale: "zh-CN", width: 1280, height: 900))
        {
            await zh.LogInAsync("trainer");
            await zh.Page.GotoAsync($"/plans?month={lastMonth}");
            await zh.Page.GetByRole(AriaRole.Link, new() { Name = "咨询热线部", Exact = true }).ClickAsync();
            await Expect(zh.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("第 2 版");
            await Expect(zh.Page.GetByRole(AriaRole.Heading, new() { Name = "第 1 次修订" })).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-issued-revised-zh-CN-1280");
            var planUrl = zh.Page.Url;

            await zh.Page.GetByRole(AriaRole.Link, new() { Name = "版本对比" }).ClickAsync();
            await Expect(zh.Page.GetByRole(AriaRole.Cell, new() { Name = "新增" })).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-compare-zh-CN-1280");

            await zh.Page.GotoAsync(planUrl + "/print");
            await Expect(zh.Page.GetByRole(AriaRole.Columnheader, new() { Name = "对象", Exact = true })).ToBeVisibleAsync();
            await zh.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(zh.Page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
            await zh.ScreenshotAsync("plans-print-zh-CN");
            await zh.Page.EmulateMediaAsync(new() { Media = Media.Screen });

            await zh.Page.GotoAsync($"/plans/dashboard?month={lastMonth}");
            await Expect(zh.Page.GetByText("出勤率").First).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-dashboard-zh-CN-1280");

            await zh.Page.GotoAsync("/plans/reviews");
            await zh.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "业务汇总培训" }).First.ClickAsync();
            await Expect(zh.Page.GetByText("对考试试卷进行分析点评")).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-review-checklist-zh-CN-1280");

            await zh.Page.GotoAsync("/plans/needs");
            await Expect(zh.Page.GetByRole(AriaRole.Heading, new() { Name = "上报培训需求" })).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-needs-zh-CN-1280");

            await zh.Page.GotoAsync("/plans/surveys");
            await zh.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "综合技能培训需求调查" }).First.ClickAsync();
            await Expect(zh.Page.GetByRole(AriaRole.Heading, new() { Name = "按类别汇总结果" })).ToBeVisibleAsync();
            await zh.ScreenshotAsync("plans-survey-results-zh-CN-1280");

            await zh.Page.GotoAsync("/plans/evaluation?month=" + lastMonth);
            await zh.ScreenshotAsync("plans-evaluation-zh-CN-1280");
        }

        await using var en = await app.OpenAsync("Plans.pages-en", locale: "en-US", width: 1280, height: 900);
        await en.LogInAsync("trainer", english: true);
        await en.Page.GotoAsync($"/plans?month={lastMonth}");
        await en.Page.GetByRole(AriaRole.Link, new() { Name = "咨询热线部", Exact = true }).ClickAsync();
        await Expect(en.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Issued");
        await Expect(en.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Owner", Exact = true })).ToBeVisibleAsync();
        await en.ScreenshotAsync("plans-issued-revised-en-1280");
        await en.Page.GotoAsync($"/plans/dashboard?month={lastMonth}");
        await Expect(en.Page.GetByText("Attendance rate").First).ToBeVisibleAsync();
        await en.ScreenshotAsync("plans-dashboard-en-1280");

        // Plan pages fit a phone too.
        await using var phone = await app.OpenAsync("Plans.dashboard-phone", width: 390, height: 844, mobile: true);
        await phone.LogInAsync("manager");
        await phone.Page.GotoAsync($"/plans/dashboard?month={lastMonth}");
        await phone.ScreenshotAsync("plans-dashboard-phone-390x844");
        var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The dashboard is {overflow}px wider than the phone's screen.");
    }
}
