using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Applications;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>受理编号 under concurrent submissions: distinct, gap-free when nothing fails, continuing after numbers already given.</summary>
public sealed class TrackingNumberTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_submissions_in_one_district_get_distinct_numbers_after_those_already_given(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "tracking");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        _ = factory.Services;
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        var part = (await factory.Services.GetRequiredService<CatalogStore>().GetActiveAsync("tongzhou")).Document.Articles
            .SelectMany(a => a.Parts).First(p => p.Open && p.Kind == RuleKind.Rate);
        const int drafts = 16;
        var ids = new List<(Enterprise Owner, long Id)>();
        await using (var db = database.CreateContext())
        {
            // Two numbers given before this counter existed: the counter must start after them.
            var earlier = NewEnterprise(99);
            db.Enterprises.Add(earlier);
            await db.SaveChangesAsync();
            for (var n = 1; n <= 2; n++)
                db.Applications.Add(new Application
                {
                    EnterpriseId = earlier.Id, District = "tongzhou", Year = year, Status = ApplicationStatus.Submitted,
                    TrackingNumber = TrackingNumber.Create("tongzhou", year, n).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
            for (var i = 0; i < drafts; i++)
            {
                var owner = NewEnterprise(i);
                db.Enterprises.Add(owner);
                await db.SaveChangesAsync();
                var draft = new Application
                {
                    EnterpriseId = owner.Id, District = "tongzhou", Year = year, Status = ApplicationStatus.Draft, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    Projects = [new Project { Name = $"项目{i}", Claims = [new Claim
                    {
                        Clause = part.Code, Tier = part.Tiers.Count > 0 ? part.Tiers[0].Key : null, AmountFen = 1_000_000_00L,
                        AttestationsJson = JsonSerializer.Serialize(part.Attestations),
                    }] }],
                };
                db.Applications.Add(draft);
                await db.SaveChangesAsync();
                ids.Add((owner, draft.Id));
            }
        }

        var outcomes = await Task.WhenAll(ids.Select(async x =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ApplicationService>();
            var application = await service.FindAsync(x.Owner, x.Id);
            return await service.SubmitAsync(application!, Guid.NewGuid(), new AuditActor(x.Owner.OwnerUserId, x.Owner.CreditCode, null));
        }));

        Assert.All(outcomes, o => Assert.True(o.Ok, o.Error?.En));
        await using var check = database.CreateContext();
        var numbers = await check.Applications.Where(a => ids.Select(x => x.Id).Contains(a.Id)).Select(a => a.TrackingNumber).ToListAsync();
        var sequences = numbers.Select(n => TrackingNumber.TryParse(n, out var t) ? t.Sequence : 0).Order().ToList();
        Assert.Equal(Enumerable.Range(3, drafts).Select(n => (long)n), sequences);
    }

    private static Enterprise NewEnterprise(int n) => new()
    {
        CreditCode = CreditCode.WithCheckCharacter($"91110112MA0TRK{n:D3}"), Name = $"编号企业{n}", District = "tongzhou",
        ContactName = "测试", ContactPhone = "13000000000", OwnerUserId = $"tracking-owner-{n}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}
