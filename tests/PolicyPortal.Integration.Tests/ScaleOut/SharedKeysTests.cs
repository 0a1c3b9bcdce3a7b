using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.ScaleOut;

/// <summary>
/// Data Protection keys live in the database: what one instance protects (the sign-in cookie, an antiforgery token)
/// another unprotects, and instances started together share one key.
/// </summary>
public sealed class SharedKeysTests
{
    private static Dictionary<string, string> Login(string user, string password) => new()
    {
        ["Input.UserName"] = user,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        await using var cluster = await TwoInstances.StartAsync("so_cookie", scheduler: false);
        var (onA, onB) = cluster.Browser();
        using (onA)
        using (onB)
        {
            using var anonymous = await onB.GetAsync(new Uri("/workbench", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // not signed in yet

            using var signIn = await Forms.SubmitAsync(onA, "/account/login", Login(DemoAccounts.EnterpriseUser, DemoAccounts.Password));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            using var workbench = await onB.GetAsync(new Uri("/workbench", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, workbench.StatusCode);
            Assert.Contains("示例科技有限公司", await workbench.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Two instances started together on an empty database made one key between them, not one each.
        await using var db = cluster.Database.CreateContext();
        var keys = await db.DataProtectionKeys.ToListAsync();
        Assert.Single(keys);
        Assert.StartsWith("key-", keys[0].FriendlyName, StringComparison.Ordinal);
        Assert.StartsWith("<key ", keys[0].Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_antiforgery_token_from_a_form_on_one_instance_is_accepted_by_a_post_on_the_other()
    {
        await using var cluster = await TwoInstances.StartAsync("so_antiforgery", scheduler: false);
        var (onA, onB) = cluster.Browser();
        using (onA)
        using (onB)
        {
            // Signed out: the sign-in form from A, posted to B.
            var form = Forms.HiddenFields(await onA.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
            Assert.Contains("__RequestVerificationToken", form.Keys);
            using (var content = new FormUrlEncodedContent(form.Concat(Login(DemoAccounts.EnterpriseUser, DemoAccounts.Password))))
            using (var posted = await onB.PostAsync(new Uri("/account/login", UriKind.Relative), content))
                Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

            // Signed in (the token is then bound to the user): the sign-out form on B's page, posted to A.
            var page = await onB.GetStringAsync(new Uri("/workbench", UriKind.Relative));
            var token = Forms.HiddenFields(page)["__RequestVerificationToken"];
            using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
            using (var signOut = await onA.PostAsync(new Uri("/account/logout", UriKind.Relative), content))
                Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            using var after = await onB.GetAsync(new Uri("/workbench", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        // The control: a portal on another database has other keys; its form, cookie and token together are refused by B.
        await using var elsewhere = await TestDatabase.CreateAsync(Provider.Postgres, "so_other_keys");
        await using var other = new PortalFactory(elsewhere, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var foreign = await otherClient.GetAsync(new Uri("/account/login", UriKind.Relative));
        var foreignForm = Forms.HiddenFields(await foreign.Content.ReadAsStringAsync());
        var foreignCookies = string.Join("; ", foreign.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var bClient = cluster.B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(foreignForm.Concat(Login(DemoAccounts.EnterpriseUser, DemoAccounts.Password))),
        };
        request.Headers.Add("Cookie", foreignCookies);
        using var refused = await bClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
