using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>Applications on PostgreSQL through the real pages: ownership, idempotent submission, the window, nothing lost.</summary>
public sealed partial class ApplicationTests() : PostgresAppTest("applications")
{
    private Task<HttpClient> SignInAsync(string user, string password) => Forms.SignedInAsync(Factory, user, password);

    private static async Task<long> NewApplicationAsync(HttpClient client)
    {
        using var created = await Forms.SubmitAsync(client, "/enterprise/applications", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(AppId().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task AddProjectAndClaimAsync(HttpClient client, long id)
    {
        var path = $"/enterprise/applications/{id}";
        using var project = await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "add-project", ["projectName"] = "算力采购" });
        Assert.Contains("项目已添加", await project.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var projectId = ProjectId().Match(page).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.7.1", ["amount"] = "400000" };
        var attestations = PolicyPortal.Infrastructure.Catalog.EmbeddedCatalog.All["shijingshan"].Articles.SelectMany(a => a.Parts)
            .Single(p => p.Code == "shijingshan.7.1").Attestations.Select(a => new KeyValuePair<string, string>("attest", a));
        using var claim = await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.7.1", fields, attestations);
        Assert.Contains("申报事项已保存", await claim.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_creates_one_submission_with_one_tracking_number()
    {
        using var client = await SignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password);
        var id = await NewApplicationAsync(client);
        await AddProjectAndClaimAsync(client, id);

        var path = $"/enterprise/applications/{id}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var key = SubmissionKey().Match(page).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["_handler"] = "submit", ["submissionKey"] = key };
        using var first = await Forms.SubmitAsync(client, path, fields);
        using var second = await Forms.SubmitAsync(client, path, fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        await using var db = Database.CreateContext();
        var application = await db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.NotNull(application.TrackingNumber);
        Assert.True(TrackingNumber.TryParse(application.TrackingNumber, out _));
        Assert.Equal(1, application.CatalogVersion);
        var claim = application.Projects.Single().Claims.Single();
        Assert.Equal(20_000_000, claim.FrozenGrantedFen); // 第七条：50% × ¥400,000 = ¥200,000 (cap ¥500,000)
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ApplicationId == id && e.Action == nameof(ApplicationAction.Submit) && e.After!.Contains("\"status\":\"Submitted\"")));
        Assert.Equal(1, await db.Applications.CountAsync(a => a.TrackingNumber != null));
    }

    [Fact]
    public async Task Another_enterprise_gets_404_for_the_application_and_its_preview_and_cannot_change_it()
    {
        using var owner = await SignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password);
        var id = await NewApplicationAsync(owner);

        var code = CreditCode.WithCheckCharacter("91110107MA02ZY9X8".Replace('Z', 'W'));
        using var other = Factory.CreateBrowserClient();
        using var registered = await Forms.SubmitAsync(other, "/register", new Dictionary<string, string>
        {
            ["Input.Name"] = "另一家企业", ["Input.CreditCode"] = code, ["Input.District"] = "shijingshan", ["Input.ContactName"] = "赵六",
            ["Input.ContactPhone"] = "13600000000", ["Input.Email"] = "", ["Input.Password"] = "Other@2026x", ["Input.ConfirmPassword"] = "Other@2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var view = await other.GetAsync(new Uri($"/enterprise/applications/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        using var preview = await other.GetAsync(new Uri($"/enterprise/applications/{id}/preview?clause=shijingshan.7.1&amount=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);

        // A forged post against the owner's application changes nothing.
        using var forged = await Forms.SubmitAsync(other, $"/enterprise/applications/{id}",
            new Dictionary<string, string> { ["_handler"] = "add-project", ["projectName"] = "冒名项目" }, [], tokensFrom: "/enterprise/applications");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Set<PolicyPortal.Infrastructure.Data.Applications.Project>().Where(p => p.ApplicationId == id).ToListAsync());
        var list = await other.GetStringAsync(new Uri("/enterprise/applications", UriKind.Relative));
        Assert.DoesNotContain($"/enterprise/applications/{id}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_after_the_window_closes_is_refused_and_the_draft_is_kept()
    {
        using var client = await SignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password);
        var id = await NewApplicationAsync(client);
        await AddProjectAndClaimAsync(client, id);
        await using (var db = Database.CreateContext())
        {
            var window = await db.PolicyWindows.SingleAsync(w => w.District == "shijingshan");
            window.Closes = window.Opens; // the window closed at 23:59:59 on its first day
            window.Opens = window.Opens.AddDays(-10);
            window.Closes = BeijingTime.DateOf(DateTimeOffset.UtcNow).AddDays(-1);
            await db.SaveChangesAsync();
        }
        var path = $"/enterprise/applications/{id}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var submit = await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "submit", ["submissionKey"] = SubmissionKey().Match(page).Groups[1].Value });
        Assert.Contains("申报期已结束", await submit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        var application = await check.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Single(application.Projects.Single().Claims);
    }

    [Fact]
    public async Task A_claim_with_a_value_that_is_not_a_number_is_refused_and_nothing_already_saved_is_lost()
    {
        using var client = await SignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password);
        var id = await NewApplicationAsync(client);
        await AddProjectAndClaimAsync(client, id);
        var path = $"/enterprise/applications/{id}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var projectId = ProjectId().Match(page).Groups[1].Value;
        using var bad = await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.4.1",
            new Dictionary<string, string> { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.4.1", ["amount"] = "五千万" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请输入不小于 0 的数字", html, StringComparison.Ordinal);
        Assert.Contains("value=\"五千万\"", html, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(["shijingshan.7.1"], await db.Claims.Select(c => c.Clause).ToListAsync());
    }

    [Fact]
    public async Task A_new_draft_is_filled_in_from_the_enterprise_file_and_a_bad_phone_is_refused_keeping_what_was_typed()
    {
        using var client = await SignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password);
        var id = await NewApplicationAsync(client);
        var path = $"/enterprise/applications/{id}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("value=\"张明\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"13800138000\"", page, StringComparison.Ordinal);

        using var bad = await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "contact", ["contactName"] = "李四", ["contactPhone"] = "12345" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("联系电话格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12345\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"李四\"", html, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal(("张明", "13800138000"), (application.ContactName, application.ContactPhone));
    }

    [GeneratedRegex(@"/enterprise/applications/(\d+)")]
    private static partial Regex AppId();

    [GeneratedRegex("name=\"project\" value=\"(\\d+)\"")]
    private static partial Regex ProjectId();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
