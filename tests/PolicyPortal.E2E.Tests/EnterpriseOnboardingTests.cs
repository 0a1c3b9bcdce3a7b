using Microsoft.Playwright;
using PolicyPortal.Domain.Enterprises;

namespace PolicyPortal.E2E.Tests;

/// <summary>A new enterprise registers (mistyping its credit code first), records a qualification and sees the clauses that fit.</summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class EnterpriseOnboardingTests(PortalServer portal)
{
    [Fact]
    public async Task A_new_enterprise_registers_records_a_qualification_and_sees_its_matches()
    {
        var code = CreditCode.WithCheckCharacter("91110302MA01E2E7X");
        var typo = code[..17] + (code[17] == '1' ? '2' : '1');
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "企业注册" }).ClickAsync();
        await page.GetByLabel("企业名称").FillAsync("亦庄智算科技有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync(typo);
        await page.GetByLabel("注册所在区").SelectOptionAsync("yizhuang");
        await page.GetByLabel("联系人").FillAsync("王芳");
        await page.GetByLabel("联系电话").FillAsync("13700001111");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Yz@2026pass");
        await page.GetByLabel("确认密码").FillAsync("Yz@2026pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=error-creditcode]")).ToContainTextAsync("校验位");
        Assert.Equal(typo, await page.GetByLabel("统一社会信用代码").InputValueAsync());
        Assert.Equal("亦庄智算科技有限公司", await page.GetByLabel("企业名称").InputValueAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("register-wrong-code.png"), FullPage = true });

        await page.GetByLabel("统一社会信用代码").FillAsync(code);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Yz@2026pass");
        await page.GetByLabel("确认密码").FillAsync("Yz@2026pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/enterprise/profile**");
        await Assertions.Expect(page.Locator("[data-testid=welcome]")).ToBeVisibleAsync();
        Assert.Equal("亦庄智算科技有限公司", await page.Locator("[data-testid=profile-name]").InnerTextAsync());

        await page.GetByLabel("生成式人工智能服务/模型已通过国家备案").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=profile-saved]")).ToBeVisibleAsync();
        Assert.True(await page.GetByLabel("生成式人工智能服务/模型已通过国家备案").IsCheckedAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("enterprise-profile.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "政策匹配" }).First.ClickAsync();
        await page.WaitForURLAsync("**/enterprise/matches");
        var filing = page.Locator("[data-testid=match][data-clause='yizhuang.3.1']");
        await Assertions.Expect(filing).ToContainTextAsync("可能符合");
        await Assertions.Expect(filing.Locator("[data-testid=estimate]")).ToHaveTextAsync("一次性 100 万元");
        await Assertions.Expect(page.Locator("[data-testid=window]")).ToContainTextAsync("申报中");
        await filing.Locator("summary").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("enterprise-matches.png"), FullPage = false });
    }
}
