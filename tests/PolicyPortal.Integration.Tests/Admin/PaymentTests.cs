using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Admin.Payments;
using SecurityClaim = System.Security.Claims.Claim;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// 拨付 on PostgreSQL with a clock the test moves: nothing is paid before the notice period ends, a batch pays every ticked
/// award under one voucher, an award is never paid twice (also by two administrators at once), and the enterprise sees it.
/// </summary>
public sealed class PaymentTests() : AdminTest("payments")
{
    private const string District = "shijingshan";
    private const string Operations = "shijingshan.6.2";

    private async Task<List<long>> SeedAndPublishAsync()
    {
        var demo = await DemoEnterpriseAsync();
        var other = await EnterpriseAsync("石景山算法有限公司", District, "91110107MA01PY7L8");
        var claims = new List<long>();
        claims.AddRange(ClaimIds(await ApplicationAsync(demo, District, ApplicationStatus.Approved,
            new SeedClaim("智算平台运营", Operations, ClaimDecision.Approved, 120_000_000, 120_000_000),
            new SeedClaim("数据运营", Operations, ClaimDecision.Approved, 30_000_000, 30_000_000))));
        claims.AddRange(ClaimIds(await ApplicationAsync(other, District, ApplicationStatus.Approved,
            new SeedClaim("算法平台", Operations, ClaimDecision.Approved, 45_000_000, 45_000_000))));
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        using var published = await Forms.SubmitAsync(admin, $"/admin/notices?district={District}&year={Year}", new Dictionary<string, string> { ["days"] = "7" });
        Assert.Contains("公示名单已冻结并发布", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return claims;
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient admin, IEnumerable<long> claims, string reference, string paidOn, string district = District, string? tokensFrom = null) =>
        Forms.SubmitAsync(admin, $"/admin/payments?district={district}&year={Year}",
            new Dictionary<string, string> { ["_handler"] = "pay", ["district"] = district, ["year"] = "2026", ["paidOn"] = paidOn, ["reference"] = reference },
            claims.Select(c => KeyValuePair.Create("ids", c.ToString(CultureInfo.InvariantCulture))), tokensFrom: tokensFrom ?? $"/admin/payments?district={District}&year={Year}");

    private static ClaimsPrincipal PortalAdmin() => new(new ClaimsIdentity(
        [new SecurityClaim(ClaimTypes.NameIdentifier, "admin-id"), new SecurityClaim(ClaimTypes.Name, "admin"), new SecurityClaim(ClaimTypes.Role, PortalRoles.Admin)], "test"));

    [Fact]
    public async Task Payment_waits_for_the_notice_period_a_batch_pays_all_and_an_award_is_never_paid_twice()
    {
        var claims = await SeedAndPublishAsync();

        // Still in the notice period (published Tuesday 1 December, 7 working days: until Thursday 10 December).
        Clock.Now = new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero); // 23:00 on the 10th in Beijing
        using (var admin = await SignInAsync(DemoAccounts.AdminUser))
        {
            var page = await admin.GetStringAsync(new Uri($"/admin/payments?district={District}&year={Year}", UriKind.Relative));
            Assert.DoesNotContain("data-testid=\"pay-select\"", page, StringComparison.Ordinal);
            var refused = await (await PayAsync(admin, [claims[0]], "BK-2026-001", "2026-12-10")).Content.ReadAsStringAsync();
            Assert.Contains("公示期至 2026-12-10 结束，公示期满后方可拨付", refused, StringComparison.Ordinal);
        }
        await using (var db = Database.CreateContext())
            Assert.Empty(await db.Payments.ToListAsync());

        // The next day the period is over: a batch under one voucher pays both ticked awards.
        Clock.Now = new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero); // 00:00 on the 11th in Beijing
        using (var admin = await SignInAsync(DemoAccounts.AdminUser))
        {
            var page = await admin.GetStringAsync(new Uri($"/admin/payments?district={District}&year={Year}", UriKind.Relative));
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"pay-select\""));
            var early = await (await PayAsync(admin, [claims[0]], "BK-2026-001", "2026-12-09")).Content.ReadAsStringAsync();
            Assert.Contains("拨付日期须在公示期满（2026-12-10）之后", early, StringComparison.Ordinal);
            var missing = await (await PayAsync(admin, [claims[0]], " ", "2026-12-11")).Content.ReadAsStringAsync();
            Assert.Contains("请填写拨付凭证号", missing, StringComparison.Ordinal);

            var paid = await (await PayAsync(admin, [claims[0], claims[2]], "BK-2026-001", "2026-12-11")).Content.ReadAsStringAsync();
            Assert.Contains("已登记 2 项拨付", paid, StringComparison.Ordinal);
            Assert.Contains($"data-claim=\"{claims[0]}\" data-state=\"Paid\"", paid, StringComparison.Ordinal);
            Assert.Contains($"data-claim=\"{claims[2]}\" data-state=\"Paid\"", paid, StringComparison.Ordinal);
            Assert.Contains($"data-claim=\"{claims[1]}\" data-state=\"Payable\"", paid, StringComparison.Ordinal);

            // Paying one of them again, alone or with an unpaid one: refused, and nothing of the batch is recorded.
            var twice = await (await PayAsync(admin, [claims[1], claims[0]], "BK-2026-002", "2026-12-11")).Content.ReadAsStringAsync();
            Assert.Contains("已于 2026-12-11 拨付（凭证号 BK-2026-001），不能重复拨付", twice, StringComparison.Ordinal);
            Assert.Contains($"data-claim=\"{claims[1]}\" data-state=\"Payable\"", twice, StringComparison.Ordinal);
        }

        await using (var db = Database.CreateContext())
        {
            var payments = await db.Payments.OrderBy(p => p.ClaimId).ToListAsync();
            Assert.Equal(new[] { claims[0], claims[2] }, payments.Select(p => p.ClaimId));
            Assert.All(payments, p => Assert.Equal(("BK-2026-001", new DateOnly(2026, 12, 11), District), (p.Reference, p.PaidOn, p.District)));
            Assert.Equal(new[] { 120_000_000L, 45_000_000L }, payments.Select(p => p.AmountFen));
            var trail = await db.AuditEntries.Where(e => e.Action == "PayClaim").OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, trail.Count);
            Assert.All(trail, e => Assert.Equal(("Claim", "admin", District), (e.Entity, e.Actor, e.District)));
            Assert.Contains("\"paid\":false", trail[0].Before, StringComparison.Ordinal);
            Assert.Contains("\"reference\":\"BK-2026-001\"", trail[0].After, StringComparison.Ordinal);
            Assert.Contains("\"paidOn\":\"2026-12-11\"", trail[0].After, StringComparison.Ordinal);
            Assert.NotNull(trail[0].ApplicationId); // on the application's timeline
        }

        // The enterprise sees paid status, day and voucher in My awards; the unpaid award says so.
        using var enterprise = await SignInAsync(DemoAccounts.EnterpriseUser);
        var awards = await enterprise.GetStringAsync(new Uri("/enterprise/awards", UriKind.Relative));
        Assert.Contains("已拨付</span><span class=\"ms-1\" data-testid=\"paid-on\">2026-12-11</span>", awards, StringComparison.Ordinal);
        Assert.Contains("凭证号：BK-2026-001", awards, StringComparison.Ordinal);
        Assert.Contains("未拨付", awards, StringComparison.Ordinal);
        await using (var db = Database.CreateContext())
            Assert.Contains(await db.Notifications.Select(n => n.Title).ToListAsync(), t => t.StartsWith("奖补已拨付", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_administrators_paying_the_same_award_at_once_pay_it_once()
    {
        var claims = await SeedAndPublishAsync();
        Clock.Now = new DateTimeOffset(2026, 12, 14, 2, 0, 0, TimeSpan.Zero);
        async Task<PaymentResult> PayAsync(string voucher)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentDesk>().PayAsync(PortalAdmin(), District, [claims[1]], new DateOnly(2026, 12, 14), voucher);
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PayAsync($"V-{i}")));
        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.True(
            r.Errors.Single().Zh.Contains("不能重复拨付", StringComparison.Ordinal) || r.Errors.Single().Zh.Contains("刚刚已被拨付", StringComparison.Ordinal), r.Errors.Single().Zh));
        await using var db = Database.CreateContext();
        Assert.Single(await db.Payments.Where(p => p.ClaimId == claims[1]).ToListAsync());
        Assert.Single(await db.AuditEntries.Where(e => e.Action == "PayClaim").ToListAsync());
    }

    [Fact]
    public async Task A_district_admin_cannot_pay_or_publish_for_another_district()
    {
        var claims = await SeedAndPublishAsync();
        Clock.Now = new DateTimeOffset(2026, 12, 14, 2, 0, 0, TimeSpan.Zero);
        var other = await DistrictAdminAsync("fengtai");
        using var admin = await SignInAsync(other);
        using (var response = await PayAsync(admin, [claims[0]], "X-1", "2026-12-14", district: District, tokensFrom: "/admin/payments"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await Forms.SubmitAsync(admin, $"/admin/notices?district={District}&year={Year}",
                   new Dictionary<string, string> { ["_handler"] = "publish", ["district"] = District, ["year"] = "2026", ["days"] = "7" }, [], tokensFrom: "/admin/notices"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Even naming the other district's award from its own page: not found in its district, nothing paid.
        var own = await (await PayAsync(admin, [claims[0]], "X-1", "2026-12-14", district: "fengtai", tokensFrom: "/admin/payments")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("已登记", own, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Payments.ToListAsync());
        Assert.Equal(1, await db.Notices.CountAsync());
    }
}
