using Microsoft.Playwright;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>A person opens the portal in Chromium and signs in as the demo enterprise.</summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class SignInJourneyTests(PortalServer portal)
{
    [Fact]
    public async Task Demo_enterprise_signs_in_from_the_home_page_and_sees_its_workbench()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("政策兑现服务平台", await page.TitleAsync());
        Assert.Equal(5, await page.Locator("[data-testid=district-list] .card").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "登录后申报" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.GetByLabel("用户名").FillAsync(DemoAccounts.EnterpriseUser);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("用户名或密码不正确。", (await page.Locator("[data-testid=login-error]").InnerTextAsync()).Trim());
        Assert.Equal(DemoAccounts.EnterpriseUser, await page.GetByLabel("用户名").InputValueAsync());

        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("sign-in.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");

        Assert.Equal("示例科技有限公司", (await page.Locator("[data-testid=signed-in-user]").InnerTextAsync()).Trim());
        Assert.Equal("企业", (await page.Locator("[data-testid=workbench-role]").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("workbench-enterprise.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/$"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).CountAsync());
    }

    [Fact]
    public async Task The_English_switch_translates_the_layout()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=language-switch]").ClickAsync();
        await page.WaitForSelectorAsync("text=AI-industry subsidies in one place");
        Assert.Equal("PolicyPortal", await page.TitleAsync());
    }
}
