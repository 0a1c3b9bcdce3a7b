using System.Net;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Account;

/// <summary>Password change on PostgreSQL: Chinese messages by the fields, the password policy, other sessions ended, audited.</summary>
public sealed class PasswordChangeTests() : AccountTest("password-change")
{
    private const string NewPassword = "Changed#2026a";

    private static Dictionary<string, string> Change(string current, string next, string again) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = again,
    };

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_next_to_the_fields_and_changes_nothing()
    {
        using var client = await SignedInAsync(DemoAccounts.EnterpriseUser);

        using var empty = await Forms.SubmitAsync(client, "/account/password", Change("", "", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请输入当前密码", html, StringComparison.Ordinal);
        Assert.Contains("请输入新密码", html, StringComparison.Ordinal);

        using var mismatch = await Forms.SubmitAsync(client, "/account/password", Change(DemoAccounts.Password, NewPassword, NewPassword + "x"));
        Assert.Contains("两次输入的新密码不一致", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var weak = await Forms.SubmitAsync(client, "/account/password", Change(DemoAccounts.Password, "abcdefgh", "abcdefgh"));
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("密码须包含小写字母、大写字母、数字、符号中的至少 3 类", weakHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"abcdefgh\"", weakHtml, StringComparison.Ordinal); // passwords never come back in the page

        using var wrong = await Forms.SubmitAsync(client, "/account/password", Change("Wrong@2026", NewPassword, NewPassword));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("密码不正确", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("password-changed", wrongHtml, StringComparison.Ordinal);

        // The old password still works; the failures are audited without the passwords.
        using var again = await SignedInAsync(DemoAccounts.EnterpriseUser);
        var audit = await SignInAuditAsync();
        Assert.Equal(["new password refused by the password policy", "wrong current password"],
            audit.Where(e => e.Action == "PasswordChangeFailed").Select(e => e.Note).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(audit, e => (e.Note ?? "").Contains("Wrong@2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_ends_the_others_and_is_audited()
    {
        using var here = await SignedInAsync("reviewer-binjiang");
        using var elsewhere = await SignedInAsync("reviewer-binjiang");
        Assert.True(await SignedInAsync(elsewhere));

        using var changed = await Forms.SubmitAsync(here, "/account/password", Change(DemoAccounts.Password, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("密码已修改。您在其他设备或浏览器上的登录已失效，需要用新密码重新登录。", TestId(await changed.Content.ReadAsStringAsync(), "password-changed"));

        // Sessions are checked against the security stamp every Accounts:SessionCheckSeconds (60 s).
        Clock.Now = Clock.Now.AddSeconds(61);
        Assert.True(await SignedInAsync(here));
        Assert.False(await SignedInAsync(elsewhere));

        using var old = await Forms.SubmitAsync(Browser(), "/account/login", Login("reviewer-binjiang", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await SignedInAsync("reviewer-binjiang", NewPassword);

        var audit = await SignInAuditAsync();
        var entry = Assert.Single(audit, e => e.Action == "PasswordChanged");
        Assert.Equal("reviewer-binjiang", entry.Actor);
        Assert.NotNull(entry.ActorId);
    }
}
