using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Account;

/// <summary>The account tests' base: the portal on its own PostgreSQL database, with a clock the test may move.</summary>
public abstract partial class AccountTest(string name) : PostgresAppTest(name)
{
    private WebApplicationFactory<Program>? _app;

    protected FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The portal with <see cref="Clock"/> as its time.</summary>
    protected WebApplicationFactory<Program> App => _app ??= Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));

    protected HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected static Dictionary<string, string> Login(string user, string password) => new()
    {
        ["Input.UserName"] = user,
        ["Input.Password"] = password,
    };

    protected async Task<HttpClient> SignedInAsync(string user, string password = DemoAccounts.Password)
    {
        var client = Browser();
        using var response = await Forms.SubmitAsync(client, "/account/login", Login(user, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workbench", PathOf(response));
        return client;
    }

    protected static string? PathOf(HttpResponseMessage response) => response.Headers.Location is { } location
        ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
        : null;

    /// <summary>Whether the client's session is alive: the workbench answers 200, or redirects to sign-in.</summary>
    protected static async Task<bool> SignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/workbench", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", PathOf(response), StringComparison.Ordinal);
        return false;
    }

    protected async Task<List<AuditEntry>> SignInAuditAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "SignIn").OrderBy(e => e.Id).ToListAsync();
    }

    protected static string TestId(string html, string id)
    {
        var match = Regex.Match(html, $"data-testid=\"{id}\"[^>]*>(?<text>[^<]*)<");
        Assert.True(match.Success, $"no element {id} in the page");
        return WebUtility.HtmlDecode(match.Groups["text"].Value).Trim();
    }
}
