using Microsoft.Playwright;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// A reviewer turns on the TOTP second factor in Chromium, reading the key off the page as a person would type it into an
/// authenticator app (the code is computed in the test per RFC 6238), and signs in again with a code. Uses the Binjiang
/// reviewer, whom no other browser test signs in as: the portal is shared by the browser tests.
/// </summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class TwoFactorJourneyTests(PortalServer portal)
{
    private static readonly string Reviewer = DemoAccounts.ReviewerUser("binjiang");

    private static async Task PasswordStepAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(Reviewer);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task A_reviewer_turns_on_the_second_factor_and_signs_in_again_with_a_code()
    {
        var page = await portal.NewPageAsync();
        await PasswordStepAsync(page);
        await page.WaitForURLAsync("**/workbench");

        await page.Locator("[data-testid=account-security]").ClickAsync();
        await page.WaitForURLAsync("**/account/password");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("password-change.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "两步验证" }).ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor");
        var key = Totp.KeyFromDisplay(await page.Locator("[data-testid=shared-key]").InnerTextAsync());
        Assert.StartsWith("otpauth://totp/PolicyPortal%3Areviewer-binjiang?secret=", (await page.Locator("[data-testid=otpauth-uri]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var setupCode = await Totp.FreshCodeAsync(key);
        await page.GetByLabel("应用显示的验证码").FillAsync(setupCode);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("totp-setup.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "启用两步验证" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=two-factor-enabled]");
        Assert.Equal(10, await page.Locator("[data-testid=recovery-codes] code").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("totp-recovery-codes.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/$"));

        await PasswordStepAsync(page);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.GetByLabel("验证码或恢复码").FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await page.WaitForSelectorAsync("text=验证码不正确或已过期");
        await page.GetByLabel("验证码或恢复码").FillAsync(await Totp.FreshCodeAsync(key, setupCode)); // each code works once
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");
        Assert.Equal("滨江区审核员", (await page.Locator("[data-testid=signed-in-user]").InnerTextAsync()).Trim());
    }
}
