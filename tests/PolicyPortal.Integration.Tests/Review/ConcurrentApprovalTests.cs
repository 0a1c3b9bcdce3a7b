using System.Security.Claims;
using Claim = PolicyPortal.Infrastructure.Data.Applications.Claim;
using SecurityClaim = System.Security.Claims.Claim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Review;
using Xunit.Abstractions;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>
/// 200 reviewers approving at once on PostgreSQL: an enterprise's yearly cap and a budget pool are never exceeded, and
/// no claim is approved twice. (Quota rows with conditional updates; the engine's own check alone would let them all pass,
/// since none sees the others' uncommitted approvals.)
/// </summary>
public sealed class ConcurrentApprovalTests(ITestOutputHelper output) : PostgresAppTest("concurrent")
{
    private const int Approvals = 200;

    private static ClaimsPrincipal Reviewer(string district, int n) => new(new ClaimsIdentity(
    [
        new SecurityClaim(ClaimTypes.Name, $"reviewer-{n}"), new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, district),
    ], "test"));

    private async Task<List<long>> SeedAsync(string district, string clause, int count, bool oneEnterprise, long amountFen)
    {
        _ = Factory.Services;
        await using var db = Database.CreateContext();
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        var enterprises = new List<Enterprise>();
        for (var i = 0; i < (oneEnterprise ? 1 : count); i++)
        {
            enterprises.Add(new Enterprise
            {
                CreditCode = CreditCode.WithCheckCharacter(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"91110302MA{i:D3}CR0{i % 10}")),
                Name = $"并发企业{i}", District = district, ContactName = "测", ContactPhone = "13000000000",
                OwnerUserId = $"owner-{district}-{i}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync();
        var claims = new List<Claim>();
        for (var i = 0; i < count; i++)
        {
            var claim = new Claim { Clause = clause, AmountFen = amountFen };
            claims.Add(claim);
            db.Applications.Add(new Application
            {
                EnterpriseId = enterprises[oneEnterprise ? 0 : i].Id, District = district, Year = year, Status = ApplicationStatus.UnderReview, CatalogVersion = 1,
                TrackingNumber = TrackingNumber.Create(district, year, i + 1).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Projects = [new Project { Name = $"项目{i}", Claims = [claim] }],
            });
        }
        await db.SaveChangesAsync();
        return [.. claims.Select(c => c.Id)];
    }

    private async Task<List<PolicyPortal.Web.Features.Applications.Outcome>> ApproveAllAsync(string district, List<long> claimIds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var start = new ManualResetEventSlim();
        var tasks = claimIds.Select((id, n) => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReviewDecisions>().ApproveAsync(Reviewer(district, n), id, amountFen: null, reason: null);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);
        output.WriteLine($"{claimIds.Count} concurrent approvals in {clock.Elapsed.TotalSeconds:0.00} s: {outcomes.Count(o => o.Ok)} approved, {outcomes.Count(o => !o.Ok)} refused");
        return [.. outcomes];
    }

    [Fact]
    public async Task Concurrent_approvals_never_exceed_one_enterprises_yearly_cap()
    {
        // 石景山区第六条：运营经费每年不超过 500 万元. 200 claims of ¥400,000 each for one enterprise.
        var ids = await SeedAsync("shijingshan", "shijingshan.6.2", Approvals, oneEnterprise: true, amountFen: 40_000_000);
        var outcomes = await ApproveAllAsync("shijingshan", ids);

        await using var db = Database.CreateContext();
        var approved = await db.Claims.Where(c => ids.Contains(c.Id) && c.Decision == ClaimDecision.Approved).Select(c => c.ApprovedFen!.Value).ToListAsync();
        var quota = await db.Quotas.SingleAsync(q => EF.Functions.Like(q.Key, "%shijingshan.6.2%"));
        Assert.True(approved.Sum() <= 500_000_000, $"approved {approved.Sum()} fen over the ¥5,000,000 cap");
        Assert.Equal(approved.Sum(), quota.UsedFen);
        Assert.Equal(500_000_000, quota.CapFen);
        Assert.True(approved.Sum() >= 480_000_000, $"the cap should be (nearly) used: {approved.Sum()}");
        Assert.Equal(approved.Count, outcomes.Count(o => o.Ok));
        // A loser is refused either by the quota row ("…上限…") or, when the cap was already used up before its engine run,
        // by the engine allowing nothing ("…可核定金额为 0…"); both are the cap speaking, never another error.
        Assert.All(outcomes.Where(o => !o.Ok), o => Assert.Matches("上限|可核定金额为 0", o.Error!.Zh));
    }

    [Fact]
    public async Task Concurrent_approvals_never_overdraw_a_budget_pool()
    {
        // 亦庄第一条：算力券每年 1 亿元; 30% of ¥10,000,000 = ¥3,000,000 per enterprise, 200 enterprises (33 fit).
        var ids = await SeedAsync("yizhuang", "yizhuang.1.1", Approvals, oneEnterprise: false, amountFen: 1_000_000_000);
        var outcomes = await ApproveAllAsync("yizhuang", ids);

        await using var db = Database.CreateContext();
        var approved = await db.Claims.Where(c => ids.Contains(c.Id) && c.Decision == ClaimDecision.Approved).Select(c => c.ApprovedFen!.Value).ToListAsync();
        var pool = await db.Quotas.SingleAsync(q => EF.Functions.Like(q.Key, "%pool:yizhuang.compute-voucher%"));
        Assert.True(approved.Sum() <= 10_000_000_000, $"approved {approved.Sum()} fen over the ¥100,000,000 pool");
        Assert.Equal(approved.Sum(), pool.UsedFen);
        Assert.True(approved.Count >= 33, $"only {approved.Count} approved");
        Assert.Equal(approved.Count, outcomes.Count(o => o.Ok));
        Assert.All(outcomes.Where(o => !o.Ok), o => Assert.True(
            o.Error!.Zh.Contains("资金池", StringComparison.Ordinal) || o.Error.Zh.Contains("可核定金额为 0", StringComparison.Ordinal), o.Error.Zh));
    }

    [Fact]
    public async Task A_claim_approved_by_two_reviewers_at_once_is_approved_once()
    {
        var ids = await SeedAsync("shijingshan", "shijingshan.6.2", 1, oneEnterprise: true, amountFen: 10_000_000);
        var outcomes = await ApproveAllAsync("shijingshan", [ids[0], ids[0], ids[0], ids[0]]);
        Assert.Equal(1, outcomes.Count(o => o.Ok));
        Assert.All(outcomes.Where(o => !o.Ok), o => Assert.Contains("已由其他审核人员处理", o.Error!.Zh, StringComparison.Ordinal));
        await using var db = Database.CreateContext();
        Assert.Equal(10_000_000, (await db.Quotas.SingleAsync()).UsedFen);
        Assert.Equal(ApplicationStatus.Approved, (await db.Applications.SingleAsync(a => a.TrackingNumber != null && a.District == "shijingshan" && a.Projects.Any(p => p.Claims.Any(c => c.Id == ids[0])))).Status);
    }
}
