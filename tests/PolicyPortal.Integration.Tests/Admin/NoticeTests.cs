using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Review;
using SecurityClaim = System.Security.Claims.Claim;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// The 公示名单 on PostgreSQL: publishing freezes a snapshot that later approvals do not change, the public page and its
/// downloads show the notice in force, the CSV keeps its Chinese and defuses formulas, the .xlsx opens with the same rows.
/// </summary>
public sealed class NoticeTests() : AdminTest("notices")
{
    private const string District = "shijingshan";
    private const string Operations = "shijingshan.6.2"; // 第六条（二）运营经费，每年不超过 500 万元

    private static readonly string[][] Expected =
    [
        ["1", "示例科技有限公司", DemoAccounts.EnterpriseCreditCode, "智算平台运营", Operations, "", "1200000.00"],
        ["2", "=HYPERLINK(\"http://evil.test\")", "", "+SUM(A1:A2)", Operations, "", "350000.50"],
        ["3", "石景山模型有限公司", "", "@cmd|' /C calc'!A0", Operations, "", "80000.00"],
        ["4", "石景山模型有限公司", "", "-2+3 数据标注", Operations, "", "20000.00"],
    ];

    private async Task<(List<long> Published, long Later)> SeedAsync()
    {
        var demo = await DemoEnterpriseAsync();
        var evil = await EnterpriseAsync("=HYPERLINK(\"http://evil.test\")", District, "91110107MA01EW1L2");
        var model = await EnterpriseAsync("石景山模型有限公司", District, "91110107MA01MD3L4");
        var decided = new List<Application>
        {
            await ApplicationAsync(demo, District, ApplicationStatus.Approved, new SeedClaim("智算平台运营", Operations, ClaimDecision.Approved, 120_000_000, 120_000_000)),
            await ApplicationAsync(evil, District, ApplicationStatus.PartiallyApproved,
                new SeedClaim("+SUM(A1:A2)", Operations, ClaimDecision.Approved, 35_000_050, 40_000_000),
                new SeedClaim("被驳回的项目", Operations, ClaimDecision.Rejected, 0, 10_000_000)),
            await ApplicationAsync(model, District, ApplicationStatus.Approved,
                new SeedClaim("@cmd|' /C calc'!A0", Operations, ClaimDecision.Approved, 8_000_000, 8_000_000),
                new SeedClaim("-2+3 数据标注", Operations, ClaimDecision.Approved, 2_000_000, 2_000_000)),
        };
        // The list's order: application, then claim; the rejected claim is not on it.
        var published = decided.SelectMany(a => a.Projects.SelectMany(p => p.Claims).Where(c => c.Decision == ClaimDecision.Approved).Select(c => c.Id).Order()).ToList();
        // Not on the list: still under review (its approval comes after the freeze), awaiting 复审, another district.
        var later = ClaimIds(await ApplicationAsync(model, District, ApplicationStatus.UnderReview, new SeedClaim("二期运营", Operations, null, null, 50_000_000))).Single();
        await ApplicationAsync(demo, District, ApplicationStatus.AwaitingSecondReview, new SeedClaim("待复审", Operations, ClaimDecision.Approved, 1_000_000, 1_000_000));
        await ApplicationAsync(await EnterpriseAsync("亦庄企业", "yizhuang", "91110302MA01YX5L6"), "yizhuang", ApplicationStatus.Approved,
            new SeedClaim("亦庄项目", "yizhuang.2.1", ClaimDecision.Approved, 5_000_000, 5_000_000));
        return (published, later);
    }

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient admin, int days, string district = District) =>
        await Forms.SubmitAsync(admin, $"/admin/notices?district={district}&year={Year}", new Dictionary<string, string> { ["days"] = days.ToString(CultureInfo.InvariantCulture) },
            [], tokensFrom: $"/admin/notices?district={District}&year={Year}");

    [Fact]
    public async Task Publishing_freezes_the_list_and_an_approval_afterwards_is_not_on_the_published_notice()
    {
        var (published, later) = await SeedAsync();
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(admin, $"/notices/{District}/{Year}")).StatusCode); // nothing published yet

        var refused = await (await PublishAsync(admin, 3)).Content.ReadAsStringAsync();
        Assert.Contains("公示期须为 5–30 个工作日", refused, StringComparison.Ordinal);
        var page = await (await PublishAsync(admin, 7)).Content.ReadAsStringAsync();
        Assert.Contains("公示名单已冻结并发布", page, StringComparison.Ordinal);
        // Published on Tuesday 1 December; 7 working days from the next day: Wednesday 2 … Thursday 10 December.
        Assert.Contains("2026-12-01 — 2026-12-10", page, StringComparison.Ordinal);

        // The reviewer approves the claim that was under review: the live list has it, the published notice does not.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var reviewer = new ClaimsPrincipal(new ClaimsIdentity([new SecurityClaim(ClaimTypes.NameIdentifier, "r1"), new SecurityClaim(ClaimTypes.Name, "reviewer"),
                new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, District)], "test"));
            var outcome = await scope.ServiceProvider.GetRequiredService<ReviewDecisions>().ApproveAsync(reviewer, later, null, null);
            Assert.True(outcome.Ok, outcome.Error?.Zh);
        }
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var notice = await anonymous.GetStringAsync(new Uri($"/notices/{District}/{Year}", UriKind.Relative));
        Assert.Equal(published, Claims(notice));
        Assert.Contains("2026-12-01 — 2026-12-10", notice, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;http://evil.test&quot;)", notice, StringComparison.Ordinal); // shown as text, encoded
        var live = await admin.GetStringAsync(new Uri($"/admin/notices?district={District}&year={Year}", UriKind.Relative));
        Assert.Equal(published.Append(later).ToList(), Claims(live));
        Assert.Contains($"data-claim=\"{later}\">", live, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(live, "data-testid=\"unpublished\""));

        // A second 期 supersedes the first and includes it; the first stays as it was.
        Assert.Contains("公示名单已冻结并发布", await (await PublishAsync(admin, 5)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        notice = await anonymous.GetStringAsync(new Uri($"/notices/{District}/{Year}", UriKind.Relative));
        Assert.Contains("data-sequence=\"2\"", notice, StringComparison.Ordinal);
        Assert.Equal(published.Append(later).ToList(), Claims(notice));
        // Nothing new since: the page offers no publication, and a post that comes anyway (a double click) is refused — no third 期.
        var same = await admin.GetStringAsync(new Uri($"/admin/notices?district={District}&year={Year}", UriKind.Relative));
        Assert.Contains("data-testid=\"nothing-new\"", same, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"publish-form\"", same, StringComparison.Ordinal);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var admin2 = new ClaimsPrincipal(new ClaimsIdentity([new SecurityClaim(ClaimTypes.NameIdentifier, "a2"), new SecurityClaim(ClaimTypes.Name, "admin2"),
                new SecurityClaim(ClaimTypes.Role, PortalRoles.Admin)], "test"));
            var again = await scope.ServiceProvider.GetRequiredService<PolicyPortal.Web.Features.Admin.Notices.NoticeBoard>().PublishAsync(admin2, District, Year, 7);
            Assert.Equal("当前名单与现行第 2 期公示相同，无需重新发布", again.Error?.Zh);
        }
        var index = await anonymous.GetStringAsync(new Uri("/notices", UriKind.Relative));
        Assert.Contains($"href=\"/notices/{District}/{Year}\"", index, StringComparison.Ordinal);
        Assert.Contains("第 2 期", index, StringComparison.Ordinal);
        Assert.DoesNotContain("第 1 期", index, StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var notices = await db.Notices.OrderBy(n => n.Sequence).ToListAsync();
        Assert.Equal(new[] { 4, 5 }, notices.Select(n => n.LineCount));
        Assert.Equal(4, await db.NoticeLines.CountAsync(l => l.NoticeId == notices[0].Id));
        var trail = await db.AuditEntries.Where(e => e.Entity == "Notice").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(new[] { "PublishNotice", "PublishNotice" }, trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal((District, "admin"), (e.District, e.Actor)));
        Assert.Null(trail[0].Before);
        Assert.Contains("\"sequence\":1", trail[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"endsDay\":20261210", trail[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_bom_keeps_the_chinese_defuses_formulas_and_the_xlsx_has_the_same_rows()
    {
        await SeedAsync();
        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        await PublishAsync(admin, 7);
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var csvResponse = await GetAsync(anonymous, $"/notices/{District}/{Year}/csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var disposition = csvResponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("notice-shijingshan-2026-1.csv", disposition.FileName!.Trim('"'));
        Assert.Equal("石景山区2026年度奖补公示名单（第1期）.csv", disposition.FileNameStar);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add([.. Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!)]);
        Assert.Equal(new[] { "序号", "企业名称", "统一社会信用代码", "项目名称", "条款编号", "条款名称", "核定金额（元）" }, rows[0]);
        var expected = await ExpectedAsync();
        Assert.Equal(expected.Count, rows.Count - 1);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Select(Defused), rows[i + 1]);
        Assert.Contains(rows, r => r[1] == "'=HYPERLINK(\"http://evil.test\")" && r[3] == "'+SUM(A1:A2)");
        Assert.Contains(rows, r => r[3] == "'@cmd|' /C calc'!A0");
        Assert.Contains(rows, r => r[3] == "'-2+3 数据标注");
        Assert.Contains(rows, r => r[1] == "示例科技有限公司" && r[2] == DemoAccounts.EnterpriseCreditCode && r[6] == "1200000.00");
        Assert.All(rows.Skip(1), r => Assert.StartsWith("第六条", r[5], StringComparison.Ordinal));

        using var xlsxResponse = await GetAsync(anonymous, $"/notices/{District}/{Year}/xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("石景山区2026年度奖补公示名单（第1期）.xlsx", xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar);
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text).ToArray()).ToList();
        Assert.Equal(rows[0], cells[0]);
        Assert.Equal(5, cells.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // In the workbook every text is a typed string (never a formula) and kept as it is; the amount is a number.
            Assert.Equal(expected[i][..6], cells[i + 1][..6]);
            Assert.Equal(decimal.Parse(expected[i][6], CultureInfo.InvariantCulture), decimal.Parse(cells[i + 1][6], CultureInfo.InvariantCulture));
        }
        Assert.Empty(sheet.Descendants<CellFormula>());

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/notices/yizhuang/{Year}/csv")).StatusCode); // nothing published there
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/notices/nowhere/{Year}/xlsx")).StatusCode);
    }

    /// <summary>The rows as seeded (in the list's order: application, then claim), with credit codes and the clause title filled in.</summary>
    private async Task<List<string[]>> ExpectedAsync()
    {
        await using var db = Database.CreateContext();
        var codes = await db.Enterprises.ToDictionaryAsync(e => e.Name, e => e.CreditCode);
        var order = await db.Claims.Where(c => c.Decision == ClaimDecision.Approved && c.Clause == Operations)
            .Join(db.Set<Project>(), c => c.ProjectId, p => p.Id, (c, p) => new { c.Id, p.Name, p.ApplicationId }).ToListAsync();
        var title = "第六条 " + (await App.Services.GetRequiredService<PolicyPortal.Infrastructure.Catalog.CatalogStore>().GetActiveAsync(District))
            .Document.Articles.SelectMany(a => a.Parts).Single(p => p.Code == Operations).Title;
        return [.. Expected
            .Select(r => { var row = (string[])r.Clone(); row[2] = codes[row[1]]; row[5] = title; return row; })
            .OrderBy(r => order.Single(o => o.Name == r[3]).ApplicationId).ThenBy(r => order.Single(o => o.Name == r[3]).Id)
            .Select((r, i) => { r[0] = (i + 1).ToString(CultureInfo.InvariantCulture); return r; })];
    }

    private static string Defused(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;

    private static List<long> Claims(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"notice-line\" data-claim=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
}
