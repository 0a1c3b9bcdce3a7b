using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Admin;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>Refused authorizations land in the append-only audit log with actor, address, UTC time and path, once a minute at most.</summary>
public sealed class RefusedAccessTests() : AdminTest("refused-access")
{
    private WebApplicationFactory<Program>? _addressed;

    /// <summary>The portal with client addresses (the in-process server has none of its own).</summary>
    private WebApplicationFactory<Program> Addressed => _addressed ??= App.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddresses>()));

    private async Task<HttpClient> SignedInFromAsync(string user, string address)
    {
        var client = ClientAddresses.From(Addressed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), address);
        using var response = await Forms.SubmitAsync(client, "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<List<AuditEntry>> RefusalsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.Where(e => e.Entity == "Access" && e.Action == "Refused").OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task A_forbidden_page_is_recorded_with_actor_address_time_and_path_once_a_minute()
    {
        using var reviewer = await SignedInFromAsync(DemoAccounts.ReviewerUser("shijingshan"), "198.51.100.23");
        for (var i = 0; i < 5; i++)
        {
            using var response = await reviewer.GetAsync(new Uri("/admin/budgets", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var entry = Assert.Single(await RefusalsAsync()); // five refusals within the minute: one entry
        Assert.Equal(DemoAccounts.ReviewerUser("shijingshan"), entry.Actor);
        Assert.NotNull(entry.ActorId);
        Assert.Equal("198.51.100.23", entry.Ip);
        Assert.Equal("/admin/budgets", entry.EntityId);
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.InRange(entry.At, Start.AddMinutes(-1), Start.AddMinutes(1)); // the portal's clock (the test's fixed clock), in UTC
        Assert.Contains("GET /admin/budgets: forbidden", entry.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_sent_to_sign_in_and_ids_that_do_not_exist_are_not_recorded()
    {
        using var anonymous = ClientAddresses.From(Addressed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "198.51.100.24");
        using (var response = await anonymous.GetAsync(new Uri("/admin", UriKind.Relative)))
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var enterprise = await SignedInFromAsync(DemoAccounts.EnterpriseUser, "198.51.100.25");
        using (var response = await enterprise.GetAsync(new Uri("/enterprise/applications/987654", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await RefusalsAsync());
    }

    [Fact]
    public async Task Another_enterprises_application_and_another_districts_pages_answer_404_and_are_recorded()
    {
        var other = await EnterpriseAsync("别家公司", "shijingshan", "91110107MA03QWE12");
        var foreign = await ApplicationAsync(other, "shijingshan", ApplicationStatus.Draft, new SeedClaim("项目", "shijingshan.5.3", null, null, 100));
        var fengtai = await DistrictAdminAsync("fengtai");

        using var enterprise = await SignedInFromAsync(DemoAccounts.EnterpriseUser, "198.51.100.26");
        using (var response = await enterprise.GetAsync(new Uri($"/enterprise/applications/{foreign.Id}", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var admin = await SignedInFromAsync(fengtai, "198.51.100.27");
        using (var response = await admin.GetAsync(new Uri("/admin/budgets?district=shijingshan", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await admin.GetAsync(new Uri("/admin/catalog/shijingshan/import", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var refusals = await RefusalsAsync();
        Assert.Equal(
            [(DemoAccounts.EnterpriseUser, $"/enterprise/applications/{foreign.Id}", "198.51.100.26"), (fengtai, "/admin/budgets", "198.51.100.27"), (fengtai, "/admin/catalog/shijingshan/import", "198.51.100.27")],
            refusals.Select(e => (e.Actor, e.EntityId, e.Ip!)));
        Assert.Contains("another enterprise's application", refusals[0].Note, StringComparison.Ordinal);
        Assert.Contains("district=shijingshan", refusals[1].Note, StringComparison.Ordinal);
    }

    public override async Task DisposeAsync()
    {
        if (_addressed is not null) await _addressed.DisposeAsync();
        await base.DisposeAsync();
    }
}
