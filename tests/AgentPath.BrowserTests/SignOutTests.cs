using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(AppFixture app)
{
    [Fact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        await using var s = await app.OpenAsync("SignOut");
        await s.LogInAsync("agent");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true })).ToHaveCountAsync(0);

        // The session is gone: a signed-in page sends the visitor back to the login form.
        await s.Page.GotoAsync("/people/me");
        await Expect(s.Page.GetByLabel("用户名", new() { Exact = true })).ToBeVisibleAsync();
    }
}
