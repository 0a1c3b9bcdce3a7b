using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// The audit viewer on PostgreSQL: the auditor reads and exports the log and reaches nothing else; each filter returns exactly
/// the entries it should; pages are keyset pages that never repeat or skip; the CSV (UTF-8 with BOM) holds the same entries
/// with the Chinese intact; a district administrator sees only their district's entries.
/// </summary>
public sealed partial class AuditViewerTests() : PeopleTest("audit")
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero); // 2026-12-01 00:00 in Beijing

    /// <summary>Entries written as the portal writes them (UTC), with known actors, districts, entities, actions and times.</summary>
    private async Task<Dictionary<string, long>> SeedAsync()
    {
        _ = App.Services;
        var rows = new (string Key, DateTimeOffset At, string Actor, string? District, string Entity, string EntityId, string Action, string? Before, string? After, string? Note)[]
        {
            ("late-nov", Day1.AddSeconds(-1), "admin", "fengtai", "User", "li.wei", "InviteStaff", null, """{"role":"Reviewer","district":"fengtai"}""", "邀请 李伟（审核人员）"),
            ("dec1", Day1, "admin", "fengtai", "User", "li.wei", "DisableAccount", """{"disabled":false}""", """{"disabled":true}""", "=HYPERLINK(\"http://evil.test\")"),
            ("dec1-yz", Day1.AddHours(3), "admin-yizhuang", "yizhuang", "User", "wang.yz", "InviteStaff", null, """{"role":"Admin","district":"yizhuang"}""", null),
            ("dec2", Day1.AddDays(1).AddHours(2), "reviewer-fengtai", "fengtai", "Claim", "42", "ApproveClaim", """{"approvedFen":null}""", """{"approvedFen":1234500}""", "核定 ¥12,345.00"),
            ("dec2-portal", Day1.AddDays(1).AddHours(5), "admin", null, "User", "audit.zhang", "InviteStaff", null, """{"role":"Auditor","district":null}""", null),
            ("dec3", Day1.AddDays(2).AddHours(23).AddMinutes(59), "admin", "fengtai", "User", "li.wei", "EnableAccount", """{"disabled":true}""", """{"disabled":false}""", "返岗"),
            ("dec4", Day1.AddDays(3), "admin", "fengtai", "User", "li.wei", "ChangeRole", """{"role":"Reviewer"}""", """{"role":"Admin"}""", "岗位调整"),
        };
        await using var db = Database.CreateContext();
        var entries = rows.Select(r => (r.Key, Entry: new AuditEntry
        {
            At = r.At, Actor = r.Actor, ActorId = null, Ip = "10.0.0.8", District = r.District, Entity = r.Entity, EntityId = r.EntityId,
            Action = r.Action, Before = r.Before, After = r.After, Note = r.Note,
        })).ToList();
        db.AuditEntries.AddRange(entries.Select(e => e.Entry));
        await db.SaveChangesAsync();
        return entries.ToDictionary(e => e.Key, e => e.Entry.Id);
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"/audit?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return [.. RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    private static async Task<(byte[] Bytes, List<string[]> Rows)> CsvAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"/audit/export.csv?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync()) rows.Add(csv.Parser.Record!);
        return (bytes, rows);
    }

    [Fact]
    public async Task Each_filter_returns_exactly_the_expected_entries_and_the_csv_holds_the_same()
    {
        var id = await SeedAsync();
        using var auditor = await SignInAsync(DemoAccounts.AuditorUser);
        long[] Ids(params string[] keys) => [.. keys.Select(k => id[k]).OrderDescending()];
        // The auditor's own sign-in is audited too (entity SignIn, portal-wide, at the test's clock); the filters are
        // checked over the seeded entries.
        var seeded = id.Values.ToHashSet();
        async Task<List<long>> SeededAsync(string query) => [.. (await IdsAsync(auditor, query)).Where(seeded.Contains)];

        Assert.Equal(Ids("dec1", "late-nov", "dec3", "dec4"), await SeededAsync("actor=admin&district=fengtai"));
        Assert.Equal(Ids("dec1-yz"), await SeededAsync("district=yizhuang"));
        Assert.Equal(Ids("dec2-portal"), await SeededAsync("district=-"));
        Assert.Equal(Ids("dec2"), await SeededAsync("entity=Claim"));
        Assert.Equal(Ids("late-nov", "dec1", "dec3", "dec4"), await SeededAsync("entity=User&entityId=li.wei"));
        Assert.Equal(Ids("late-nov", "dec1-yz", "dec2-portal"), await SeededAsync("action=InviteStaff"));
        // Beijing days, both ends inclusive: 1 December 00:00:00 is in, 30 November 23:59:59 is not; 3 December 23:59 is in.
        Assert.Equal(Ids("dec1", "dec1-yz", "dec2", "dec2-portal", "dec3"), await SeededAsync("from=2026-12-01&to=2026-12-03"));
        Assert.Equal(Ids("dec1"), await SeededAsync("actor=admin&district=fengtai&entity=User&entityId=li.wei&from=2026-12-01&to=2026-12-03&action=DisableAccount"));
        Assert.Equal(Ids("dec3", "dec4"), await SeededAsync("entityId=li.wei&from=2026-12-03"));
        Assert.Equal(Ids("late-nov"), await SeededAsync("entityId=li.wei&to=2026-11-30"));
        Assert.Empty(await IdsAsync(auditor, "actor=nobody"));
        Assert.Single(await IdsAsync(auditor, "entity=SignIn&actor=auditor"));

        // Before/after shown readably.
        var page = await (await auditor.GetAsync(new Uri("/audit?entity=Claim", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("核定金额: — → 12,345.00 元", page, StringComparison.Ordinal);
        Assert.Contains("核定事项", page, StringComparison.Ordinal);

        // The export holds the filtered entries, newest first, with a BOM, the Chinese intact and formulas defused.
        var (bytes, rows) = await CsvAsync(auditor, "actor=admin&district=fengtai");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("编号", rows[0][0]);
        Assert.Equal(Ids("dec1", "late-nov", "dec3", "dec4").Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        var dec1 = rows.Single(r => r[0] == id["dec1"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal("2026-12-01 00:00:00", dec1[1]);
        Assert.Equal(("admin", "10.0.0.8", "fengtai", "User", "li.wei", "DisableAccount", "停用账号"), (dec1[2], dec1[3], dec1[4], dec1[5], dec1[6], dec1[7], dec1[8]));
        Assert.Equal("停用/锁定: 否 → 是", dec1[9]);
        Assert.Equal("'=HYPERLINK(\"http://evil.test\")", dec1[12]);
        Assert.Contains(rows, r => r[12] == "岗位调整");

        // Exporting is itself on record.
        await using var db = Database.CreateContext();
        var export = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "ExportAuditLog");
        Assert.Equal(("auditor", "AuditLog", "actor=admin&district=fengtai"), (export.Actor, export.Entity, export.Note));
    }

    [Fact]
    public async Task Keyset_pages_cover_every_entry_once()
    {
        _ = App.Services;
        await using (var db = Database.CreateContext())
        {
            for (var i = 0; i < 123; i++)
                db.AuditEntries.Add(new AuditEntry { At = Day1.AddMinutes(i), Actor = "bulk", District = "tongzhou", Entity = "Application", EntityId = i.ToString(CultureInfo.InvariantCulture), Action = "Submit" });
            await db.SaveChangesAsync();
        }
        using var auditor = await SignInAsync(DemoAccounts.AuditorUser);
        var seen = new List<long>();
        var query = "actor=bulk";
        for (var pages = 0; pages < 10; pages++)
        {
            var html = await (await auditor.GetAsync(new Uri($"/audit?{query}", UriKind.Relative))).Content.ReadAsStringAsync();
            var ids = RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(ids.Count, 1, 50);
            seen.AddRange(ids);
            var older = OlderLink().Match(html);
            if (!older.Success) break;
            query = WebUtility.HtmlDecode(older.Groups[1].Value);
        }
        Assert.Equal(123, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(123, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_auditor_reaches_the_audit_log_and_nothing_else()
    {
        await SeedAsync();
        var application = await ApplicationAsync(await DemoEnterpriseAsync(), "shijingshan", PolicyPortal.Domain.Applications.ApplicationStatus.Submitted,
            new SeedClaim("项目", "shijingshan.6.2", null, null, 100_000));
        using var auditor = await SignInAsync(DemoAccounts.AuditorUser);
        var workbench = await (await auditor.GetAsync(new Uri("/workbench", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"auditor-workbench\"", workbench, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", workbench, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", workbench, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/review\"", workbench, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/audit/export.csv", UriKind.Relative))).StatusCode);

        string[] refused =
        [
            "/admin", "/admin/people", "/admin/people/invite", "/admin/people/enterprises", "/admin/catalog", "/admin/settings", "/admin/budgets",
            "/admin/notices", "/admin/payments", "/admin/proactive", "/admin/notices/live/csv?district=shijingshan",
            "/review", $"/review/{application.Id}",
            "/enterprise/profile", "/enterprise/applications", "/enterprise/awards", "/enterprise/matches", "/enterprise/offers",
        ];
        foreach (var path in refused)
        {
            using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The audit log is append-only for everyone, administrators included: the database refuses to change or delete it.
        await using var db = Database.CreateContext();
        await Assert.ThrowsAnyAsync<DbUpdateException>(async () =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_district_admin_reads_only_their_districts_entries()
    {
        var id = await SeedAsync();
        using var admin = await SignInAsync(await DistrictAdminAsync("yizhuang"));
        Assert.Equal([id["dec1-yz"]], await IdsAsync(admin, ""));
        Assert.Equal([id["dec1-yz"]], await IdsAsync(admin, "district=yizhuang"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/audit?district=fengtai", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/audit?district=-", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/audit/export.csv?district=fengtai", UriKind.Relative))).StatusCode);
        // The export: the district's entry, and the record of this very export (filed under the exporter's district, first).
        var (_, rows) = await CsvAsync(admin, "");
        Assert.Equal(["ExportAuditLog", "InviteStaff"], rows.Skip(1).Select(r => r[7]));
        Assert.Equal(id["dec1-yz"].ToString(CultureInfo.InvariantCulture), rows[2][0]);
        Assert.All(rows.Skip(1), r => Assert.Equal("yizhuang", r[4]));

        // The portal-wide administrator sees every entry.
        using var portal = await SignInAsync(DemoAccounts.AdminUser);
        Assert.Equal(id.Values.OrderDescending(), (await IdsAsync(portal, "")).Where(id.Values.Contains));
    }

    [GeneratedRegex("data-testid=\"audit-row\" data-id=\"(\\d+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("href=\"/audit\\?([^\"]+)\" data-testid=\"audit-older\"")]
    private static partial Regex OlderLink();
}
