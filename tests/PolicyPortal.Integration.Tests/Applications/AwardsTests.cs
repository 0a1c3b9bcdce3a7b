using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>
/// "My awards" lists approved amounts by year with what is left under each yearly cap. The approval is written straight
/// to the database here: the reviewer's desk that makes it through the portal belongs to the review issue.
/// </summary>
public sealed class AwardsTests() : PostgresAppTest("awards")
{
    [Fact]
    public async Task Approved_awards_are_listed_by_year_with_the_room_left_under_the_yearly_cap()
    {
        _ = Factory.Services; // start the app: migrations and demo data
        await using (var db = Database.CreateContext())
        {
            var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
            var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
            db.Applications.Add(new Application
            {
                EnterpriseId = enterprise.Id, District = "shijingshan", Year = year, Status = ApplicationStatus.Approved, CatalogVersion = 1,
                TrackingNumber = TrackingNumber.Create("shijingshan", year, 1).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Projects =
                [
                    new Project
                    {
                        Name = "大模型公共服务平台运营",
                        // 石景山区第六条：运营经费按实际发生额，每年不超过 500 万元; 300 万元 approved.
                        Claims = [new Claim { Clause = "shijingshan.6.2", AmountFen = 300_000_000, FrozenEligibleFen = 300_000_000, FrozenGrantedFen = 300_000_000, ApprovedFen = 300_000_000, Decision = ClaimDecision.Approved }],
                    },
                ],
            });
            await db.SaveChangesAsync();
        }

        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        var page = await client.GetStringAsync(new Uri("/enterprise/awards", UriKind.Relative));
        Assert.Contains("大模型公共服务平台运营", page, StringComparison.Ordinal);
        Assert.Contains("3,000,000 元（300 万元）", page, StringComparison.Ordinal);
        var room = page[page.IndexOf("data-limit=\"shijingshan.6.2\"", StringComparison.Ordinal)..];
        Assert.Contains("500 万元", room, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"remaining\">200 万元", room, StringComparison.Ordinal);

        // Another enterprise's awards page shows none of it.
        using var other = Factory.CreateBrowserClient();
        using (await Forms.SubmitAsync(other, "/register", new Dictionary<string, string>
               {
                   ["Input.Name"] = "另一企业", ["Input.CreditCode"] = PolicyPortal.Domain.Enterprises.CreditCode.WithCheckCharacter("91110107MA04AWD01"), ["Input.District"] = "shijingshan",
                   ["Input.ContactName"] = "孙八", ["Input.ContactPhone"] = "13400000000", ["Input.Email"] = "", ["Input.Password"] = "Other@2026x", ["Input.ConfirmPassword"] = "Other@2026x",
               })) { }
        var theirs = await other.GetStringAsync(new Uri("/enterprise/awards", UriKind.Relative));
        Assert.DoesNotContain("大模型公共服务平台运营", theirs, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-awards\"", theirs, StringComparison.Ordinal);
    }
}
