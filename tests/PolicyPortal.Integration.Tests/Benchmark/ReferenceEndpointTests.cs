using System.Net;
using System.Security.Claims;
using Claim = PolicyPortal.Infrastructure.Data.Applications.Claim;
using SecurityClaim = System.Security.Claims.Claim;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Benchmark;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Integration.Tests.Benchmark;

/// <summary>Without the benchmark flag the reference endpoints do not exist; with it they answer as the real code does.</summary>
public sealed class ReferenceEndpointsOffTests() : PostgresAppTest("bench-off")
{
    [Fact]
    public async Task Without_the_benchmark_flag_no_reference_endpoint_is_mapped()
    {
        using var client = Factory.CreateBrowserClient();
        var routes = Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").ToList();
        Assert.NotEmpty(routes);
        Assert.DoesNotContain(routes, r => r.StartsWith("/bench", StringComparison.Ordinal));
        using var response = await client.GetAsync(new Uri("/bench/single-row", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ReferenceEndpointsOnTests() : PostgresAppTest("bench-on")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [ReferenceEndpoints.Flag] = "true" };

    [Fact]
    public void The_raw_queue_SQL_is_the_SQL_EF_Core_generates_for_the_benchmark_filter()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        InfrastructureSetup.ConfigureProvider(options, postgres: true, "Host=unused;Database=unused");
        using var db = new PortalDbContext(options.Options);
        var reviewer = new ClaimsPrincipal(new ClaimsIdentity([new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, "shijingshan")], "test"));
        var filter = new QueueFilter("pending", null, null, 50m, null, false, "oldest", "12345");

        var generated = new ReviewQueue(db, TimeProvider.System).Query(reviewer, filter).ToQueryString();

        // ToQueryString puts the parameters first, as comment lines; the statement follows.
        var statement = string.Join('\n', generated.Split('\n').Where(l => !l.StartsWith("-- ", StringComparison.Ordinal)));
        Assert.Equal(ReferenceQueries.QueueSql.ReplaceLineEndings("\n").Trim(), statement.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public async Task The_raw_and_EF_queue_queries_return_the_same_page_and_the_single_row_answers()
    {
        await SeedQueueAsync();
        using var client = Factory.CreateBrowserClient();
        const string query = "district=shijingshan&min=200&after=3"; // 200 万元

        var raw = await client.GetStringAsync(new Uri("/bench/queue-raw?" + query, UriKind.Relative));
        var ef = await client.GetStringAsync(new Uri("/bench/queue-ef?" + query, UriKind.Relative));

        Assert.Equal(ef, raw);
        var rows = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(ReviewQueue.PageSize + 1, rows.GetArrayLength()); // a full page and the look-ahead row
        Assert.All(rows.EnumerateArray(), r => Assert.True(r.GetProperty("totalFen").GetInt64() >= 2_000_000_00L));
        Assert.All(rows.EnumerateArray(), r => Assert.True(r.GetProperty("id").GetInt64() > 3));
        using var single = await client.GetAsync(new Uri("/bench/single-row", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
    }

    [Fact]
    public async Task A_benchmark_submission_freezes_numbers_and_audits_as_the_editor_does()
    {
        _ = Factory.Services;
        var catalog = await Factory.Services.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan");
        var part = catalog.Document.Articles.SelectMany(a => a.Parts).First(p => p.Open && p.Kind == RuleKind.Rate);
        long id;
        await using (var db = Database.CreateContext())
        {
            var enterprise = NewEnterprise(0);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
            var draft = new Application
            {
                EnterpriseId = enterprise.Id, District = "shijingshan", Year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year, Status = ApplicationStatus.Draft,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Projects = [new Project { Name = "大模型训练平台", Claims = [new Claim
                {
                    Clause = part.Code, Tier = part.Tiers.Count > 0 ? part.Tiers[0].Key : null, AmountFen = 10_000_000_00L,
                    AttestationsJson = JsonSerializer.Serialize(part.Attestations),
                }] }],
            };
            db.Applications.Add(draft);
            await db.SaveChangesAsync();
            id = draft.Id;
        }
        using var client = Factory.CreateBrowserClient();

        using var response = await client.PostAsync(new Uri($"/bench/submit/{id}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = Database.CreateContext();
        var submitted = await check.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.StartsWith("SJS-", submitted.TrackingNumber, StringComparison.Ordinal);
        Assert.True(submitted.FrozenTotalFen > 0);
        Assert.NotNull(submitted.Projects[0].Claims[0].FrozenGrantedFen);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ApplicationId == id && e.Action == "Submit"));
        using var again = await client.PostAsync(new Uri($"/bench/submit/{id}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // submitted once; the state machine refuses a second time
    }

    private static Enterprise NewEnterprise(int n) => new()
    {
        CreditCode = CreditCode.WithCheckCharacter($"91110107MA0BEN{n:D3}"), Name = $"基准企业{n}", District = "shijingshan",
        ContactName = "测试", ContactPhone = "13000000000", OwnerUserId = $"bench-owner-{n}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private async Task SeedQueueAsync()
    {
        _ = Factory.Services; // the app starts and migrates the database
        await using var db = Database.CreateContext();
        var enterprise = NewEnterprise(1);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 200; i++)
        {
            db.Applications.Add(new Application
            {
                EnterpriseId = enterprise.Id, District = i % 4 == 0 ? "tongzhou" : "shijingshan", Year = 2026,
                Status = i % 5 == 0 ? ApplicationStatus.Approved : ApplicationStatus.UnderReview,
                TrackingNumber = TrackingNumber.Create(i % 4 == 0 ? "tongzhou" : "shijingshan", 2026, i).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                SubmittedAt = DateTimeOffset.UtcNow, FrozenTotalFen = (i % 4) * 1_000_000_00L, ReviewDueDay = 20261231,
            });
        }
        await db.SaveChangesAsync();
    }
}
