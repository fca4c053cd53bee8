using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// One test's browser context and page. Disposing it saves a full-page screenshot of where the
/// test ended, passed or failed, for visual review.
/// </summary>
public sealed partial class BrowserSession(IBrowserContext context, IPage page, string screenshotDir, string testName) : IAsyncDisposable
{
    public const string DemoPassword = "AgentPath-demo-2026";

    /// <summary>The test's page; <see cref="NewPageAsync"/> replaces it with a new one in the same context.</summary>
    public IPage Page { get; private set; } = page;

    /// <summary>The test's browser context: its cookies, localStorage and network emulation (offline).</summary>
    public IBrowserContext Context { get; } = context;

    public string ScreenshotDir { get; } = screenshotDir;

    /// <summary>Signs in through the login form, in the page's current language (Chinese unless told otherwise).</summary>
    public async Task LogInAsync(string userName, bool english = false)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel(english ? "User name" : "用户名", new() { Exact = true }).FillAsync(userName);
        await Page.GetByLabel(english ? "Password" : "密码", new() { Exact = true }).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "登录", Exact = true }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());

        // The header's sign-out button shows on every screen size (on a phone the navigation folds behind a menu).
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign out" : "退出", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Opens a new page in the same context (same cookies and localStorage) and makes it <see cref="Page"/>;
    /// the old page is left as it is (close it first to simulate a closed tab).
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        Page = await Context.NewPageAsync();
        return Page;
    }

    /// <summary>The header navigation ("主导航" / "Main").</summary>
    public ILocator MainNav() => Page.GetByRole(AriaRole.Navigation, new() { NameRegex = MainNavName() });

    /// <summary>The number in the directory's heading, e.g. 25 in "人员 25".</summary>
    public async Task<int> DirectoryTotalAsync()
    {
        var heading = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(TotalHeading());
        var text = await heading.InnerTextAsync();
        return int.Parse(TotalHeading().Match(text).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Saves a screenshot named <paramref name="name"/>.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Page.IsClosed)
            {
                await ScreenshotAsync(Path.Combine("tests", testName));
            }
        }
        catch (PlaywrightException)
        {
            // The screenshot is for review only; a test's own failure matters more.
        }
        finally
        {
            await Context.CloseAsync();
        }
    }

    [GeneratedRegex("^(主导航|Main)$")]
    private static partial Regex MainNavName();

    [GeneratedRegex(@"/account/login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"^\s*\S+\s+(?<n>\d+)\s*$")]
    private static partial Regex TotalHeading();
}
