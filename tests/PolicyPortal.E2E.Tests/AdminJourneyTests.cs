using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// An administrator in Chromium: lowers a yearly cap in the clause editor, reads the what-if preview, submits the change;
/// a second administrator approves it and the new version is in force. Screenshots: docs/screenshots/admin-*.png.
/// </summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class AdminJourneyTests(PortalServer portal)
{
    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/workbench"));
    }

    [Fact]
    public async Task An_admin_lowers_a_cap_reads_the_what_if_and_a_second_admin_approves_it()
    {
        var page = await portal.NewPageAsync();
        await SignInAsync(page, DemoAccounts.AdminUser);
        await page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "政策目录" }).First.ClickAsync();
        await page.Locator("select[name=district]").SelectOptionAsync("shijingshan");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.Locator("[data-testid='edit-shijingshan.6.2']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("shijingshan.6.2");

        // An impossible value first: a clear message next to the field, nothing saved.
        await page.Locator("#rate").FillAsync("120");
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.Locator("#rate + .input-group-text + .invalid-feedback")).ToHaveTextAsync("比例须在 0–100% 之间");
        await page.Locator("#rate").FillAsync("100");

        // Lower the ¥5,000,000 yearly cap (第六条) to ¥3,000,000 and preview.
        await page.Locator("[id='limit.EnterpriseYear']").FillAsync("3000000");
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=differences]")).ToContainTextAsync("shijingshan.6.2 limit EnterpriseYear: 5,000,000 → 3,000,000");
        await Assertions.Expect(page.Locator("[data-testid=whatif]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=whatif-after]")).ToContainTextAsync("元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-whatif.png"), FullPage = true });

        // Submitting needs a reason; with one it waits for a second administrator.
        await page.Locator("[data-testid=propose]").ClickAsync();
        await Assertions.Expect(page.Locator("#reason + .invalid-feedback")).ToContainTextAsync("请填写修改理由");
        await page.Locator("[id='limit.EnterpriseYear']").FillAsync("3000000");
        await page.Locator("#reason").FillAsync("年度预算调整，运营经费上限下调");
        await page.Locator("[data-testid=propose]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=editor-message]")).ToHaveTextAsync("已提交审批，待另一名管理员批准。");
        await page.GotoAsync("/admin/catalog?district=shijingshan");
        await Assertions.Expect(page.Locator("[data-testid=versions]")).ToContainTextAsync("您提交的修改，须由另一名管理员审批");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        var checker = await portal.NewPageAsync();
        await SignInAsync(checker, DemoAccounts.CheckerUser);
        await checker.GotoAsync("/admin/catalog?district=shijingshan");
        await checker.Locator("[data-testid=approve-version]").First.ClickAsync();
        await Assertions.Expect(checker.Locator("[data-testid=catalog-message]")).ToContainTextAsync("已批准");
        await Assertions.Expect(checker.Locator("[data-testid=catalog-parts]")).ToContainTextAsync("EnterpriseYear≤¥3,000,000");
        await checker.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-versions.png"), FullPage = true });

        // The public calculator now uses the new cap.
        var calculator = await portal.NewPageAsync();
        var response = await calculator.APIRequest.PostAsync("/api/v1/calculations", new()
        {
            DataObject = new { district = "shijingshan", year = 2026, claims = new[] { new { id = "a", clause = "shijingshan.6.2", project = "运营", amount = 4_000_000m } } },
        });
        Assert.True(response.Ok, await response.TextAsync());
        Assert.Contains("3000000", (await response.TextAsync()).Replace(".00", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
