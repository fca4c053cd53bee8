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
        await using var s = await app.OpenAsync("Screenshots.directory", width: 1280, height: 800);
        await s.LogInAsync("hr");
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Columnheader, new() { Name = "工号", Exact = true })).ToBeVisibleAsync();
        var chinese = await s.ScreenshotAsync("directory-zh-CN-1280x800");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Employee number", Exact = true })).ToBeVisibleAsync();
        var english = await s.ScreenshotAsync("directory-en-1280x800");

        AssertNonEmptyPng(chinese);
        AssertNonEmptyPng(english);
    }

    [Fact]
    public async Task The_home_page_of_an_agent_on_a_phone()
    {
        await using var s = await app.OpenAsync("Screenshots.home-phone", width: 390, height: 844, mobile: true);
        await s.LogInAsync("agent");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("马晓东，您好");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "我的阶段", Level = 2 })).ToBeVisibleAsync();
        var path = await s.ScreenshotAsync("home-agent-phone-390x844");
        AssertNonEmptyPng(path);
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
