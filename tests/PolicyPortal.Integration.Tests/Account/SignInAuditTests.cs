using System.Net;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Account;

/// <summary>
/// Every sign-in attempt lands in the audit log with the name tried, the client address, the UTC time and the outcome. The
/// portal runs on a real socket here, so the address is a real one (127.0.0.1), and a forged X-Forwarded-For is ignored.
/// </summary>
public sealed class SignInAuditTests() : AccountTest("signin-audit")
{
    private const string ForgedAddress = "203.0.113.77";

    private HttpClient KestrelBrowser()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        // A plain socket client: the factory's own client follows redirects in Kestrel mode, whatever its options say.
#pragma warning disable CA2000 // the client owns and disposes its handler
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
#pragma warning restore CA2000
        {
            BaseAddress = Factory.ClientOptions.BaseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ForgedAddress);
        return client;
    }

    [Fact]
    public async Task Unknown_users_wrong_passwords_and_the_lockout_are_audited_with_the_real_address_and_the_user_cannot_tell_which()
    {
        using var client = KestrelBrowser();
        var before = DateTimeOffset.UtcNow;

        using var unknown = await Forms.SubmitAsync(client, "/account/login", Login("nobody-here", "Wrong@2026"));
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Forms.SubmitAsync(client, "/account/login", Login("reviewer-tongzhou", "Wrong@2026"));
            var page = await wrong.Content.ReadAsStringAsync();
            if (i < 4)
                Assert.Equal(TestId(unknownPage, "login-error"), TestId(page, "login-error")); // the same words for both kinds of failure
            else
                Assert.Contains("账户已锁定", page, StringComparison.Ordinal);
        }
        using var whileLocked = await Forms.SubmitAsync(client, "/account/login", Login("reviewer-tongzhou", DemoAccounts.Password));
        Assert.Contains("账户已锁定", await whileLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("用户名或密码不正确。", TestId(unknownPage, "login-error"));

        var audit = await SignInAuditAsync();
        Assert.Equal(7, audit.Count);
        Assert.All(audit, e =>
        {
            Assert.Equal("127.0.0.1", e.Ip);
            Assert.Equal(TimeSpan.Zero, e.At.Offset);
            Assert.InRange(e.At, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        });
        Assert.Equal(("nobody-here", "SignInFailed", "unknown user"), (audit[0].Actor, audit[0].Action, audit[0].Note));
        Assert.Null(audit[0].ActorId);
        Assert.All(audit.Skip(1).Take(4), e => Assert.Equal(("reviewer-tongzhou", "SignInFailed"), (e.Actor, e.Action)));
        Assert.StartsWith("wrong password", audit[1].Note, StringComparison.Ordinal);
        Assert.All(audit.Skip(5), e => Assert.Equal(("reviewer-tongzhou", "SignInLockedOut"), (e.Actor, e.Action)));
        Assert.All(audit.Skip(1), e => Assert.NotNull(e.ActorId));
        Assert.DoesNotContain(audit, e => e.Ip == ForgedAddress);
    }

    [Fact]
    public async Task A_successful_sign_in_and_the_sign_out_are_audited()
    {
        using var client = KestrelBrowser();
        using (var signIn = await Forms.SubmitAsync(client, "/account/login", Login("reviewer-fengtai", DemoAccounts.Password)))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using (var signOut = await Forms.SubmitAsync(client, "/account/logout", new Dictionary<string, string>(), [], tokensFrom: "/workbench"))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var audit = await SignInAuditAsync();
        Assert.Equal(["SignInSucceeded", "SignOut"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(("reviewer-fengtai", "127.0.0.1"), (e.Actor, e.Ip)));
        Assert.Equal("password", audit[0].Note);
    }
}
