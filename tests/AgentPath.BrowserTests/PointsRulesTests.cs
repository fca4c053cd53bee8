using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>The training manager changes a points rule in the browser (R5.3 "rules are configurable"): a new version, confirmed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PointsRulesTests(AppFixture app)
{
    public sealed record Words(string Locale, bool English, string Points, string Rules, string Change, string Field, string Note, string Save, string Saved, string Version);

    public static readonly TheoryData<string> Languages = new() { "zh-CN", "en" };

    private static Words WordsFor(string locale, decimal min, decimal max) => locale == "en"
        ? new("en-US", true, "Performance points", "Points rules", $"Change Monthly business exam {min}–{max}%", "Points (negative = a deduction)", "Why the rules change",
            "Save as a new version", $"Saved: Monthly business exam {min}–{max}%, +3 points, as version 2.", "Version 2")
        : new("zh-CN", false, "绩效加扣分", "加扣分规则", $"修改业务考试 {min}–{max}%", "分值（负数为扣分）", "修改原因", "保存为新版本",
            $"已保存：业务考试 {min}–{max}%，+3 分，第 2 版。", "第 2 版");

    /// <summary>
    /// Journey: the training manager signs in on a desktop, opens the points rules from the header, picks a tier by its name,
    /// types the new points and why, saves, and reads the confirmation and the new version in the list. UI only.
    /// zh-CN on the 90–95% tier, en once on the 95–100% tier.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_training_manager_changes_a_points_rule_and_sees_the_new_version(string language)
    {
        var (min, max) = language == "en" ? (95m, 100m) : (90m, 95m);
        var w = WordsFor(language, min, max);
        var clicks = 0;
        await using var s = await app.OpenAsync("Points.rules-" + language, locale: w.Locale, width: 1280, height: 900);
        await s.LogInAsync("trainer", english: w.English);
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = w.Points, Exact = true }).ClickAsync(); clicks++;
        await s.Page.GetByRole(AriaRole.Link, new() { Name = w.Rules, Exact = true }).ClickAsync(); clicks++;
        await s.Page.GetByRole(AriaRole.Link, new() { Name = w.Change, Exact = true }).ClickAsync(); clicks++;
        await s.Page.GetByLabel(w.Field, new() { Exact = true }).FillAsync("3");
        await s.Page.GetByLabel(w.Note, new() { Exact = true }).FillAsync(language == "en" ? "Reward top scores more" : "提高高分奖励");
        await s.ScreenshotAsync($"points-rule-edit-{language}-1280");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = w.Save, Exact = true }).ClickAsync(); clicks++;

        await Expect(s.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Saved);
        var row = s.Page.GetByRole(AriaRole.Row).Filter(new() { Has = s.Page.GetByRole(AriaRole.Link, new() { Name = w.Change, Exact = true }) });
        await Expect(row).ToContainTextAsync("+3");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = w.Version, Exact = true })).ToBeVisibleAsync();
        await s.ScreenshotAsync($"points-rule-saved-{language}-1280");
        Assert.Equal(4, clicks);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var versions = await db.PointsRules.Where(r => r.Kind == ExamKind.MonthlyBusiness && r.MinPercent == min).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsCurrent)).ToList());
        Assert.Equal(3m, versions[1].Points);
    }
}
