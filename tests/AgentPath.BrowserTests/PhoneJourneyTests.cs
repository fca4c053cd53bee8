using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// The day's work of a team lead and an agent on a 390 × 844 phone, through the UI only, in Chinese and once in English.
/// Each journey counts its clicks (taps on a button or link; typing and choosing in a list are not counted).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneJourneyTests(AppFixture app)
{
    private sealed record Words(
        string Locale, bool English, string Menu, string Apprentices, string RecordStep, string Note, string Saved, string CallLength,
        string Comment, string SaveEvaluation, string DailyEvaluations, string MyQa, string Awaiting, string Reason, string Dispute,
        string DisputeSent, string Disputed, string AllEvaluations, string Acknowledge, string Acknowledged);

    private static readonly Words Zh = new(
        "zh-CN", false, "菜单", "见习员工", "^登记第\\d步", "^备注 ", "已保存", "通话时长", "评语", "保存评估", "每日跟踪评估",
        "我的质检", "待坐席确认", "申诉理由", "申诉", "申诉已提交给质检，处理结果将通知您。", "申诉中", "全部质检评分", "确认无异议", "您已确认此评分。");

    private static readonly Words En = new(
        "en-US", true, "Menu", "Apprentices", "^Record step \\d", "^Note ", "Saved", "Call length", "Comment", "Save the evaluation", "Daily evaluations",
        "My QA evaluations", "Awaiting the agent", "Reason for the dispute", "Dispute", "Your dispute has been sent to QA. You will be notified of the decision.", "Disputed",
        "All evaluations", "Acknowledge", "You acknowledged this evaluation.");

    public static TheoryData<string> Languages => new() { "zh-CN", "en" };

    private static Words For(string language) => language == "en" ? En : Zh;

    /// <summary>Journey (a): the lead, on the floor with a phone, records the next coaching step of an apprentice and today's daily evaluation.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_team_lead_records_a_coaching_step_and_a_daily_evaluation_on_a_phone(string language)
    {
        var w = For(language);
        await using var s = await app.OpenAsync($"PhoneJourney.lead-{language}", locale: w.Locale, width: 390, height: 844, mobile: true);
        var page = s.Page;
        var clicks = 0;
        await s.LogInAsync("lead", w.English);

        await page.GetByRole(AriaRole.Button, new() { Name = w.Menu, Exact = true }).ClickAsync(); clicks++;
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = w.Apprentices, Exact = true }).ClickAsync(); clicks++;
        await PhoneFit.AssertFitsThePhoneAsync(page, "The apprentices page");
        await s.ScreenshotAsync($"phone-lead-apprentices-{language}");

        // Its own apprentice: the desktop coaching test takes the first, the Chinese journey the second, the English one the third.
        var apprentice = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).Nth(language == "en" ? 2 : 1);
        var name = (await apprentice.InnerTextAsync()).Trim();
        await apprentice.ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await PhoneFit.AssertFitsThePhoneAsync(page, $"The coaching page of {name}");
        await s.ScreenshotAsync($"phone-lead-coaching-{language}");

        var step = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(w.RecordStep) }).First;
        var stepName = (await step.InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex(w.Note) }).First.FillAsync(w.English ? "Watched me take two refund calls" : "看组长接了两通退货来电");
        await step.ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(w.Saved);
        Assert.NotEqual(stepName, (await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(w.RecordStep) }).First.InnerTextAsync()).Trim());
        await PhoneFit.AssertFitsThePhoneAsync(page, "The coaching page after a step");

        var evaluations = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = w.DailyEvaluations, Exact = true, Level = 2 }) });
        var comment = w.English ? "Calm opening, reassured the caller well" : "开场白简洁，安抚到位，语速稍快";
        await page.GetByRole(AriaRole.Combobox, new() { Name = w.CallLength }).First.SelectOptionAsync("5");
        await page.GetByLabel(w.Comment, new() { Exact = true }).FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = w.SaveEvaluation, Exact = true }).ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(w.Saved);
        await Expect(evaluations.GetByText(comment, new() { Exact = true })).ToBeVisibleAsync();
        await PhoneFit.AssertFitsThePhoneAsync(page, "The coaching page after a daily evaluation");
        await s.ScreenshotAsync($"phone-lead-evaluated-{language}");
        await evaluations.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync($"phone-lead-evaluated-{language}-viewport", fullPage: false);

        Assert.Equal(5, clicks);
        Console.WriteLine($"Journey lead-coaching ({language}): {clicks} clicks");
    }

    /// <summary>Journey (b): the agent disputes one evaluation of their calls and acknowledges another, each with a confirmation.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_agent_disputes_one_evaluation_and_acknowledges_another_on_a_phone(string language)
    {
        var w = For(language);
        await using var s = await app.OpenAsync($"PhoneJourney.agent-{language}", locale: w.Locale, width: 390, height: 844, mobile: true);
        var page = s.Page;
        var clicks = 0;
        await s.LogInAsync("agent", w.English);

        await page.GetByRole(AriaRole.Button, new() { Name = w.Menu, Exact = true }).ClickAsync(); clicks++;
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = w.MyQa, Exact = true }).ClickAsync(); clicks++;
        await PhoneFit.AssertFitsThePhoneAsync(page, "The agent's evaluations");
        await s.ScreenshotAsync($"phone-agent-evaluations-{language}");

        // Dispute the first evaluation that awaits the agent.
        await Awaiting(page, w).First.ClickAsync(); clicks++;
        await PhoneFit.AssertFitsThePhoneAsync(page, "An evaluation awaiting the agent");
        var reason = w.English ? "The caller asked twice; the line was breaking up, not my pace." : "客户两次要求重复是因为线路杂音，不是语速问题";
        await page.GetByLabel(w.Reason, new() { Exact = true }).FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = w.Dispute, Exact = true }).ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.DisputeSent);
        await Expect(page.GetByText(reason)).ToBeVisibleAsync();
        await Expect(page.GetByText(w.Disputed).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = w.Acknowledge, Exact = true })).ToHaveCountAsync(0);
        await PhoneFit.AssertFitsThePhoneAsync(page, "The disputed evaluation");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await s.ScreenshotAsync($"phone-agent-disputed-{language}", fullPage: false);

        // Back to the list, acknowledge the next one.
        await page.GetByRole(AriaRole.Link, new() { Name = w.AllEvaluations, Exact = true }).ClickAsync(); clicks++;
        await Awaiting(page, w).First.ClickAsync(); clicks++;
        await page.GetByRole(AriaRole.Button, new() { Name = w.Acknowledge, Exact = true }).ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Acknowledged);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = w.Acknowledge, Exact = true })).ToHaveCountAsync(0);
        await PhoneFit.AssertFitsThePhoneAsync(page, "The acknowledged evaluation");
        await s.ScreenshotAsync($"phone-agent-acknowledged-{language}", fullPage: false);

        Assert.Equal(7, clicks);
        Console.WriteLine($"Journey agent-dispute-acknowledge ({language}): {clicks} clicks");
    }

    /// <summary>The links (call times) of the rows whose status says the evaluation awaits the agent.</summary>
    private static ILocator Awaiting(IPage page, Words w) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(w.Awaiting, new() { Exact = true }) }).GetByRole(AriaRole.Link);
}
