using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// People management on PostgreSQL: an invitation becomes an account only when the invitee sets a password through the link;
/// district administrators reach only their district's people; disabling ends sign-in and the open session; enterprise accounts
/// are locked and unlocked; nobody acts on themselves; every action is in the audit log with before and after.
/// </summary>
public sealed class PeopleTests() : PeopleTest("people")
{
    private const string NewPassword = "Xin@Mima2026";

    private static Dictionary<string, string> Invite(string userName, string role, string district, string email = "li.wei@fengtai.example.gov.cn") => new()
    {
        ["Input.UserName"] = userName, ["Input.DisplayName"] = "李伟", ["Input.Email"] = email, ["Input.Role"] = role, ["Input.District"] = district,
    };

    [Fact]
    public async Task An_invited_reviewer_sets_a_password_and_signs_in_with_the_right_role_and_district()
    {
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        var sent = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite("li.wei", PortalRoles.Reviewer, "fengtai")));
        Assert.Contains("邀请已发送至 l***@fengtai.example.gov.cn", sent, StringComparison.Ordinal);

        // The account exists without a password: it cannot sign in before the invitee sets one.
        var invited = await UserAsync("li.wei");
        Assert.Null(invited.PasswordHash);
        Assert.Equal("fengtai", invited.District);
        Assert.Equal([PortalRoles.Reviewer], await RolesAsync("li.wei"));
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync("li.wei", "")).StatusCode);

        var inviteEntry = Assert.Single(await AuditAsync("li.wei"));
        Assert.Equal(("InviteStaff", "admin", "fengtai"), (inviteEntry.Action, inviteEntry.Actor, inviteEntry.District));
        Assert.Null(inviteEntry.Before);
        using (var after = JsonDocument.Parse(inviteEntry.After!))
        {
            Assert.Equal("Reviewer", after.RootElement.GetProperty("role").GetString());
            Assert.Equal("l***@fengtai.example.gov.cn", after.RootElement.GetProperty("email").GetString());
        }

        // The link goes to the invitee's e-mail (the outbox), not to the administrator's page.
        var (link, emailTo) = await InvitationAsync("li.wei");
        Assert.Equal("li.wei@fengtai.example.gov.cn", emailTo);
        Assert.DoesNotContain("token=", sent, StringComparison.Ordinal);

        using var invitee = Anonymous();
        var form = await TextAsync(await invitee.GetAsync(new Uri(link, UriKind.Relative)));
        Assert.Contains("data-testid=\"activate-user\">li.wei<", form, StringComparison.Ordinal);
        var mismatch = await TextAsync(await Forms.SubmitAsync(invitee, link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = "Other@2026x" }));
        Assert.Contains("两次输入的密码不一致", mismatch, StringComparison.Ordinal);
        var weak = await TextAsync(await Forms.SubmitAsync(invitee, link, new Dictionary<string, string> { ["Input.Password"] = "abc", ["Input.ConfirmPassword"] = "abc" }));
        Assert.Contains("密码至少 8 个字符", weak, StringComparison.Ordinal);
        Assert.Null((await UserAsync("li.wei")).PasswordHash);
        var done = await TextAsync(await Forms.SubmitAsync(invitee, link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }));
        Assert.Contains("data-testid=\"activate-done\"", done, StringComparison.Ordinal);

        // Signed in with the role and district the administrator chose; the reviewer's queue opens, administration does not.
        using var reviewer = await SignInAsync("li.wei", NewPassword);
        var workbench = await TextAsync(await reviewer.GetAsync(new Uri("/workbench", UriKind.Relative)));
        Assert.Contains("data-testid=\"workbench-role\">审核人员<", workbench, StringComparison.Ordinal);
        Assert.Contains("丰台区", workbench, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(new Uri("/review", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync(new Uri("/admin/people", UriKind.Relative))).StatusCode);

        // The link worked once.
        var again = await TextAsync(await invitee.GetAsync(new Uri(link, UriKind.Relative)));
        Assert.Contains("data-testid=\"activate-invalid\"", again, StringComparison.Ordinal);
        var entries = await AuditAsync("li.wei");
        Assert.Equal(["InviteStaff", "ActivateAccount"], entries.Select(e => e.Action));
        Assert.Equal("li.wei", entries[1].Actor);
    }

    [Fact]
    public async Task Resending_an_invitation_voids_the_earlier_link()
    {
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite("audit.zhang", PortalRoles.Auditor, "")));
        var (first, _) = await InvitationAsync("audit.zhang");
        var id = (await UserAsync("audit.zhang")).Id;
        var resent = await TextAsync(await PostAsync(admin, $"/admin/people/staff/{id}", "resend", []));
        Assert.Contains("邀请已重新发送", resent, StringComparison.Ordinal);
        var (second, _) = await InvitationAsync("audit.zhang");
        Assert.NotEqual(first, second);

        using var invitee = Anonymous();
        Assert.Contains("activate-invalid", await TextAsync(await invitee.GetAsync(new Uri(first, UriKind.Relative))), StringComparison.Ordinal);
        Assert.Contains("activate-user", await TextAsync(await invitee.GetAsync(new Uri(second, UriKind.Relative))), StringComparison.Ordinal);
        Assert.Equal(["InviteStaff", "ResendInvitation"], (await AuditAsync("audit.zhang")).Select(e => e.Action));
        Assert.Equal([PortalRoles.Auditor], await RolesAsync("audit.zhang"));
        Assert.Null((await UserAsync("audit.zhang")).District);

        // The portal-wide list: the portal-wide people only.
        var portalWide = await TextAsync(await admin.GetAsync(new Uri("/admin/people?district=-", UriKind.Relative)));
        Assert.Contains("data-user=\"audit.zhang\"", portalWide, StringComparison.Ordinal);
        Assert.Contains("data-user=\"admin-checker\"", portalWide, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user=\"reviewer-fengtai\"", portalWide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_form_refuses_bad_input_with_messages_next_to_the_fields()
    {
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        var before = await AuditCountAsync();
        var page = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite("Li Wei!", PortalRoles.Reviewer, "", email: "not-an-email")));
        Assert.Contains("用户名须为 3–64 个小写字母、数字、点、横线或下划线", page, StringComparison.Ordinal);
        Assert.Contains("邮箱格式不正确", page, StringComparison.Ordinal);
        Assert.Contains("审核人员须属于某个区", page, StringComparison.Ordinal);
        var taken = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite(DemoAccounts.ReviewerUser("fengtai"), PortalRoles.Reviewer, "fengtai")));
        Assert.Contains("用户名 reviewer-fengtai 已被使用", taken, StringComparison.Ordinal);
        var english = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite?culture=en&ui-culture=en", Invite("", PortalRoles.Reviewer, "fengtai"), [], tokensFrom: "/admin/people/invite"));
        Assert.Contains("Enter the user name", english, StringComparison.Ordinal);
        Assert.False(await UserExistsAsync("Li Wei!"));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task A_district_admin_cannot_see_or_change_another_districts_people()
    {
        var fengtaiAdmin = await DistrictAdminAsync("fengtai");
        await DistrictAdminAsync("yizhuang");
        using var admin = await SignInAsync(fengtaiAdmin);
        var list = await TextAsync(await admin.GetAsync(new Uri("/admin/people", UriKind.Relative)));
        Assert.Contains("data-user=\"reviewer-fengtai\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user=\"reviewer-yizhuang\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user=\"admin-yizhuang\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user=\"admin\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user=\"auditor\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/people?district=yizhuang", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/people?district=-", UriKind.Relative))).StatusCode);

        var before = await AuditCountAsync();
        foreach (var target in new[] { DemoAccounts.ReviewerUser("yizhuang"), "admin-yizhuang", DemoAccounts.AdminUser, DemoAccounts.AuditorUser })
        {
            var path = $"/admin/people/staff/{(await UserAsync(target)).Id}";
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            using var change = await PostAsync(admin, path, "change", new() { ["ChangeInput.Role"] = PortalRoles.Admin, ["ChangeInput.District"] = "fengtai", ["ChangeInput.Reason"] = "越权" }, "/admin/people/invite");
            Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
            using var disable = await PostAsync(admin, path, "state", new() { ["StateInput.Reason"] = "越权" }, "/admin/people/invite");
            Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
            var user = await UserAsync(target);
            Assert.Null(user.DisabledAt);
            Assert.NotEqual("fengtai", user.District);
        }
        Assert.Equal([PortalRoles.Reviewer], await RolesAsync(DemoAccounts.ReviewerUser("yizhuang")));

        // Inviting into another district, or an auditor, is refused next to the field; nothing is created.
        var other = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite("wang.yz", PortalRoles.Reviewer, "yizhuang")));
        Assert.Contains("您无权在该区或以该角色邀请人员", other, StringComparison.Ordinal);
        var auditor = await TextAsync(await Forms.SubmitAsync(admin, "/admin/people/invite", Invite("wang.au", PortalRoles.Auditor, "fengtai")));
        Assert.Contains("您无权在该区或以该角色邀请人员", auditor, StringComparison.Ordinal);
        Assert.False(await UserExistsAsync("wang.yz"));
        Assert.False(await UserExistsAsync("wang.au"));

        // Another district's enterprise accounts are out of reach as well.
        var yizhuang = await EnterpriseAsync("亦庄企业", "yizhuang", "91110302MA01YX5L6");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/admin/people/enterprises/{yizhuang}", UriKind.Relative))).StatusCode);
        using (var locking = await PostAsync(admin, $"/admin/people/enterprises/{yizhuang}", "lock", new() { ["Input.Reason"] = "越权" }, "/admin/people/invite"))
            Assert.Equal(HttpStatusCode.NotFound, locking.StatusCode);
        Assert.Equal(before, await AuditCountAsync());

        // Within the district: a reviewer becomes an administrator of it (and must sign in again).
        var reviewerId = (await UserAsync(DemoAccounts.ReviewerUser("fengtai"))).Id;
        var changed = await TextAsync(await PostAsync(admin, $"/admin/people/staff/{reviewerId}", "change",
            new() { ["ChangeInput.Role"] = PortalRoles.Admin, ["ChangeInput.District"] = "fengtai", ["ChangeInput.Reason"] = "岗位调整" }));
        Assert.Contains("角色和所属区已保存", changed, StringComparison.Ordinal);
        Assert.Equal([PortalRoles.Admin], await RolesAsync(DemoAccounts.ReviewerUser("fengtai")));
        var entry = Assert.Single(await AuditAsync(DemoAccounts.ReviewerUser("fengtai")));
        Assert.Equal(("ChangeRole", fengtaiAdmin, "fengtai", "岗位调整"), (entry.Action, entry.Actor, entry.District, entry.Note));
        Assert.Contains("\"role\":\"Reviewer\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"Admin\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_blocks_sign_in_and_ends_its_session()
    {
        using var reviewer = await SignInAsync(DemoAccounts.ReviewerUser("shijingshan"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(new Uri("/review", UriKind.Relative))).StatusCode);

        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        var path = $"/admin/people/staff/{(await UserAsync(DemoAccounts.ReviewerUser("shijingshan"))).Id}";
        var noReason = await TextAsync(await PostAsync(admin, path, "state", new() { ["StateInput.Reason"] = "" }));
        Assert.Contains("请填写理由", noReason, StringComparison.Ordinal);
        Assert.Null((await UserAsync(DemoAccounts.ReviewerUser("shijingshan"))).DisabledAt);

        var disabled = await TextAsync(await PostAsync(admin, path, "state", new() { ["StateInput.Reason"] = "调离岗位" }));
        Assert.Contains("账号已停用", disabled, StringComparison.Ordinal);
        Assert.NotNull((await UserAsync(DemoAccounts.ReviewerUser("shijingshan"))).DisabledAt);

        // The open session ends at its next check (a moment later); signing in again is refused.
        Clock.Now = Clock.Now.AddSeconds(1);
        using (var next = await reviewer.GetAsync(new Uri("/review", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.Contains("/account/login", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(DemoAccounts.ReviewerUser("shijingshan"), DemoAccounts.Password)).StatusCode);

        var enabled = await TextAsync(await PostAsync(admin, path, "state", new() { ["StateInput.Reason"] = "返岗" }));
        Assert.Contains("账号已重新启用", enabled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(DemoAccounts.ReviewerUser("shijingshan"), DemoAccounts.Password)).StatusCode);

        var entries = await AuditAsync(DemoAccounts.ReviewerUser("shijingshan"));
        Assert.Equal(["DisableAccount", "EnableAccount"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("admin", "shijingshan"), (e.Actor, e.District)));
        Assert.Contains("\"disabled\":false", entries[0].Before, StringComparison.Ordinal);
        Assert.Contains("\"disabled\":true", entries[0].After, StringComparison.Ordinal);
        Assert.Equal(["调离岗位", "返岗"], entries.Select(e => e.Note));
    }

    [Fact]
    public async Task Nobody_acts_on_themselves_and_two_admins_disabling_each_other_leave_one_enabled()
    {
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        using var checker = await SignInAsync(DemoAccounts.CheckerUser);
        var adminPath = $"/admin/people/staff/{(await UserAsync(DemoAccounts.AdminUser)).Id}";
        var checkerPath = $"/admin/people/staff/{(await UserAsync(DemoAccounts.CheckerUser)).Id}";

        var self = await TextAsync(await PostAsync(admin, adminPath, "state", new() { ["StateInput.Reason"] = "测试" }));
        Assert.Contains("不能停用或启用自己的账号", self, StringComparison.Ordinal);
        var demote = await TextAsync(await PostAsync(admin, adminPath, "change", new() { ["ChangeInput.Role"] = PortalRoles.Reviewer, ["ChangeInput.District"] = "fengtai", ["ChangeInput.Reason"] = "测试" }));
        Assert.Contains("不能更改自己的角色或所属区", demote, StringComparison.Ordinal);
        Assert.Null((await UserAsync(DemoAccounts.AdminUser)).DisabledAt);
        Assert.Empty(await AuditAsync(DemoAccounts.AdminUser));

        // Both at once: the changes are serialised and the second finds its actor disabled — one portal-wide admin remains.
        var tokensA = Forms.HiddenFields(await admin.GetStringAsync(new Uri(checkerPath, UriKind.Relative)));
        var tokensC = Forms.HiddenFields(await checker.GetStringAsync(new Uri(adminPath, UriKind.Relative)));
        tokensA["_handler"] = "state"; tokensA["StateInput.Reason"] = "互相停用";
        tokensC["_handler"] = "state"; tokensC["StateInput.Reason"] = "互相停用";
        using var a = new FormUrlEncodedContent(tokensA);
        using var c = new FormUrlEncodedContent(tokensC);
        var results = await Task.WhenAll(admin.PostAsync(new Uri(checkerPath, UriKind.Relative), a), checker.PostAsync(new Uri(adminPath, UriKind.Relative), c));
        foreach (var r in results) r.Dispose();
        var disabled = new[] { await UserAsync(DemoAccounts.AdminUser), await UserAsync(DemoAccounts.CheckerUser) }.Count(u => u.DisabledAt is not null);
        Assert.Equal(1, disabled);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "DisableAccount"));
    }

    [Fact]
    public async Task An_enterprise_account_is_locked_and_unlocked_by_its_districts_admin()
    {
        var enterprise = await DemoEnterpriseAsync();
        using var admin = await SignInAsync(await DistrictAdminAsync("shijingshan"));
        using var session = await SignInAsync(DemoAccounts.EnterpriseUser);
        var list = await TextAsync(await admin.GetAsync(new Uri("/admin/people/enterprises", UriKind.Relative)));
        Assert.Contains($"data-code=\"{DemoAccounts.EnterpriseCreditCode}\"", list, StringComparison.Ordinal);

        var path = $"/admin/people/enterprises/{enterprise}";
        var locked = await TextAsync(await PostAsync(admin, path, "lock", new() { ["Input.Reason"] = "涉嫌虚假申报，暂停账号" }));
        Assert.Contains("企业账号已锁定", locked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password)).StatusCode);
        Clock.Now = Clock.Now.AddSeconds(1);
        using (var next = await session.GetAsync(new Uri("/enterprise/applications", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);

        var unlocked = await TextAsync(await PostAsync(admin, path, "lock", new() { ["Input.Reason"] = "核查完毕" }));
        Assert.Contains("企业账号已解锁", unlocked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(DemoAccounts.EnterpriseUser, DemoAccounts.Password)).StatusCode);

        var entries = await AuditAsync(DemoAccounts.EnterpriseUser);
        Assert.Equal(["LockAccount", "UnlockAccount"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("admin-shijingshan", "shijingshan"), (e.Actor, e.District)));
        Assert.Equal("涉嫌虚假申报，暂停账号", entries[0].Note);
        Assert.Contains("\"role\":\"Enterprise\"", entries[0].After, StringComparison.Ordinal);
    }
}
