using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Admin;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// Contact phone numbers are masked in the review queue and the administrators' export (138****5678); the reviewer's desk of
/// the application shows them in full; the public notice and its files name no contact at all.
/// </summary>
public sealed class PersonalDataTests() : AdminTest("personal-data")
{
    private const string District = "shijingshan";
    private const string Phone = "13812345678";
    private const string Masked = "138****5678";

    private async Task<(long Submitted, long Approved)> SeedAsync()
    {
        var demo = await DemoEnterpriseAsync();
        var submitted = await ApplicationAsync(demo, District, ApplicationStatus.Submitted, new SeedClaim("在审项目", "shijingshan.5.3", null, null, 1_000_000));
        var approved = await ApplicationAsync(demo, District, ApplicationStatus.Approved, new SeedClaim("已通过项目", "shijingshan.6.2", ClaimDecision.Approved, 500_000, 500_000));
        await using var db = Database.CreateContext();
        await db.Applications.Where(a => a.Id == submitted.Id || a.Id == approved.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.ContactName, "张三").SetProperty(x => x.ContactPhone, Phone));
        return (submitted.Id, approved.Id);
    }

    [Fact]
    public async Task The_review_queue_masks_the_contact_phone_and_the_desk_shows_it_in_full()
    {
        var (submitted, _) = await SeedAsync();
        using var reviewer = await SignInAsync(DemoAccounts.ReviewerUser(District));
        var queue = await reviewer.GetStringAsync(new Uri("/review?status=", UriKind.Relative));
        Assert.Contains($"张三 {Masked}", queue, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, queue, StringComparison.Ordinal);

        var desk = await reviewer.GetStringAsync(new Uri($"/review/{submitted}", UriKind.Relative));
        Assert.Contains(Phone, desk, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_administrators_live_export_masks_the_phone_and_the_public_notice_names_no_contact(string format)
    {
        await SeedAsync();
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        var live = await Text(await admin.GetAsync(new Uri($"/admin/notices/live/{format}?district={District}&year={Year}", UriKind.Relative)), format);
        Assert.Contains("联系人（电话已脱敏）", live, StringComparison.Ordinal);
        Assert.Contains($"张三 {Masked}", live, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, live, StringComparison.Ordinal);

        using (var published = await Forms.SubmitAsync(admin, $"/admin/notices?district={District}&year={Year}", new Dictionary<string, string> { ["days"] = "7" }))
            Assert.Contains("公示名单已冻结并发布", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = App.CreateClient();
        var notice = await Text(await anonymous.GetAsync(new Uri($"/notices/{District}/{Year}/{format}", UriKind.Relative)), format);
        Assert.Contains("已通过项目", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", notice, StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync(new Uri($"/notices/{District}/{Year}", UriKind.Relative));
        Assert.DoesNotContain("5678", page, StringComparison.Ordinal);
    }

    /// <summary>The file's text: the CSV as it is, the .xlsx as the XML of its sheet (inline strings).</summary>
    private static async Task<string> Text(HttpResponseMessage response, string format)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (format == "csv") return Encoding.UTF8.GetString(bytes);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            var builder = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                builder.Append(await reader.ReadToEndAsync());
            }
            return builder.ToString();
        }
    }
}
