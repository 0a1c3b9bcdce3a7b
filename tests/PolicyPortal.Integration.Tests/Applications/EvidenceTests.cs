using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>Evidence uploads on PostgreSQL: type by content, size limit, safe names, owner-only downloads, nothing half-written.</summary>
public sealed class EvidenceTests() : PostgresAppTest("evidence")
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private Task<(HttpClient Client, long ApplicationId, long ClaimId)> DraftWithClaimAsync() => Drafts.WithClaimAsync(Factory, Database);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long applicationId, long claimId, byte[] bytes, string name)
    {
        var page = await client.GetStringAsync(new Uri($"/enterprise/applications/{applicationId}", UriKind.Relative));
        var token = Forms.HiddenFields(page)["__RequestVerificationToken"];
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        return await client.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), content);
    }

    [Fact]
    public async Task A_pdf_is_stored_listed_and_downloadable_by_its_owner_only_as_an_attachment_with_a_safe_name()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        using var upload = await UploadAsync(client, appId, claimId, Pdf, "../../etc/登记\u0007证书.pdf");
        Assert.EndsWith("?evidence=ok", upload.Headers.Location?.ToString(), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var evidence = await db.Evidence.SingleAsync();
        Assert.Equal("登记证书.pdf", evidence.FileName);
        Assert.Equal("application/pdf", evidence.ContentType);
        Assert.Equal(Pdf.Length, evidence.Size);
        Assert.DoesNotContain("登记", evidence.StorageKey, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri($"/enterprise/applications/{appId}", UriKind.Relative));
        Assert.Contains("登记证书.pdf", page, StringComparison.Ordinal);
        using var download = await client.GetAsync(new Uri($"/enterprise/evidence/{evidence.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        using var other = Factory.CreateBrowserClient();
        using (await Forms.SubmitAsync(other, "/register", new Dictionary<string, string>
               {
                   ["Input.Name"] = "别家", ["Input.CreditCode"] = CreditCode.WithCheckCharacter("91110107MA03QWE12"), ["Input.District"] = "shijingshan",
                   ["Input.ContactName"] = "钱七", ["Input.ContactPhone"] = "13500000000", ["Input.Email"] = "", ["Input.Password"] = "Other@2026x", ["Input.ConfirmPassword"] = "Other@2026x",
               })) { }
        using var stolen = await other.GetAsync(new Uri($"/enterprise/evidence/{evidence.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        // Writing to another enterprise's claim or evidence is refused the same way, and changes nothing.
        var token = Forms.HiddenFields(await other.GetStringAsync(new Uri("/enterprise/applications", UriKind.Relative)))["__RequestVerificationToken"];
        using (var foreignForm = new MultipartFormDataContent())
        {
            foreignForm.Add(new StringContent(token), "__RequestVerificationToken");
            foreignForm.Add(new ByteArrayContent(Pdf), "file", "x.pdf");
            using var foreignUpload = await other.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), foreignForm);
            Assert.Equal(HttpStatusCode.NotFound, foreignUpload.StatusCode);
        }
        using (var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]))
        {
            using var foreignDelete = await other.PostAsync(new Uri($"/enterprise/evidence/{evidence.Id}/delete", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        }
        await using var after = Database.CreateContext();
        Assert.Equal(1, await after.Evidence.CountAsync());
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_nothing_is_stored()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        var exe = new byte[512];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        using var upload = await UploadAsync(client, appId, claimId, exe, "营业执照.pdf");
        Assert.EndsWith("?evidence=bad-type", upload.Headers.Location?.ToString(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri(upload.Headers.Location!.ToString(), UriKind.Relative));
        Assert.Contains("仅接受 PDF、JPG、PNG、OFD", page, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Evidence.CountAsync());
        Assert.Single(await db.Claims.ToListAsync()); // the claim already saved is untouched
    }

    [Fact]
    public async Task An_ofd_is_recognised_by_its_content_and_a_plain_zip_is_not()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        static byte[] Zip(string entry)
        {
            using var memory = new MemoryStream();
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
                using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<ofd:OFD/>");
            return memory.ToArray();
        }
        using var ofd = await UploadAsync(client, appId, claimId, Zip("OFD.xml"), "发票.ofd");
        Assert.EndsWith("?evidence=ok", ofd.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var zipOnly = await UploadAsync(client, appId, claimId, Zip("readme.txt"), "发票.ofd");
        Assert.EndsWith("?evidence=bad-type", zipOnly.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(["application/ofd"], await db.Evidence.Select(e => e.ContentType).ToListAsync());
    }

    [Fact]
    public async Task An_upload_with_a_stale_token_answers_400_and_stores_nothing()
    {
        var (client, _, claimId) = await DraftWithClaimAsync();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("not-a-token"), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(Pdf), "file", "a.pdf");
        using var response = await client.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页面已过期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Evidence.CountAsync());
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        var big = new byte[20 * 1024 * 1024 + 10];
        Pdf.CopyTo(big, 0);
        using var upload = await UploadAsync(client, appId, claimId, big, "大文件.pdf");
        Assert.EndsWith("?evidence=too-large", upload.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Evidence.CountAsync());
    }
}
