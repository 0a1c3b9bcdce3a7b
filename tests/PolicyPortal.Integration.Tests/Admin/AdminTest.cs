using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>One claim to seed: its project, clause, decision, approved amount and the amount frozen at submission (fen).</summary>
public sealed record SeedClaim(string Project, string Clause, ClaimDecision? Decision, long? ApprovedFen, long FrozenFen);

/// <summary>
/// The administration tests' base: the app on its own PostgreSQL database with a clock the test sets (notice periods are
/// tested by moving time, not by waiting), browser clients signed in through the real sign-in page, and applications written
/// straight to the database (the enterprise and reviewer sides are tested elsewhere).
/// </summary>
public abstract partial class AdminTest(string name) : PostgresAppTest(name)
{
    /// <summary>Tuesday 1 December 2026, 10:00 in Beijing.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    protected const int Year = 2026;

    private WebApplicationFactory<Program>? _app;
    private long _sequence;

    protected FixedClock Clock { get; } = new(Start);

    /// <summary>The portal with <see cref="Clock"/> as its time.</summary>
    protected WebApplicationFactory<Program> App => _app ??= Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));

    protected async Task<HttpClient> SignInAsync(string user)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.SubmitAsync(client, "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A district administrator (Admin role with a district claim).</summary>
    protected async Task<string> DistrictAdminAsync(string district)
    {
        var userName = $"admin-{district}";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, Email = $"{userName}@example.test", EmailConfirmed = true, DisplayName = $"{district} 管理员", District = district, CreatedAt = Start, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.Admin)).Succeeded);
        return userName;
    }

    protected async Task<long> EnterpriseAsync(string name, string district, string first17)
    {
        _ = App.Services;
        await using var db = Database.CreateContext();
        var enterprise = new Enterprise
        {
            CreditCode = CreditCode.WithCheckCharacter(first17), Name = name, District = district, ContactName = "联系人", ContactPhone = "13800000000",
            OwnerUserId = Guid.NewGuid().ToString(), CreatedAt = Start, UpdatedAt = Start,
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    }

    protected async Task<long> DemoEnterpriseAsync()
    {
        _ = App.Services;
        await using var db = Database.CreateContext();
        return (await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode)).Id;
    }

    /// <summary>An application with one claim per entry (each in its own project unless the names repeat); returns it with ids.</summary>
    protected async Task<Application> ApplicationAsync(long enterpriseId, string district, ApplicationStatus status, params SeedClaim[] claims) =>
        await ApplicationAsync(enterpriseId, district, Year, status, claims);

    protected async Task<Application> ApplicationAsync(long enterpriseId, string district, int year, ApplicationStatus status, params SeedClaim[] claims)
    {
        _ = App.Services;
        await using var db = Database.CreateContext();
        var n = Interlocked.Increment(ref _sequence);
        var submitted = status != ApplicationStatus.Draft;
        var application = new Application
        {
            EnterpriseId = enterpriseId, District = district, Year = year, Status = status, CatalogVersion = submitted ? 1 : null,
            TrackingNumber = submitted ? TrackingNumber.Create(district, year, n).Value : null, CreatedAt = Start, UpdatedAt = Start,
            SubmittedAt = submitted ? Start : null, FrozenTotalFen = submitted ? claims.Sum(c => c.FrozenFen) : null,
            Projects = [.. claims.GroupBy(c => c.Project).Select(g => new Project
            {
                Name = g.Key,
                Claims = [.. g.Select(c => new Claim
                {
                    Clause = c.Clause, AmountFen = c.FrozenFen, FrozenEligibleFen = submitted ? c.FrozenFen : null, FrozenGrantedFen = submitted ? c.FrozenFen : null,
                    FrozenExplanationJson = submitted ? "{\"zh\":[\"测算\"],\"en\":[\"calculated\"]}" : null,
                    Decision = c.Decision, ApprovedFen = c.ApprovedFen, DecisionReason = c.Decision == ClaimDecision.Rejected ? "不符合条件" : null,
                })],
            })],
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    protected static IEnumerable<long> ClaimIds(Application application) => application.Projects.SelectMany(p => p.Claims).Select(c => c.Id);

    /// <summary>The fen in data-fen of the element with the test id (and, if given, inside the row of the given attribute).</summary>
    protected static long Fen(string html, string testId) =>
        long.Parse(Regex.Match(html, $"data-testid=\"{testId}\" data-fen=\"(-?\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    protected static string Row(string html, string attribute, string value)
    {
        var start = html.IndexOf($"{attribute}=\"{value}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row with {attribute}={value}");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    protected static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => await client.GetAsync(new Uri(path, UriKind.Relative));
}
