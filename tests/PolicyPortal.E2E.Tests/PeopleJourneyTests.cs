using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// People and audit in Chromium: an administrator invites a reviewer; the reviewer opens the link from the invitation e-mail,
/// sets a password and signs in; the auditor filters the audit log and finds the invitation. Screenshots:
/// docs/screenshots/admin-people.png, admin-person.png and audit-log.png.
/// </summary>
[Collection(PortalFixtureGroup.Name)]
public sealed partial class PeopleJourneyTests(PortalServer portal)
{
    private const string Invitee = "zhao.min";
    private const string InviteePassword = "Zhao@Min2026";

    private static async Task SignInAsync(IPage page, string user, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/workbench"));
    }

    /// <summary>The link in the invitation e-mail waiting in the portal's outbox.</summary>
    private async Task<string> InvitationLinkAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = await db.Users.Where(u => u.UserName == Invitee).Select(u => u.Id).SingleAsync();
        var body = await db.Notifications.Where(n => n.UserId == id && n.EmailTo != null).OrderByDescending(n => n.Id).Select(n => n.Body).FirstAsync();
        return Link().Match(body).Value;
    }

    [Fact]
    public async Task An_admin_invites_a_reviewer_who_sets_a_password_and_the_auditor_finds_the_invitation()
    {
        var admin = await portal.NewPageAsync();
        await SignInAsync(admin, DemoAccounts.AdminUser);
        await admin.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "人员管理" }).ClickAsync();
        await admin.Locator("[data-testid=invite-link]").ClickAsync();

        // A mistake first: the message stands next to the field.
        await admin.Locator("#username").FillAsync("Zhao Min");
        await admin.Locator("[data-testid=send-invite]").ClickAsync();
        await Assertions.Expect(admin.Locator("#username ~ .text-danger")).ToContainTextAsync("用户名须为 3–64 个小写字母");

        await admin.Locator("#username").FillAsync(Invitee);
        await admin.Locator("#displayname").FillAsync("赵敏");
        await admin.Locator("#email").FillAsync("zhao.min@fengtai.example.gov.cn");
        await admin.Locator("#role").SelectOptionAsync(PortalRoles.Reviewer);
        await admin.Locator("#district").SelectOptionAsync("fengtai");
        await admin.Locator("[data-testid=send-invite]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=invite-message]")).ToHaveTextAsync("邀请已发送至 z***@fengtai.example.gov.cn。");

        await admin.GotoAsync("/admin/people");
        var row = admin.Locator($"[data-testid=staff-row][data-user='{Invitee}']");
        await Assertions.Expect(row.Locator("[data-testid=state]")).ToHaveTextAsync("待设置密码");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-people.png"), FullPage = true });
        await row.Locator("[data-testid=manage]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=member-summary]")).ToContainTextAsync("审核人员 · 丰台区");
        await Assertions.Expect(admin.Locator("[data-testid=member-history]")).ToContainTextAsync("邀请人员");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("admin-person.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        // The invitee opens the link from the e-mail and sets a password, then signs in as a Fengtai reviewer.
        var invitee = await portal.NewPageAsync();
        await invitee.GotoAsync(await InvitationLinkAsync());
        await Assertions.Expect(invitee.Locator("[data-testid=activate-user]")).ToHaveTextAsync(Invitee);
        await invitee.Locator("#password").FillAsync(InviteePassword);
        await invitee.Locator("#confirm").FillAsync(InviteePassword);
        await invitee.Locator("[data-testid=activate]").ClickAsync();
        await Assertions.Expect(invitee.Locator("[data-testid=activate-done]")).ToBeVisibleAsync();
        await SignInAsync(invitee, Invitee, InviteePassword);
        await Assertions.Expect(invitee.Locator("[data-testid=workbench-role]")).ToHaveTextAsync("审核人员");
        await Assertions.Expect(invitee.Locator("main")).ToContainTextAsync("丰台区");
        await Assertions.Expect(invitee.GetByRole(AriaRole.Link, new() { Name = "审核队列" })).ToHaveCountAsync(1);

        // The auditor filters the audit log down to the invitation.
        var auditor = await portal.NewPageAsync();
        await SignInAsync(auditor, DemoAccounts.AuditorUser);
        await Assertions.Expect(auditor.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true })).ToHaveCountAsync(0);
        await auditor.Locator("[data-testid=auditor-workbench] a").ClickAsync();
        await auditor.Locator("#entity").SelectOptionAsync("User");
        await auditor.Locator("#entityId").FillAsync(Invitee);
        await auditor.Locator("#from").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await auditor.Locator("[data-testid=audit-apply]").ClickAsync();
        var rows = auditor.Locator("[data-testid=audit-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(auditor.Locator("[data-testid=audit-row][data-action=InviteStaff]")).ToContainTextAsync("邀请人员");
        await Assertions.Expect(auditor.Locator("[data-testid=audit-row][data-action=InviteStaff]")).ToContainTextAsync("角色: — → 审核人员");
        await Assertions.Expect(auditor.Locator("[data-testid=audit-row][data-action=ActivateAccount]")).ToContainTextAsync(Invitee);
        await auditor.Locator("#action").FillAsync("InviteStaff");
        await auditor.Locator("[data-testid=audit-apply]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("admin");
        await auditor.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("audit-log.png"), FullPage = true });
    }

    [GeneratedRegex(@"https?://\S+/account/activate\?\S+")]
    private static partial Regex Link();
}
