using System.Security.Claims;
using SecurityClaim = System.Security.Claims.Claim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Admin.Proactive;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// 免申即享 on PostgreSQL: the match offers the fixed award to the enterprise whose file holds the qualification (once), the
/// enterprise confirms in the portal, and the application it makes is reviewed and charged like any other.
/// </summary>
public sealed class ProactiveAwardTests() : PostgresAppTest("proactive")
{
    private const string Clause = "shijingshan.10.2"; // 第十条（二）：孵化器 200 万元

    private static ClaimsPrincipal Admin() => new(new ClaimsIdentity(
        [new SecurityClaim(ClaimTypes.NameIdentifier, "admin-id"), new SecurityClaim(ClaimTypes.Name, "admin"), new SecurityClaim(ClaimTypes.Role, PortalRoles.Admin)], "test"));

    [Fact]
    public async Task A_qualifying_enterprise_is_offered_once_confirms_and_the_award_goes_through_review()
    {
        _ = Factory.Services;
        await using (var db = Database.CreateContext())
        {
            var demo = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
            db.Set<EnterpriseQualification>().Add(new EnterpriseQualification { EnterpriseId = demo.Id, Key = "incubator" });
            await db.SaveChangesAsync();
        }

        async Task<int> RunAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var (outcome, count) = await scope.ServiceProvider.GetRequiredService<ProactiveMatch>().RunAsync(Admin(), "shijingshan", Clause);
            Assert.True(outcome.Ok, outcome.Error?.Zh);
            return count;
        }
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // offered once

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<ProactiveMatch>().RunAsync(Admin(), "shijingshan", "shijingshan.6.2");
            Assert.False(refused.Outcome.Ok); // a rate on a base the portal does not hold is not awarded without application
        }

        using var enterprise = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        var page = await enterprise.GetStringAsync(new Uri("/enterprise/offers", UriKind.Relative));
        Assert.Contains("2,000,000", page, StringComparison.Ordinal);
        var offerId = await InDbAsync(db => db.ProactiveOffers.Select(o => o.Id).SingleAsync());
        var part = (await Factory.Services.GetRequiredService<PolicyPortal.Infrastructure.Catalog.CatalogStore>().GetActiveAsync("shijingshan")).Document.Articles.SelectMany(a => a.Parts).Single(p => p.Code == Clause);
        using (var confirmed = await Forms.SubmitAsync(enterprise, "/enterprise/offers", new Dictionary<string, string> { ["_handler"] = $"confirm-{offerId}" },
                   part.Attestations.Select(a => new KeyValuePair<string, string>("attest", a))))
        {
            var html = await confirmed.Content.ReadAsStringAsync();
            Assert.Contains("已确认，申报已提交审核", html, StringComparison.Ordinal);
        }

        var application = await InDbAsync(db => db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync());
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.NotNull(application.TrackingNumber);
        Assert.Equal(200_000_000, application.Projects.Single().Claims.Single().FrozenGrantedFen);
        Assert.Equal(ProactiveOfferStatus.Confirmed, await InDbAsync(db => db.ProactiveOffers.Select(o => o.Status).SingleAsync()));

        var reviewer = new ClaimsPrincipal(new ClaimsIdentity(
            [new SecurityClaim(ClaimTypes.Name, "r"), new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, "shijingshan")], "test"));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var decisions = scope.ServiceProvider.GetRequiredService<ReviewDecisions>();
            Assert.True((await decisions.StartReviewAsync(reviewer, application.Id, true)).Ok);
            Assert.True((await decisions.ApproveAsync(reviewer, application.Projects.Single().Claims.Single().Id, null, null)).Ok);
        }
        Assert.Equal(ApplicationStatus.Approved, await InDbAsync(db => db.Applications.Select(a => a.Status).SingleAsync()));
        Assert.Equal(2, await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Offer" || e.Action == "ConfirmOffer")));
    }

    private async Task<T> InDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }
}
