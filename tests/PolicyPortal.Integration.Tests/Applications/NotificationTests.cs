using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>A submission is announced in the enterprise's inbox, and the Quartz mail job sends the e-mail copy.</summary>
public sealed class NotificationTests() : PostgresAppTest("notify"), IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"pp-mail-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scheduler:Enabled"] = "true", ["Scheduler:MailSeconds"] = "1", ["Mail:PickupFolder"] = _pickup,
    };

    public void Dispose()
    {
        if (Directory.Exists(_pickup)) Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task Submitting_puts_a_notice_in_the_inbox_and_the_mail_job_sends_its_copy()
    {
        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        using var created = await Forms.SubmitAsync(client, "/enterprise/applications", new Dictionary<string, string>());
        var path = created.Headers.Location!.IsAbsoluteUri ? created.Headers.Location.AbsolutePath : created.Headers.Location.ToString();
        using (await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "add-project", ["projectName"] = "平台" })) { }
        var projectId = Regex.Match(await client.GetStringAsync(new Uri(path, UriKind.Relative)), "name=\"project\" value=\"(\\d+)\"").Groups[1].Value;
        using (await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.5.2",
                   new Dictionary<string, string> { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.5.2" },
                   PolicyPortal.Infrastructure.Catalog.EmbeddedCatalog.All["shijingshan"].Articles.SelectMany(a => a.Parts).Single(p => p.Code == "shijingshan.5.2")
                       .Attestations.Select(a => new KeyValuePair<string, string>("attest", a)))) { }
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var submitted = await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "submit", ["submissionKey"] = Forms.HiddenFields(page)["submissionKey"] });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        await using var db = Database.CreateContext();
        var number = await db.Applications.Select(a => a.TrackingNumber).SingleAsync(n => n != null);
        var inbox = await client.GetStringAsync(new Uri("/inbox", UriKind.Relative));
        Assert.Contains($"申报已受理：{number}", inbox, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unread\"", inbox, StringComparison.Ordinal);

        string? mail = null;
        for (var i = 0; i < 60 && mail is null; i++)
        {
            mail = Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml").FirstOrDefault() : null;
            if (mail is null) await Task.Delay(500);
        }
        Assert.NotNull(mail);
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains("demo-enterprise@demo.policyportal.local", text, StringComparison.Ordinal);
        Assert.True(await db.Notifications.AnyAsync(n => n.EmailedAt != null));
    }
}
