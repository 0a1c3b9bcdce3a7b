using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>The demo enterprise drafts an application with two projects, watches the preview, and submits it.</summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class ApplicationJourneyTests(PortalServer portal)
{
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(DemoAccounts.EnterpriseUser);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");
    }

    private static async Task AddClaimAsync(IPage page, ILocator project, string clause, string amount)
    {
        await ClaimForms.SelectClauseAsync(project, clause);
        var form = project.Locator("[data-testid=claim-form]");
        await form.Locator("#amount").FillAsync(amount);
        foreach (var box in await form.Locator("input[name=attest]").AllAsync()) await box.CheckAsync();
        await Assertions.Expect(page.Locator($"[data-testid=preview-claim][data-clause='{clause}']").Last).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_application_with_two_projects_shows_its_preview_and_conflicts_and_is_submitted_with_a_tracking_number()
    {
        var page = await portal.NewPageAsync();
        await SignInAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await page.Locator("[data-testid=new-application]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/enterprise/applications/[0-9]+$"));
        await Assertions.Expect(page.Locator("[data-testid=app-status]")).ToHaveTextAsync("草稿");

        await page.GetByLabel("项目名称").FillAsync("大模型训练算力采购");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加项目" }).ClickAsync();
        var first = page.Locator("[data-testid=project]").Nth(0);
        await AddClaimAsync(page, first, "shijingshan.4.1", "20000000");
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("6,000,000 元");
        await first.Locator("#amount").FillAsync("50000000");
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("10,000,000 元");
        await first.Locator("[data-testid=add-claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-message]")).ToHaveTextAsync("申报事项已保存。");

        // The same project under 第四条's second rule: 从优不重复 (第十三条) keeps the more favourable one.
        await AddClaimAsync(page, page.Locator("[data-testid=project]").Nth(0), "shijingshan.4.2", "8000000");
        await Assertions.Expect(page.Locator("[data-testid=preview-conflict]")).ToContainTextAsync("从优不重复");
        await page.Locator("[data-testid=project]").Nth(0).Locator("[data-testid=add-claim]").ClickAsync();

        await page.GetByLabel("项目名称").FillAsync("数据资产登记");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加项目" }).ClickAsync();
        await AddClaimAsync(page, page.Locator("[data-testid=project]").Nth(1), "shijingshan.5.3", "200000");
        await page.Locator("[data-testid=project]").Nth(1).Locator("[data-testid=add-claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("10,060,000 元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("application-draft.png"), FullPage = true });

        await page.Locator("[data-testid=submit]").ClickAsync();
        await page.WaitForURLAsync("**submitted=1");
        await Assertions.Expect(page.Locator("[data-testid=app-status]")).ToHaveTextAsync("已提交");
        var number = await page.Locator("[data-testid=tracking-number]").InnerTextAsync();
        Assert.Matches("^SJS-[0-9]{4}-[0-9]{6}-[0-9X]$", number);
        await Assertions.Expect(page.Locator("[data-testid=app-message]")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=frozen-total]")).ToHaveTextAsync("10,060,000 元");
        await Assertions.Expect(page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("application-submitted.png"), FullPage = true });

        // The district's reviewer finds it in the queue.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(DemoAccounts.ReviewerUser("shijingshan"));
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");
        await page.GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await page.Locator("#q").FillAsync(number);
        await page.Locator("[data-testid=queue-apply]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=queue-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=queue-row]")).ToContainTextAsync("示例科技有限公司");
        await Assertions.Expect(page.Locator("[data-testid=queue-row]")).ToContainTextAsync("1,006 万元");
        await page.Locator("#q").FillAsync("");
        await page.Locator("[data-testid=queue-apply]").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("review-queue.png"), FullPage = true });
    }
}
