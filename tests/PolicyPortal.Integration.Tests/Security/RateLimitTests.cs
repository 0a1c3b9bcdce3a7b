using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// Sign-in, registration and upload posts are limited per client address (uploads per user too): past the limit, 429 with
/// Retry-After and a Chinese message page; other addresses are unaffected; the window resets.
/// </summary>
public sealed class RateLimitTests() : PostgresAppTest("rate-limits")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerWindow"] = "3", ["RateLimits:RegistrationPerWindow"] = "2",
        ["RateLimits:UploadsPerWindowPerAddress"] = "3", ["RateLimits:UploadsPerWindowPerUser"] = "2", ["RateLimits:WindowSeconds"] = "5",
    };

    private WebApplicationFactory<Program>? _app;

    private WebApplicationFactory<Program> App => _app ??= Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddresses>()));

    private HttpClient Client(string address) =>
        ClientAddresses.From(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), address);

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client) =>
        Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string> { ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong-password" });

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retry = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retry, 1, 5);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("操作过于频繁", page, StringComparison.Ordinal);
        Assert.Contains("秒后再试", page, StringComparison.Ordinal);
        Assert.Empty(SecurityHeaderRules.Problems(response));
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_address_and_the_limit_resets()
    {
        using var first = Client("198.51.100.1");
        for (var i = 0; i < 3; i++)
            using (var ok = await WrongPasswordAsync(first)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var limited = await WrongPasswordAsync(first)) await AssertLimitedAsync(limited);
        // Reading the page is not limited; another address is not affected.
        using (var page = await first.GetAsync(new Uri("/account/login", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var second = Client("198.51.100.2");
        using (var other = await WrongPasswordAsync(second)) Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(5.5));
        using (var again = await WrongPasswordAsync(first)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Registration_posts_are_limited_per_address()
    {
        using var client = Client("198.51.100.3");
        for (var i = 0; i < 2; i++)
            using (var ok = await Forms.SubmitAsync(client, "/register", new Dictionary<string, string> { ["Input.Name"] = "" })) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var limited = await Forms.SubmitAsync(client, "/register", new Dictionary<string, string> { ["Input.Name"] = "" });
        await AssertLimitedAsync(limited);
    }

    [Fact]
    public async Task Uploads_are_limited_per_user_whatever_the_address_and_per_address_whoever_the_user()
    {
        // A second enterprise, registered from an address of its own, before the window of the uploads starts.
        using var other = Client("198.51.100.9");
        using (var registered = await Forms.SubmitAsync(other, "/register", new Dictionary<string, string>
               {
                   ["Input.Name"] = "别家", ["Input.CreditCode"] = PolicyPortal.Domain.Enterprises.CreditCode.WithCheckCharacter("91110107MA03QWE12"),
                   ["Input.District"] = "shijingshan", ["Input.ContactName"] = "钱七", ["Input.ContactPhone"] = "13500000000", ["Input.Email"] = "",
                   ["Input.Password"] = "Other@2026x", ["Input.ConfirmPassword"] = "Other@2026x",
               }))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var otherToken = Forms.HiddenFields(await other.GetStringAsync(new Uri("/enterprise/applications", UriKind.Relative)))["__RequestVerificationToken"];
        using var user = Client("198.51.100.4");
        await SignInAsync(user, DemoAccounts.EnterpriseUser);
        var token = Forms.HiddenFields(await user.GetStringAsync(new Uri("/enterprise/applications", UriKind.Relative)))["__RequestVerificationToken"];

        // The claim does not exist (404), but every post counts: the limit protects the server before any lookup.
        using (var a = await UploadAsync(user, token)) Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
        Move(user, "198.51.100.5");
        using (var b = await UploadAsync(user, token)) Assert.Equal(HttpStatusCode.NotFound, b.StatusCode);
        using (var c = await UploadAsync(user, token)) await AssertLimitedAsync(c); // the user's third, from a second address

        // 198.51.100.5 has now seen three posts (the refused one counts for the address): the other enterprise is limited
        // there, and not from its own address.
        Move(other, "198.51.100.5");
        using (var d = await UploadAsync(other, otherToken)) await AssertLimitedAsync(d);
        Move(other, "198.51.100.9");
        using (var e = await UploadAsync(other, otherToken)) Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }

    private static void Move(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(ClientAddresses.Header);
        client.DefaultRequestHeaders.Add(ClientAddresses.Header, address);
    }

    private static async Task SignInAsync(HttpClient client, string user)
    {
        using var response = await Forms.SubmitAsync(client, "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token)
    {
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "a.pdf");
        return await client.PostAsync(new Uri("/enterprise/claims/987654/evidence", UriKind.Relative), content);
    }

    public override async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await base.DisposeAsync();
    }
}
