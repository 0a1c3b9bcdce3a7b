using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>The policy settings form (/admin/settings): window, review time limit and reminder window, validated and audited.</summary>
public sealed class PolicySettingsTests() : AdminTest("settings")
{
    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, string district, string workingDays, string reminderDays) =>
        Forms.SubmitAsync(admin, "/admin/settings", new Dictionary<string, string>
        {
            ["_handler"] = $"policy-{district}", ["opens"] = "2026-03-01", ["closes"] = "2026-11-30",
            ["workingDays"] = workingDays, ["reminderDays"] = reminderDays,
        });

    [Theory]
    [InlineData("0")]
    [InlineData("16")] // more than the 15-day time limit
    [InlineData("三")]
    public async Task An_impossible_reminder_window_is_refused_in_Chinese_and_nothing_is_saved(string reminderDays)
    {
        var admin = await SignInAsync(DemoAccounts.AdminUser);
        using var response = await SaveAsync(admin, "tongzhou", "15", reminderDays);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("到期提醒须提前 1–15 个工作日", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.False(await db.PolicySettings.AnyAsync(p => p.District == "tongzhou"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "SavePolicySettings"));
    }

    [Fact]
    public async Task A_reminder_window_is_saved_shown_again_and_audited_with_before_and_after()
    {
        var admin = await SignInAsync(DemoAccounts.AdminUser);
        using var response = await SaveAsync(admin, "tongzhou", "15", "5");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"settings-message\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"remind-tongzhou\" name=\"reminderDays\" value=\"5\"", page, StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var row = await db.PolicySettings.SingleAsync(p => p.District == "tongzhou");
        Assert.Equal((15, 5), (row.ReviewWorkingDays, row.ReminderWorkingDays));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "SavePolicySettings");
        Assert.Contains("\"reminderWorkingDays\":3", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"reminderWorkingDays\":5", entry.After, StringComparison.Ordinal);
        Assert.Equal("tongzhou", entry.District);
    }
}
