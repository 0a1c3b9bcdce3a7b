using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// The people and audit tests' base: sessions are checked against their account on every request (the default is once a
/// minute), so a test sees a disabled account's session end at once; helpers read the e-mail outbox and the audit log.
/// </summary>
public abstract partial class PeopleTest(string name) : AdminTest(name)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:SessionCheckSeconds"] = "0" };

    protected HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected async Task<HttpResponseMessage> TrySignInAsync(string user, string password)
    {
        using var client = Anonymous();
        return await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password });
    }

    protected async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = Anonymous();
        using var response = await Forms.SubmitAsync(client, "/account/login", new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = Database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    protected async Task<bool> UserExistsAsync(string userName)
    {
        await using var db = Database.CreateContext();
        return await db.Users.AnyAsync(u => u.UserName == userName);
    }

    protected async Task<List<string>> RolesAsync(string userName)
    {
        await using var db = Database.CreateContext();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.UserName == userName
                      select r.Name!).ToListAsync();
    }

    protected async Task<List<AuditEntry>> AuditAsync(string entityId)
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "User" && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync();
    }

    protected async Task<int> AuditCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    /// <summary>The invitation link in the newest e-mail waiting in the outbox for the user (path and query only).</summary>
    protected async Task<(string Link, string EmailTo)> InvitationAsync(string userName)
    {
        await using var db = Database.CreateContext();
        var id = (await UserAsync(userName)).Id;
        var mail = await db.Notifications.AsNoTracking().Where(n => n.UserId == id && n.EmailTo != null).OrderByDescending(n => n.Id).FirstAsync();
        var match = InvitationLink().Match(mail.Body);
        Assert.True(match.Success, mail.Body);
        return (WebUtility.HtmlDecode(match.Groups["path"].Value), mail.EmailTo!);
    }

    /// <summary>Posts one of a page's forms (by its handler name); the tokens come from another page when this one is out of reach.</summary>
    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, string? tokensFrom = null)
    {
        fields["_handler"] = handler;
        return await Forms.SubmitAsync(client, path, fields, [], tokensFrom);
    }

    protected static async Task<string> TextAsync(HttpResponseMessage response)
    {
        using (response) return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/account/activate\?user=[^\s]+)")]
    private static partial Regex InvitationLink();
}
