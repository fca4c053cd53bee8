using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class LanguageTests(AppFixture app)
{


    [Fact]
    public async Task The_language_switch_shows_Chinese_and_English()
    {
        await using var s = await app.OpenAsync("LanguageSwitch");
        await s.LogInAsync("hr");
        var page = s.Page;

        await ExpectChineseHomeAsync(s);

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await ExpectEnglishHomeAsync(s);

        // The choice is kept on the next page.
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await ExpectEnglishDirectoryAsync(page);

        // And back to Chinese, on the same page.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, "/people").ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ChineseDirectoryHeading());
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "工号", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Without a choice made with the switch, the app follows the browser's language.</summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_pages_follow_the_browser_language(string locale)
    {
        await using var s = await app.OpenAsync("BrowserLanguage." + locale, locale: locale);
        var english = locale.StartsWith("en", StringComparison.Ordinal);
        await s.LogInAsync("hr", english);
        if (english)
        {
            await ExpectEnglishHomeAsync(s);
            await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
            await ExpectEnglishDirectoryAsync(s.Page);
        }
        else
        {
            await ExpectChineseHomeAsync(s);
            await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
            await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ChineseDirectoryHeading());
            await Expect(s.Page.GetByRole(AriaRole.Columnheader, new() { Name = "工号", Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task English_pages_show_stage_names_not_resource_keys()
    {
        await using var s = await app.OpenAsync("EnglishStageNames", locale: "en-US");
        await s.LogInAsync("hr", english: true);
        await Expect(s.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(ResourceKey());

        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await ExpectEnglishDirectoryAsync(s.Page);
        await Expect(s.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(ResourceKey());
        await Expect(s.Page.GetByRole(AriaRole.Search).GetByLabel("Stage").GetByRole(AriaRole.Option, new() { Name = "Regular" })).ToHaveCountAsync(1);
    }

    private static async Task ExpectChineseHomeAsync(BrowserSession s)
    {
        var page = s.Page;
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true })).ToBeVisibleAsync();
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "花名册导入", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("陈静，您好");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "各阶段人数", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task ExpectEnglishHomeAsync(BrowserSession s)
    {
        var page = s.Page;
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "Roster import", Exact = true })).ToBeVisibleAsync();
        await Expect(s.MainNav().GetByRole(AriaRole.Link, new() { Name = "首页" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, 陈静");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People by stage", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task ExpectEnglishDirectoryAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(EnglishDirectoryHeading());
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Employee number", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"\b(Stage|Audit)\.[A-Z]")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"^People\s+\d+$")]
    private static partial Regex EnglishDirectoryHeading();

    [GeneratedRegex(@"^人员\s+\d+$")]
    private static partial Regex ChineseDirectoryHeading();
}
