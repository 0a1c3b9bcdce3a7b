using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>The review queue, on each provider: the reviewer's district only, filters, and keyset pages that miss nothing.</summary>
public sealed partial class ReviewQueueTests
{
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var today = DayNumber.Of(BeijingTime.DateOf(DateTimeOffset.UtcNow));
        var yesterday = DayNumber.Of(BeijingTime.DateOf(DateTimeOffset.UtcNow).AddDays(-1));
        var nextMonth = DayNumber.Of(BeijingTime.DateOf(DateTimeOffset.UtcNow).AddDays(30));
        foreach (var (district, count) in new[] { ("shijingshan", 120), ("tongzhou", 10) })
        {
            for (var e = 0; e < 3; e++)
            {
                var enterprise = new Enterprise
                {
                    CreditCode = CreditCode.WithCheckCharacter($"9111010{(district == "tongzhou" ? 8 : 7)}MA0{e}QUE0{e}"), Name = $"{district}队列企业{e}", District = district,
                    ContactName = "测试", ContactPhone = "13000000000", OwnerUserId = $"owner-{district}-{e}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Enterprises.Add(enterprise);
                await db.SaveChangesAsync();
                for (var i = e; i < count; i += 3)
                {
                    db.Applications.Add(new Application
                    {
                        EnterpriseId = enterprise.Id, District = district, Year = 2026, Status = i % 10 == 9 ? ApplicationStatus.Approved : ApplicationStatus.Submitted,
                        TrackingNumber = TrackingNumber.Create(district, 2026, i + 1).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                        SubmittedAt = DateTimeOffset.UtcNow, FrozenTotalFen = (i % 7) * 1_000_000_00L, ReviewDueDay = i % 5 == 0 ? yesterday : nextMonth,
                        Projects = [new Project { Name = $"项目{i}", Claims = [new Claim { Clause = i % 2 == 0 ? $"{district}.4.1" : $"{district}.7.1" }] }],
                    });
                }
                await db.SaveChangesAsync();
            }
        }
    }

    private static Task<HttpClient> ReviewerAsync(PortalFactory factory, string district) => Forms.SignedInAsync(factory, DemoAccounts.ReviewerUser(district));

    private static async Task<List<string>> AllPagesAsync(HttpClient client, string query)
    {
        var numbers = new List<string>();
        var url = $"/review?{query}";
        for (var guard = 0; guard < 20 && url is not null; guard++)
        {
            var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
            numbers.AddRange(Number().Matches(html).Select(m => m.Groups[1].Value));
            var next = Next().Match(html);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }
        return numbers;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reviewer_pages_through_their_district_only_with_filters_and_nothing_missed_or_repeated(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "queue");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        _ = factory.Services;
        await SeedAsync(database);
        using var reviewer = await ReviewerAsync(factory, "shijingshan");

        var pending = await AllPagesAsync(reviewer, "");
        Assert.Equal(108, pending.Count); // 120 submitted or approved; every tenth approved is not pending
        Assert.Equal(pending.Count, pending.Distinct().Count());
        Assert.All(pending, n => Assert.StartsWith("SJS-", n, StringComparison.Ordinal));

        var byAmount = await AllPagesAsync(reviewer, "sort=amount");
        Assert.Equal(pending.Order(StringComparer.Ordinal), byAmount.Order(StringComparer.Ordinal));

        var overdue = await AllPagesAsync(reviewer, "overdue=1");
        Assert.Equal(24, overdue.Count); // i % 5 == 0 (24 of 120), none of them i % 10 == 9
        var large = await AllPagesAsync(reviewer, "min=500&max=600");
        Assert.Equal(pending.Count(n => (int.Parse(n[9..15], System.Globalization.CultureInfo.InvariantCulture) - 1) % 7 is 5 or 6), large.Count);
        var byClause = await AllPagesAsync(reviewer, "clause=shijingshan.7.1");
        Assert.Equal(pending.Count(n => (int.Parse(n[9..15], System.Globalization.CultureInfo.InvariantCulture) - 1) % 2 == 1), byClause.Count);
        var byName = await AllPagesAsync(reviewer, $"q={Uri.EscapeDataString("shijingshan队列企业1")}");
        Assert.Equal(pending.Count(n => (int.Parse(n[9..15], System.Globalization.CultureInfo.InvariantCulture) - 1) % 3 == 1), byName.Count);

        using var other = await ReviewerAsync(factory, "tongzhou");
        var theirs = await AllPagesAsync(other, "");
        Assert.Equal(9, theirs.Count);
        Assert.All(theirs, n => Assert.StartsWith("TZ-", n, StringComparison.Ordinal));

        using var enterprise = await Forms.SignedInAsync(factory, DemoAccounts.EnterpriseUser);
        using var denied = await enterprise.GetAsync(new Uri("/review", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<td class=""font-monospace small""><a href=""/review/\d+"">([A-Z]+-\d{4}-\d{6}-[0-9X])</a></td>")]
    private static partial Regex Number();

    [GeneratedRegex(@"href=""([^""]+)"" data-testid=""queue-next""")]
    private static partial Regex Next();
}
