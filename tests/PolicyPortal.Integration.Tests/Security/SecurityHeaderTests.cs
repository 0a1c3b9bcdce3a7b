using System.Net;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// The security headers are on every response, not only on pages: static files, the API and its browser, 404s, 413s (the
/// matrix checks every page and endpoint; the rate-limit tests check 429s). No script-src allows inline script anywhere.
/// </summary>
public sealed class SecurityHeaderTests() : PostgresAppTest("security-headers")
{
    [Theory]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/lib/htmx.min.js", HttpStatusCode.OK)]
    [InlineData("/lib/no-such-file.js", HttpStatusCode.Found)] // deny by default: an unknown address asks an anonymous visitor to sign in
    [InlineData("/no-such-page", HttpStatusCode.Found)]
    [InlineData("/api/docs/index.html", HttpStatusCode.OK)]
    [InlineData("/api/v1/clauses?district=nowhere", HttpStatusCode.BadRequest)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(SecurityHeaderRules.Problems(response));
    }

    [Fact]
    public async Task A_signed_in_users_404_page_carries_them()
    {
        using var client = await Forms.SignedInAsync(Factory, PolicyPortal.Infrastructure.Identity.DemoAccounts.EnterpriseUser);
        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(SecurityHeaderRules.Problems(response));
    }

    [Fact]
    public async Task An_oversize_post_answered_before_any_page_runs_carries_them_too()
    {
        using var client = Factory.CreateBrowserClient();
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri("/register", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(SecurityHeaderRules.Problems(response));
    }

    [Fact]
    public async Task The_page_policy_allows_scripts_from_the_portal_only_and_pages_carry_no_inline_script()
    {
        using var client = Factory.CreateBrowserClient();
        foreach (var path in new[] { "/", "/account/login", "/register", "/calculator?district=shijingshan", "/notices" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            // The policy would block an inline script; the page must not need one (no <script> without src, no on* handlers).
            var page = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=\s*""", page);
        }
    }
}
