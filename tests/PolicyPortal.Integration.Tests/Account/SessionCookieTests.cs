using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Account;

/// <summary>The session's lifetimes on a clock the test moves: idle timeout (sliding) and absolute timeout (from sign-in).</summary>
public sealed class SessionTimeoutTests() : AccountTest("session-timeout")
{
    [Fact]
    public async Task An_active_session_still_ends_eight_hours_after_sign_in_and_the_end_is_audited()
    {
        using var client = await SignedInAsync("reviewer-shijingshan");
        var signedIn = Clock.Now;
        // Busy all day: a request every 20 minutes keeps the 30-minute idle timeout sliding.
        while (Clock.Now.AddMinutes(20) < signedIn.AddHours(8))
        {
            Clock.Now = Clock.Now.AddMinutes(20);
            Assert.True(await SignedInAsync(client), $"signed out after {(Clock.Now - signedIn).TotalMinutes} minutes");
        }
        Clock.Now = signedIn.AddHours(8).AddMinutes(1);
        Assert.False(await SignedInAsync(client));

        var expired = Assert.Single(await SignInAuditAsync(), e => e.Action == "SessionExpired");
        Assert.Equal("reviewer-shijingshan", expired.Actor);
        Assert.Equal("absolute timeout of 8 h", expired.Note);
    }

    [Fact]
    public async Task An_idle_session_ends_after_thirty_minutes()
    {
        using var client = await SignedInAsync("reviewer-shijingshan");
        Clock.Now = Clock.Now.AddMinutes(29);
        Assert.True(await SignedInAsync(client));
        Clock.Now = Clock.Now.AddMinutes(31);
        Assert.False(await SignedInAsync(client));
    }
}

/// <summary>The sign-in cookie's attributes as the Set-Cookie header states them.</summary>
public sealed class SessionCookieTests() : AccountTest("session-cookie")
{
    private static async Task<string> AuthCookieAsync(WebApplicationFactory<Program> app, string baseAddress)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        using var response = await Forms.SubmitAsync(client, "/account/login", Login(DemoAccounts.EnterpriseUser, DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("PolicyPortal.Auth=", StringComparison.Ordinal));
    }

    private static void AssertHttpOnlyLax(string cookie)
    {
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_marks_the_cookie_Secure_even_on_plain_http()
    {
        await using var production = Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var cookie = await AuthCookieAsync(production, "http://localhost");
        AssertHttpOnlyLax(cookie);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tests_and_development_follow_the_request_Secure_over_https_only()
    {
        var overHttps = await AuthCookieAsync(Factory, "https://localhost");
        AssertHttpOnlyLax(overHttps);
        Assert.Contains("; secure", overHttps, StringComparison.OrdinalIgnoreCase);

        var overHttp = await AuthCookieAsync(Factory, "http://localhost");
        AssertHttpOnlyLax(overHttp);
        Assert.DoesNotContain("; secure", overHttp, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_policy_can_be_set_and_a_wrong_value_stops_start_up()
    {
        await using var always = Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:CookieSecurePolicy", "Always"));
        Assert.Contains("; secure", await AuthCookieAsync(always, "http://localhost"), StringComparison.OrdinalIgnoreCase);

        await using var wrong = Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:CookieSecurePolicy", "Never"));
        var error = Assert.Throws<InvalidOperationException>(() => wrong.CreateClient());
        Assert.Contains("Accounts:CookieSecurePolicy", error.Message, StringComparison.Ordinal);
    }
}
