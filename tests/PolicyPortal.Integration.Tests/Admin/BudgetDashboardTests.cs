using System.Net;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>The budget dashboard on PostgreSQL: its figures are the sums of what was seeded, by the rules stated on the page.</summary>
public sealed class BudgetDashboardTests() : AdminTest("budgets")
{
    private const long Wan = 1_000_000; // 1 万元 in fen

    private async Task SeedAsync()
    {
        var a = await EnterpriseAsync("亦庄智算科技有限公司", "yizhuang", "91110302MA01CD2E3");
        var b = await EnterpriseAsync("经开区模型应用有限公司", "yizhuang", "91110302MA01CD2F4");
        var c = await EnterpriseAsync("滨江语料有限公司", "binjiang", "91330108MA01CD2G5");
        // Decided: approved amounts count; a rejected claim (approved 0) does not.
        await ApplicationAsync(a, "yizhuang", ApplicationStatus.Approved,
            new SeedClaim("智算中心", "yizhuang.1.1", ClaimDecision.Approved, 300 * Wan, 320 * Wan),
            new SeedClaim("国产服务器", "yizhuang.2.1", ClaimDecision.Approved, 50 * Wan, 50 * Wan));
        await ApplicationAsync(b, "yizhuang", ApplicationStatus.PartiallyApproved,
            new SeedClaim("推理服务", "yizhuang.1.1", ClaimDecision.Approved, 120 * Wan, 120 * Wan),
            new SeedClaim("模型落地", "yizhuang.8.1", ClaimDecision.Rejected, 0, 80 * Wan));
        // Awaiting 复审, and partly decided under review: the approvals are charged already, so they count as approved.
        await ApplicationAsync(a, "yizhuang", ApplicationStatus.AwaitingSecondReview, new SeedClaim("模型券", "yizhuang.8.1", ClaimDecision.Approved, 60 * Wan, 60 * Wan));
        await ApplicationAsync(b, "yizhuang", ApplicationStatus.UnderReview,
            new SeedClaim("训练", "yizhuang.1.1", ClaimDecision.Approved, 10 * Wan, 10 * Wan),
            new SeedClaim("推理", "yizhuang.1.1", null, null, 25 * Wan));
        // Pending: undecided claims at their frozen amounts.
        await ApplicationAsync(a, "yizhuang", ApplicationStatus.Submitted,
            new SeedClaim("二期算力", "yizhuang.1.1", null, null, 200 * Wan),
            new SeedClaim("模型备案", "yizhuang.3.1", null, null, 30 * Wan));
        await ApplicationAsync(b, "yizhuang", ApplicationStatus.ReturnedForSupplement, new SeedClaim("应用补正", "yizhuang.8.1", null, null, 45 * Wan));
        // Not counted: withdrawn, draft, another year, another district.
        await ApplicationAsync(a, "yizhuang", ApplicationStatus.Withdrawn, new SeedClaim("撤回", "yizhuang.1.1", null, null, 999 * Wan));
        await ApplicationAsync(b, "yizhuang", ApplicationStatus.Draft, new SeedClaim("草稿", "yizhuang.1.1", null, null, 111 * Wan));
        await ApplicationAsync(a, "yizhuang", 2025, ApplicationStatus.Approved, new SeedClaim("去年", "yizhuang.1.1", ClaimDecision.Approved, 777 * Wan, 777 * Wan));
        await ApplicationAsync(c, "binjiang", ApplicationStatus.Approved, new SeedClaim("语料采购", "binjiang.7.1", ClaimDecision.Approved, 88 * Wan, 88 * Wan));
    }

    [Fact]
    public async Task The_dashboard_figures_equal_the_sums_seeded_per_district_pool_clause_and_year()
    {
        await SeedAsync();
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        var html = await admin.GetStringAsync(new Uri($"/admin/budgets?district=yizhuang&year={Year}", UriKind.Relative));

        Assert.Equal(540 * Wan, Fen(html, "total-approved")); // 300 + 50 + 120 + 60 + 10
        Assert.Equal(300 * Wan, Fen(html, "total-pending"));  // 25 + 200 + 30 + 45

        var compute = Row(html, "data-pool", "yizhuang.compute-voucher");
        Assert.Equal(430 * Wan, Fen(compute, "pool-approved"));
        Assert.Equal(225 * Wan, Fen(compute, "pool-pending"));
        Assert.Equal((10_000 - 430) * Wan, Fen(compute, "pool-remaining"));
        Assert.Equal((10_000 - 430 - 225) * Wan, Fen(compute, "pool-after-pending"));
        var model = Row(html, "data-pool", "yizhuang.model-voucher");
        Assert.Equal(60 * Wan, Fen(model, "pool-approved"));
        Assert.Equal(45 * Wan, Fen(model, "pool-pending"));
        Assert.Equal((10_000 - 60) * Wan, Fen(model, "pool-remaining"));

        Assert.Equal(50 * Wan, Fen(Row(html, "data-clause", "yizhuang.2.1"), "part-approved"));
        Assert.Equal(30 * Wan, Fen(Row(html, "data-clause", "yizhuang.3.1"), "part-pending"));
        // 万元 shown, the exact 元 in the title; the chart's figures ride in a data attribute for budgets.js.
        Assert.Contains("title=\"5,400,000 元\">540 万元</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-budget-chart=\"pool\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"js/budgets.js\"></script>", html, StringComparison.Ordinal);

        // The portal-wide overview: each district's own totals.
        Assert.Equal(540 * Wan, long.Parse(System.Text.RegularExpressions.Regex.Match(Row(html, "data-district", "yizhuang"), "data-fen=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("data-fen=\"88000000\"", Row(html, "data-district", "binjiang"), StringComparison.Ordinal);

        var lastYear = await admin.GetStringAsync(new Uri("/admin/budgets?district=yizhuang&year=2025", UriKind.Relative));
        Assert.Equal(777 * Wan, Fen(lastYear, "total-approved"));
        Assert.Equal(0, Fen(lastYear, "total-pending"));
    }

    [Fact]
    public async Task A_district_admin_sees_only_their_district_and_others_are_denied()
    {
        await SeedAsync();
        var districtAdmin = await DistrictAdminAsync("yizhuang");
        using var own = await SignInAsync(districtAdmin);
        var html = await own.GetStringAsync(new Uri("/admin/budgets", UriKind.Relative));
        Assert.Equal(540 * Wan, Fen(html, "total-approved"));
        Assert.DoesNotContain("budget-overview", html, StringComparison.Ordinal); // no other district's figures
        Assert.DoesNotContain("name=\"district\"", html, StringComparison.Ordinal); // no district selector

        foreach (var path in new[] { "/admin/budgets?district=binjiang", "/admin/notices?district=binjiang", "/admin/payments?district=binjiang",
                     "/admin/notices/live/csv?district=binjiang", "/admin/notices/live/xlsx?district=binjiang", "/admin/budgets?district=nowhere" })
        {
            using var response = await GetAsync(own, path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using var portalWide = await SignInAsync(DemoAccounts.AdminUser);
        using (var response = await GetAsync(portalWide, "/admin/budgets?district=nowhere"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        foreach (var user in new[] { DemoAccounts.EnterpriseUser, DemoAccounts.ReviewerUser("yizhuang") })
        {
            using var client = await SignInAsync(user);
            foreach (var path in new[] { "/admin", "/admin/budgets", "/admin/notices", "/admin/payments", "/admin/notices/live/csv" })
            {
                using var response = await GetAsync(client, path);
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{user} {path}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                    Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var response = await GetAsync(anonymous, "/admin/budgets"))
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
