using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// An administrator in Chromium: lowers a yearly cap in the clause editor, reads the what-if preview, submits the change;
/// a second administrator approves it and the new version is in force; then the budget dashboard, and the 公示名单 frozen,
/// published and downloaded as CSV (parsed here). Screenshots: docs/screenshots/admin-*.png.
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
        await SeedPendingAsync();
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
        await Assertions.Expect(page.Locator("[data-testid=differences]")).ToContainTextAsync("shijingshan.6.2 每家企业每年上限：5,000,000 元 → 3,000,000 元");
        await Assertions.Expect(page.Locator("[data-testid=whatif]")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=whatif-row]").Filter(new() { HasText = "石景山运营示范有限公司" });
        await Assertions.Expect(row).ToContainTextAsync("4,000,000 元");
        await Assertions.Expect(row).ToContainTextAsync("3,000,000 元");
        await Assertions.Expect(row).ToContainTextAsync("-1,000,000 元");
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

    /// <summary>A submitted application in 石景山 with a ¥4,000,000 operating-cost claim (第六条), frozen under version 1.</summary>
    private async Task SeedPendingAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var enterprise = new Enterprise
        {
            CreditCode = CreditCode.WithCheckCharacter("91110107MA01YYRF3"), Name = "石景山运营示范有限公司", District = "shijingshan", ContactName = "钱七",
            ContactPhone = "13600000000", OwnerUserId = "e2e-shijingshan-owner", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        db.Applications.Add(new Application
        {
            EnterpriseId = enterprise.Id, District = "shijingshan", Year = year, Status = ApplicationStatus.Submitted, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("shijingshan", year, 902).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
            FrozenTotalFen = 400_000_000,
            Projects = [new Project { Name = "国家级平台运营", Claims = [new Claim { Clause = "shijingshan.6.2", AmountFen = 400_000_000, FrozenGrantedFen = 400_000_000 }] }],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An approved award in 亦庄 (no other browser test uses that district), as the review would leave it.</summary>
    private async Task<(string Enterprise, string Code)> SeedApprovedAwardAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var code = CreditCode.WithCheckCharacter("91110302MA01GCMD7");
        var enterprise = new Enterprise
        {
            CreditCode = code, Name = "亦庄算力示范有限公司", District = "yizhuang", ContactName = "赵六", ContactPhone = "13700000000",
            OwnerUserId = "e2e-yizhuang-owner", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        db.Applications.Add(new Application
        {
            EnterpriseId = enterprise.Id, District = "yizhuang", Year = year, Status = ApplicationStatus.Approved, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("yizhuang", year, 901).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
            FrozenTotalFen = 300_000_000,
            Projects = [new Project { Name = "智算中心算力采购", Claims = [new Claim
            {
                Clause = "yizhuang.1.1", AmountFen = 1_000_000_000, FrozenGrantedFen = 300_000_000, Decision = ClaimDecision.Approved, ApprovedFen = 300_000_000,
            }] }],
        });
        await db.SaveChangesAsync();
        return (enterprise.Name, code);
    }

    [Fact]
    public async Task An_admin_sees_the_budgets_publishes_the_notice_list_and_downloads_it_as_CSV()
    {
        var (name, code) = await SeedApprovedAwardAsync();
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        var page = await portal.NewPageAsync();
        await SignInAsync(page, DemoAccounts.AdminUser);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "预算" }).First.ClickAsync();
        await page.GotoAsync($"/admin/budgets?district=yizhuang&year={year}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("300");
        await page.WaitForTimeoutAsync(500); // the charts draw
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-budgets.png"), FullPage = true });

        await page.GotoAsync($"/admin/notices?district=yizhuang&year={year}");
        await Assertions.Expect(page.Locator("[data-testid=notice-table]").First).ToContainTextAsync(name);
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice-message]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=current-notice]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-notices.png"), FullPage = true });

        // The public page, signed out, and its CSV download.
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync($"/notices/yizhuang/{year}");
        await Assertions.Expect(visitor.Locator("[data-testid=public-notice]")).ToContainTextAsync(code);
        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.Locator("[data-testid=download-csv]").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // UTF-8 BOM: Excel opens it with the Chinese intact
        using var reader = new StringReader(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync()) rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "")]);
        Assert.Equal(["序号", "企业名称", "统一社会信用代码", "项目名称", "条款编号", "条款名称", "核定金额（元）"], rows[0]);
        var line = rows.Single(r => r[2] == code);
        Assert.Equal((name, "智算中心算力采购", "yizhuang.1.1"), (line[1], line[3], line[4]));
        Assert.Equal(3_000_000m, decimal.Parse(line[6], NumberStyles.Number, CultureInfo.InvariantCulture));
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("notice-public.png"), FullPage = true });

        // The policy's running settings: an impossible reminder window is refused, a sensible one is kept.
        await page.GotoAsync("/admin/settings");
        var yizhuang = page.Locator("[data-testid=policy-yizhuang]");
        await yizhuang.Locator("input[name=reminderDays]").FillAsync("0");
        await yizhuang.Locator("[data-testid=save-yizhuang]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-message]")).ToContainTextAsync("到期提醒须提前");
        await yizhuang.Locator("input[name=reminderDays]").FillAsync("5");
        await yizhuang.Locator("[data-testid=save-yizhuang]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-message]")).ToHaveClassAsync(new Regex("alert-success"));
        await Assertions.Expect(yizhuang.Locator("input[name=reminderDays]")).ToHaveValueAsync("5");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-settings.png"), FullPage = true });
    }
}
