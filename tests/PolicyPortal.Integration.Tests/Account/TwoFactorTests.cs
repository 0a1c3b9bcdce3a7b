using System.Net;
using System.Text.RegularExpressions;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Account;

/// <summary>
/// The optional TOTP second factor on PostgreSQL, with codes computed in the test per RFC 6238 from the key the page shows.
/// These tests run on the real clock: TOTP codes are tied to real time.
/// </summary>
public sealed class TwoFactorTests() : AccountTest("two-factor")
{
    private const string Reviewer = "reviewer-yizhuang";

    private HttpClient RealClockBrowser() => Factory.CreateBrowserClient();

    private async Task<HttpClient> SignedInOnRealClockAsync(string user)
    {
        var client = RealClockBrowser();
        using var response = await Forms.SubmitAsync(client, "/account/login", Login(user, DemoAccounts.Password));
        Assert.Equal("/workbench", PathOf(response));
        return client;
    }

    /// <summary>Enables the second factor through the page; answers the base32 key, the recovery codes shown once and the code used.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, string SetupCode)> EnableAsync(HttpClient client)
    {
        var setup = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
        var shown = TestId(setup, "shared-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shown);
        var key = Totp.KeyFromDisplay(shown);
        Assert.Equal($"otpauth://totp/PolicyPortal%3A{Reviewer}?secret={key}&issuer=PolicyPortal&digits=6", TestId(setup, "otpauth-uri"));

        using var wrong = await Forms.SubmitAsync(client, "/account/two-factor", new Dictionary<string, string> { ["_handler"] = "enable-2fa", ["EnableInput.Code"] = WrongCode(key) });
        Assert.Contains("验证码不正确或已过期", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var setupCode = await Totp.FreshCodeAsync(key);
        using var right = await Forms.SubmitAsync(client, "/account/two-factor", new Dictionary<string, string> { ["_handler"] = "enable-2fa", ["EnableInput.Code"] = setupCode });
        var html = await right.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"two-factor-enabled\"", html, StringComparison.Ordinal);
        var codes = Regex.Matches(html, "<code[^>]*>([A-Z0-9]{5}-[A-Z0-9]{5})</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        // Shown once: the page now only says how many are left.
        var later = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.DoesNotContain(codes[0], later, StringComparison.Ordinal);
        Assert.Contains("剩余恢复码 10 个", later, StringComparison.Ordinal);
        return (key, codes, setupCode);
    }

    /// <summary>A six-digit code that is none of the codes accepted around now.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now.AddSeconds(30 * i))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private async Task<HttpClient> PasswordStepAsync()
    {
        var client = RealClockBrowser();
        using var response = await Forms.SubmitAsync(client, "/account/login", Login(Reviewer, DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login/two-factor?rememberMe=false&returnUrl=%2Fworkbench", PathOf(response), StringComparison.Ordinal);
        // The password alone is not a session.
        using var workbench = await client.GetAsync(new Uri("/workbench", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, workbench.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code) =>
        Forms.SubmitAsync(client, "/account/login/two-factor?rememberMe=false&returnUrl=%2Fworkbench", new Dictionary<string, string> { ["Input.Code"] = code });

    [Fact]
    public async Task Once_enabled_sign_in_asks_for_the_code_refuses_a_wrong_one_takes_the_right_one_and_a_recovery_code_once()
    {
        var (key, recovery, setupCode) = await EnableAsync(await SignedInOnRealClockAsync(Reviewer));

        using var first = await PasswordStepAsync();
        using (var wrong = await SecondStepAsync(first, WrongCode(key)))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("验证码不正确或已过期", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The set-up code was used once already: sign-in takes the next one.
        var code = await Totp.FreshCodeAsync(key, setupCode);
        using (var right = await SecondStepAsync(first, code))
            Assert.Equal("/workbench", PathOf(right));
        Assert.True(await SignedInAsync(first));

        // A code is taken once: replayed within its window, it is refused.
        using var replayed = await PasswordStepAsync();
        using (var again = await SecondStepAsync(replayed, code))
            Assert.Contains("验证码不正确或已过期", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SignedInAsync(replayed));

        using var second = await PasswordStepAsync();
        using (var byRecovery = await SecondStepAsync(second, recovery[3].ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)))
            Assert.Equal("/workbench", PathOf(byRecovery));
        Assert.True(await SignedInAsync(second));

        using var third = await PasswordStepAsync();
        using (var reused = await SecondStepAsync(third, recovery[3]))
            Assert.Contains("验证码不正确或已过期", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SignedInAsync(third));

        var audit = await SignInAuditAsync();
        var actions = audit.Select(e => (e.Action, e.Note)).ToList();
        Assert.Contains(("TwoFactorEnabled", "authenticator app (TOTP)"), actions);
        Assert.Contains(("TwoFactorFailed", "wrong authenticator code"), actions);
        Assert.Contains(("SignInSucceeded", "password + authenticator code"), actions);
        Assert.Contains(("SignInSucceeded", "password + recovery code"), actions);
        Assert.Contains(("TwoFactorFailed", "wrong recovery code"), actions);
        Assert.Contains(("TwoFactorFailed", "replayed authenticator code"), actions);
        Assert.Equal(4, actions.Count(a => a.Action == "SignInPasswordAccepted"));
        Assert.All(audit, e => Assert.Equal(Reviewer, e.Actor));
    }

    [Fact]
    public async Task Switching_it_off_takes_the_password_and_sign_in_is_one_step_again()
    {
        using var client = await SignedInOnRealClockAsync(Reviewer);
        await EnableAsync(client);

        using (var wrong = await Forms.SubmitAsync(client, "/account/two-factor", new Dictionary<string, string> { ["_handler"] = "disable-2fa", ["DisableInput.Password"] = "Wrong@2026" }))
            Assert.Contains("密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var off = await Forms.SubmitAsync(client, "/account/two-factor", new Dictionary<string, string> { ["_handler"] = "disable-2fa", ["DisableInput.Password"] = DemoAccounts.Password }))
            Assert.Contains("data-testid=\"two-factor-disabled\"", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await SignedInAsync(client));

        using var again = await SignedInOnRealClockAsync(Reviewer);
        var actions = (await SignInAuditAsync()).Select(e => e.Action).ToList();
        Assert.Contains("TwoFactorDisableRefused", actions);
        Assert.Contains("TwoFactorDisabled", actions);
    }

    [Fact]
    public async Task Enterprises_do_not_get_the_second_factor_page()
    {
        using var enterprise = await SignedInOnRealClockAsync(DemoAccounts.EnterpriseUser);
        using var page = await enterprise.GetAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", PathOf(page), StringComparison.Ordinal);
        using var admin = await SignedInOnRealClockAsync(DemoAccounts.AdminUser);
        using var adminPage = await admin.GetAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }
}

/// <summary>Accounts:RequireTwoFactorForAdmins (off by default): an administrator without a second factor is sent to set one up.</summary>
public sealed class RequiredTwoFactorTests() : AccountTest("two-factor-required")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:RequireTwoFactorForAdmins"] = "true" };

    [Fact]
    public async Task An_admin_without_a_second_factor_reaches_only_its_set_up_until_it_is_on()
    {
        var client = Factory.CreateBrowserClient();
        using (var signIn = await Forms.SubmitAsync(client, "/account/login", Login(DemoAccounts.AdminUser, DemoAccounts.Password)))
            Assert.Equal("/workbench", PathOf(signIn));
        using (var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative)))
            Assert.Equal("/account/two-factor?required=true", PathOf(admin));
        using var setupPage = await client.GetAsync(new Uri("/account/two-factor?required=true", UriKind.Relative));
        Assert.True(setupPage.StatusCode == HttpStatusCode.OK, $"{setupPage.StatusCode} {PathOf(setupPage)}");
        var setup = await setupPage.Content.ReadAsStringAsync();
        Assert.Contains("管理员须先启用两步验证", setup, StringComparison.Ordinal);

        var key = Totp.KeyFromDisplay(TestId(setup, "shared-key"));
        using (await Forms.SubmitAsync(client, "/account/two-factor", new Dictionary<string, string> { ["_handler"] = "enable-2fa", ["EnableInput.Code"] = await Totp.FreshCodeAsync(key) })) { }
        using var after = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // A reviewer is not held by the admins' rule.
        using var reviewer = Factory.CreateBrowserClient();
        using (await Forms.SubmitAsync(reviewer, "/account/login", Login("reviewer-fengtai", DemoAccounts.Password))) { }
        using var review = await reviewer.GetAsync(new Uri("/review", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
    }
}

/// <summary>Accounts:TwoFactorRoles decides who gets the second factor: here administrators only.</summary>
public sealed class TwoFactorRolesSettingTests() : AccountTest("two-factor-roles")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:TwoFactorRoles"] = "Admin" };

    [Fact]
    public async Task Only_the_configured_roles_reach_the_set_up_page()
    {
        using var reviewer = await Forms.SignedInAsync(Factory, "reviewer-fengtai");
        using var denied = await reviewer.GetAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.StartsWith("/account/denied", PathOf(denied), StringComparison.Ordinal);

        using var admin = await Forms.SignedInAsync(Factory, DemoAccounts.AdminUser);
        using var page = await admin.GetAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
