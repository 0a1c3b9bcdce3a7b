using System.Security.Claims;
using Claim = PolicyPortal.Infrastructure.Data.Applications.Claim;
using SecurityClaim = System.Security.Claims.Claim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>
/// Two-stage review (初审 → 复审), voiding, and batch approval on PostgreSQL: a decision that becomes void gives back exactly
/// the quota it took, every step is in the audit log with before and after, and the second stage is someone else.
/// </summary>
public sealed class TwoStageReviewTests() : PostgresAppTest("twostage")
{
    private const string District = "shijingshan";
    private const string Clause = "shijingshan.6.2"; // 第六条（二）：运营经费，每年不超过 500 万元

    private static ClaimsPrincipal Reviewer(string id) => new(new ClaimsIdentity(
    [
        new SecurityClaim(ClaimTypes.NameIdentifier, id), new SecurityClaim(ClaimTypes.Name, id),
        new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, District),
    ], "test"));

    private async Task<List<long>> SeedAsync(bool twoStage, params long[][] claimsPerApplication)
    {
        _ = Factory.Services;
        await using var db = Database.CreateContext();
        if (twoStage)
            db.PolicySettings.Add(new PolicySettings { District = District, ReviewWorkingDays = 20, TwoStageReview = true, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "admin" });
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        var ids = new List<Application>();
        var n = 0;
        foreach (var amounts in claimsPerApplication)
        {
            n++;
            var application = new Application
            {
                EnterpriseId = enterprise.Id, District = District, Year = year, Status = ApplicationStatus.UnderReview, CatalogVersion = 1,
                TrackingNumber = TrackingNumber.Create(District, year, n).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
                Projects = [.. amounts.Select((fen, i) => new Project { Name = $"运营{n}-{i}", Claims = [new Claim { Clause = Clause, AmountFen = fen, FrozenGrantedFen = fen }] })],
            };
            db.Applications.Add(application);
            ids.Add(application);
        }
        await db.SaveChangesAsync();
        return [.. ids.Select(a => a.Id)];
    }

    private async Task<T> WithDecisionsAsync<T>(Func<ReviewDecisions, Task<T>> act)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<ReviewDecisions>());
    }

    private async Task<List<long>> ClaimIdsAsync(long applicationId)
    {
        await using var db = Database.CreateContext();
        return await db.Claims.Where(c => db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == applicationId)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }

    private async Task<long> QuotaUsedAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Quotas.Where(q => q.Key.Contains(Clause)).SumAsync(q => q.UsedFen);
    }

    [Fact]
    public async Task The_second_stage_is_someone_else_and_sending_back_voids_the_first_stage_and_returns_its_quota()
    {
        var id = (await SeedAsync(twoStage: true, [100_000_000, 200_000_000]))[0]; // ¥1,000,000 and ¥2,000,000
        var claims = await ClaimIdsAsync(id);
        var first = Reviewer("first-reviewer");
        var second = Reviewer("second-reviewer");

        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(first, claims[0], null, null))).Ok);
        Assert.True((await WithDecisionsAsync(d => d.RejectAsync(first, claims[1], "合同不全"))).Ok);
        await using (var db = Database.CreateContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            Assert.Equal(ApplicationStatus.AwaitingSecondReview, application.Status);
            Assert.Equal("first-reviewer", application.FirstStageBy);
        }
        Assert.Equal(100_000_000, await QuotaUsedAsync());

        var self = await WithDecisionsAsync(d => d.ConfirmAsync(first, id));
        Assert.False(self.Ok);
        Assert.Equal("复审须由初审以外的审核人员办理", self.Error!.Zh);
        Assert.False((await WithDecisionsAsync(d => d.SendBackAsync(second, id, " "))).Ok);

        Assert.True((await WithDecisionsAsync(d => d.SendBackAsync(second, id, "驳回理由不充分"))).Ok);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.SingleAsync(a => a.Id == id)).Status);
            Assert.All(await db.Claims.Where(c => claims.Contains(c.Id)).ToListAsync(), c => Assert.True(c.Decision is null && c.ApprovedFen is null));
            Assert.Empty(await db.QuotaCharges.ToListAsync());
        }
        Assert.Equal(0, await QuotaUsedAsync());

        // The first stage decides again (both approved), the second confirms: the outcome stands and the quota holds both.
        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(first, claims[0], null, null))).Ok);
        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(first, claims[1], null, null))).Ok);
        Assert.False((await WithDecisionsAsync(d => d.ApproveAsync(second, claims[1], null, null))).Ok); // no decisions at the second stage
        Assert.True((await WithDecisionsAsync(d => d.ConfirmAsync(second, id))).Ok);
        Assert.Equal(300_000_000, await QuotaUsedAsync());

        await using var check = Database.CreateContext();
        Assert.Equal(ApplicationStatus.Approved, (await check.Applications.SingleAsync(a => a.Id == id)).Status);
        var trail = await check.AuditEntries.Where(e => e.ApplicationId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["ApproveClaim", "RejectClaim", "CompleteFirstStage", "VoidDecision", "VoidDecision", "SendBack", "ApproveClaim", "ApproveClaim", "CompleteFirstStage", "Decide"],
            trail.Select(e => e.Action));
        var voided = trail.First(e => e.Action == "VoidDecision");
        Assert.Equal("second-reviewer", voided.Actor);
        Assert.Contains("\"decision\":\"Approved\"", voided.Before, StringComparison.Ordinal);
        Assert.Contains("\"quotaReturnedFen\":100000000", voided.After, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Approved\"", trail[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_for_supplement_or_withdrawing_after_an_approval_gives_the_quota_back()
    {
        var ids = await SeedAsync(twoStage: false, [100_000_000, 200_000_000], [150_000_000]);
        var reviewer = Reviewer("reviewer");
        var first = await ClaimIdsAsync(ids[0]);
        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(reviewer, first[0], null, null))).Ok);
        var secondApp = await ClaimIdsAsync(ids[1]);
        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(reviewer, secondApp[0], null, null))).Ok); // one claim: decided, Approved
        Assert.Equal(250_000_000, await QuotaUsedAsync());

        Assert.True((await WithDecisionsAsync(d => d.ReturnForSupplementAsync(reviewer, ids[0], "补充运营合同", 10))).Ok);
        Assert.Equal(150_000_000, await QuotaUsedAsync());
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ApplicationStatus.ReturnedForSupplement, (await db.Applications.SingleAsync(a => a.Id == ids[0])).Status);
            Assert.Null((await db.Claims.SingleAsync(c => c.Id == first[0])).Decision);
        }

        // The enterprise withdraws the returned application: nothing is charged for it any more, and the audit says so.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ApplicationService>();
            var db = scope.ServiceProvider.GetRequiredService<PolicyPortal.Infrastructure.Data.PortalDbContext>();
            var owner = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
            var application = (await service.FindAsync(owner, ids[0]))!;
            Assert.True((await service.WithdrawAsync(application, new PolicyPortal.Infrastructure.Audit.AuditActor("owner", DemoAccounts.EnterpriseUser, "127.0.0.1"))).Ok);
        }
        Assert.Equal(150_000_000, await QuotaUsedAsync());
        await using var check = Database.CreateContext();
        var withdraw = await check.AuditEntries.SingleAsync(e => e.ApplicationId == ids[0] && e.Action == "Withdraw");
        Assert.Equal("127.0.0.1", withdraw.Ip);
        Assert.Contains("\"status\":\"Withdrawn\"", withdraw.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_during_review_voids_its_approvals()
    {
        var ids = await SeedAsync(twoStage: false, [100_000_000, 200_000_000]);
        var claims = await ClaimIdsAsync(ids[0]);
        Assert.True((await WithDecisionsAsync(d => d.ApproveAsync(Reviewer("r"), claims[0], null, null))).Ok);
        Assert.Equal(100_000_000, await QuotaUsedAsync());
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ApplicationService>();
            var owner = await scope.ServiceProvider.GetRequiredService<PolicyPortal.Infrastructure.Data.PortalDbContext>().Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
            Assert.True((await service.WithdrawAsync((await service.FindAsync(owner, ids[0]))!, PolicyPortal.Infrastructure.Audit.AuditActor.System)).Ok);
        }
        Assert.Equal(0, await QuotaUsedAsync());
        await using var db = Database.CreateContext();
        Assert.Null((await db.Claims.SingleAsync(c => c.Id == claims[0])).ApprovedFen);
    }

    [Fact]
    public async Task Batch_approval_approves_each_at_todays_amount_within_the_yearly_cap()
    {
        // Three applications of one enterprise at ¥2,000,000 each under a ¥5,000,000 yearly cap.
        var ids = await SeedAsync(twoStage: false, [200_000_000], [200_000_000], [200_000_000]);
        await using (var db = Database.CreateContext())
            await db.Applications.Where(a => a.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Submitted));

        var refused = await WithDecisionsAsync(d => d.BatchApproveAsync(Reviewer("r"), ids, noConflictOfInterest: false));
        Assert.Contains("回避声明", refused.Single(l => l.ApplicationId == ids[2]).Error!.Zh, StringComparison.Ordinal);

        // The two already under review (declared when their review started) were approved at ¥2,000,000 each.
        Assert.All(refused.Where(l => l.ApplicationId != ids[2]), l => Assert.Equal((1, 200_000_000L), (l.Approved, l.ApprovedFen)));
        await using (var db = Database.CreateContext())
            Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == ids[2])).Status);

        var lines = await WithDecisionsAsync(d => d.BatchApproveAsync(Reviewer("r"), ids, noConflictOfInterest: true));
        var third = lines.Single(l => l.ApplicationId == ids[2]);
        Assert.Equal(1, third.Approved);
        Assert.Equal(100_000_000, third.ApprovedFen); // only ¥1,000,000 of the cap was left
        Assert.All(lines.Where(l => l.ApplicationId != ids[2]), l => Assert.Equal(0, l.Approved)); // already decided in the first run
        Assert.Equal(500_000_000, await QuotaUsedAsync());
        await using var check = Database.CreateContext();
        Assert.Equal(3, await check.Applications.CountAsync(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.Approved));
        Assert.Equal(500_000_000, await check.Claims.Where(c => c.Decision == ClaimDecision.Approved).SumAsync(c => c.ApprovedFen!.Value));
    }
}
