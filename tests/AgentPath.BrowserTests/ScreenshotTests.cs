using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>Screenshots for visual review, in test-output/screenshots at the repository root.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(AppFixture app)
{
    [Fact]
    public async Task The_directory_in_Chinese_and_English_on_a_desktop()
    {
        // The English one is reached through the browser's language: the header switch is broken (see LanguageSwitchTests).
        string chinese, induction, english;
        await using (var zh = await app.OpenAsync("Screenshots.directory-zh-CN", locale: "zh-CN", width: 1280, height: 800))
        {
            await zh.LogInAsync("hr");
            await zh.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
            await Expect(zh.Page.GetByRole(AriaRole.Columnheader, new() { Name = "工号", Exact = true })).ToBeVisibleAsync();
            chinese = await zh.ScreenshotAsync("directory-zh-CN-1280x800");

            // The induction cohort includes a name outside the BMP (𠮷祥), a test of the CJK fonts.
            var filters = zh.Page.GetByRole(AriaRole.Search);
            await filters.GetByLabel("阶段").SelectOptionAsync(new SelectOptionValue { Label = "实习期" });
            await filters.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
            await Expect(zh.Page.GetByRole(AriaRole.Link, new() { Name = "𠮷祥", Exact = true })).ToBeVisibleAsync();
            induction = await zh.ScreenshotAsync("directory-zh-CN-induction-1280x800");
        }

        await using (var en = await app.OpenAsync("Screenshots.directory-en", locale: "en-US", width: 1280, height: 800))
        {
            await en.LogInAsync("hr", english: true);
            await en.MainNav().GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
            await Expect(en.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Employee number", Exact = true })).ToBeVisibleAsync();
            english = await en.ScreenshotAsync("directory-en-1280x800");
        }

        AssertNonEmptyPng(chinese);
        AssertNonEmptyPng(induction);
        AssertNonEmptyPng(english);
    }

    [Fact]
    public async Task The_home_page_of_an_agent_on_a_phone()
    {
        await using var s = await app.OpenAsync("Screenshots.home-phone", width: 390, height: 844, mobile: true);
        var page = s.Page;
        await s.LogInAsync("agent");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("马晓东，您好");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的阶段", Level = 2 })).ToBeVisibleAsync();
        var home = await s.ScreenshotAsync("home-agent-phone-390x844");

        // Nothing is wider than the phone's screen.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The home page is {overflow}px wider than the phone's screen.");

        // On a phone the navigation folds behind the menu button.
        var nav = s.MainNav();
        await Expect(nav).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "菜单", Exact = true }).ClickAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "我的培训", Exact = true })).ToBeVisibleAsync();
        var menu = await s.ScreenshotAsync("home-agent-phone-390x844-menu");

        AssertNonEmptyPng(home);
        AssertNonEmptyPng(menu);
    }

    private static void AssertNonEmptyPng(string path)
    {
        var file = new FileInfo(path);
        Assert.True(file.Exists, $"{path} was not written.");
        Assert.True(file.Length > 1000, $"{path} is only {file.Length} bytes.");
        using var stream = file.OpenRead();
        var signature = new byte[8];
        stream.ReadExactly(signature);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
    }
}
