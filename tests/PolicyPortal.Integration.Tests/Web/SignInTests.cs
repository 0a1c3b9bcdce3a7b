using System.Net;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Web;

/// <summary>Cookie sign-in on PostgreSQL through the real pages: success, Chinese errors that keep the input, lockout, deny by default.</summary>
public sealed class SignInTests() : PostgresAppTest("signin")
{
    private static Dictionary<string, string> Login(string user, string password) => new()
    {
        ["Input.UserName"] = user,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Demo_enterprise_signs_in_and_reaches_its_workbench()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/account/login", Login(DemoAccounts.EnterpriseUser, DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workbench", response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString) : null);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("PolicyPortal.Auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));

        var workbench = await client.GetStringAsync(new Uri("/workbench", UriKind.Relative));
        Assert.Contains("示例科技有限公司", workbench, StringComparison.Ordinal);
        Assert.Contains("企业", workbench, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_fields_get_Chinese_messages_next_to_them_and_the_user_name_is_kept()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/account/login", Login("someone", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入密码", html, StringComparison.Ordinal);
        Assert.Contains("value=\"someone\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = Factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Forms.SubmitAsync(client, "/account/login", Login("reviewer-tongzhou", "Wrong@2026"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await Forms.SubmitAsync(client, "/account/login", Login("reviewer-tongzhou", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账户已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_but_see_the_public_pages()
    {
        using var client = Factory.CreateBrowserClient();
        using var workbench = await client.GetAsync(new Uri("/workbench", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, workbench.StatusCode);
        Assert.StartsWith("http://localhost/account/login", workbench.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("石景山区推进人工智能大模型", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_ui_to_English_and_back()
    {
        using var client = Factory.CreateBrowserClient();
        using var toEnglish = await client.GetAsync(new Uri("/culture/en?returnUrl=/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        var english = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("AI-industry subsidies in one place", english, StringComparison.Ordinal);
        await client.GetAsync(new Uri("/culture/zh-CN?returnUrl=/", UriKind.Relative));
        Assert.Contains("人工智能产业扶持政策，一站申报", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}

/// <summary>Every page carries the security headers: CSP without inline scripts, nosniff, frame denial, referrer policy.</summary>
public sealed class SecurityHeaderTests
{
    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite, "headers");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        using var client = factory.CreateClient();
        foreach (var path in new[] { "/", "/account/login", "/api/v1/clauses?district=fengtai", "/calculator" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'; img", csp.Split("script-src")[1].Split(';')[0] + "; img", StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
