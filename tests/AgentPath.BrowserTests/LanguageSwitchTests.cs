using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(AppFixture app)
{
    [Fact]
    public async Task The_language_switch_shows_Chinese_and_English()
    {
        await using var s = await app.OpenAsync("LanguageSwitch");
        await s.LogInAsync("hr");
        var page = s.Page;
        var nav = s.MainNav();

        // Chinese, the default.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "花名册导入", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("陈静，您好");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "各阶段人数", Level = 2 })).ToBeVisibleAsync();

        // English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Roster import", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "首页" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, 陈静");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People by stage", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true })).ToBeVisibleAsync();

        // The choice is kept on the next page.
        await nav.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^People\s+\d+$"));
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Employee number", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();

        // And back to Chinese, on the same page.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, "/people").ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^人员\s+\d+$"));
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "工号", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
    }
}
