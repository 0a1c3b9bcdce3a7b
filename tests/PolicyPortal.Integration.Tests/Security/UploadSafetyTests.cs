using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// Active content never reaches a browser from the portal's origin: SVG and HTML are refused whatever they are called, a
/// PDF called .html is stored and sent as a PDF attachment, the Content-Disposition carries one safely encoded name, and the
/// reviewer's inline preview is only for PDF and images, under a policy that loads nothing.
/// </summary>
public sealed class UploadSafetyTests() : PostgresAppTest("upload-safety")
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private Task<(HttpClient Client, long ApplicationId, long ClaimId)> DraftWithClaimAsync() => Drafts.WithClaimAsync(Factory, Database);

    private static async Task<string?> UploadAsync(HttpClient client, long applicationId, long claimId, byte[] bytes, string name, string type)
    {
        var token = Forms.HiddenFields(await client.GetStringAsync(new Uri($"/enterprise/applications/{applicationId}", UriKind.Relative)))["__RequestVerificationToken"];
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "file", name);
        using var response = await client.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), content);
        return response.Headers.Location?.ToString();
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "图.png", "image/svg+xml")]
    [InlineData("<!DOCTYPE html><script>alert(1)</script>", "报告.pdf", "application/pdf")]
    [InlineData("<html><body onload=alert(1)>", "页面.html", "text/html")]
    [InlineData("%!PS-Adobe-3.0\n", "文件.pdf", "application/postscript")]
    public async Task Active_content_is_refused_whatever_its_name_or_declared_type(string content, string name, string type)
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        Assert.EndsWith("?evidence=bad-type", await UploadAsync(client, appId, claimId, Encoding.UTF8.GetBytes(content), name, type), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Evidence.CountAsync());
    }

    [Fact]
    public async Task A_pdf_named_html_is_stored_and_sent_as_a_pdf_attachment_with_one_safely_encoded_name()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        Assert.EndsWith("?evidence=ok", await UploadAsync(client, appId, claimId, Pdf, "..\\..\\页面;x=\u202Eexe.html", "text/html"), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var evidence = await db.Evidence.SingleAsync();
        Assert.Equal("页面;x=exe.html.pdf", evidence.FileName);
        Assert.Equal("application/pdf", evidence.ContentType);
        Assert.Matches("^[0-9a-f]{64}$", evidence.StorageKey); // random, nothing of the uploader's name

        using var download = await client.GetAsync(new Uri($"/enterprise/evidence/{evidence.Id}", UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var raw = string.Join(",", download.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain("\r", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", raw, StringComparison.Ordinal);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("页面;x=exe.html.pdf", disposition.FileNameStar);
        Assert.Equal(2, disposition.Parameters.Count); // filename (ASCII fallback) and filename*: nothing smuggled in
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_reviewers_inline_preview_is_for_pdf_and_images_only_under_a_policy_that_loads_nothing()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        await UploadAsync(client, appId, claimId, Pdf, "证明.pdf", "application/pdf");
        await using (var db = Database.CreateContext())
        {
            // An OFD (a zip of XML) stays a download only; the application is submitted so its district's reviewer may look.
            var pdf = await db.Evidence.SingleAsync();
            var key = Guid.NewGuid().ToString("N");
            await using (var scope = Factory.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<PolicyPortal.Infrastructure.Storage.IEvidenceStore>().SaveAsync(key, new MemoryStream(Pdf));
            db.Evidence.Add(new PolicyPortal.Infrastructure.Data.Applications.Evidence
            {
                ClaimId = claimId, FileName = "发票.ofd", ContentType = "application/ofd", Size = pdf.Size, StorageKey = key, Sha256 = pdf.Sha256, UploadedAt = pdf.UploadedAt,
            });
            await db.Applications.Where(a => a.Id == appId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, PolicyPortal.Domain.Applications.ApplicationStatus.Submitted));
            await db.SaveChangesAsync();
        }
        await using var read = Database.CreateContext();
        var pdfId = await read.Evidence.Where(e => e.ContentType == "application/pdf").Select(e => e.Id).SingleAsync();
        var ofdId = await read.Evidence.Where(e => e.ContentType == "application/ofd").Select(e => e.Id).SingleAsync();

        using var reviewer = await Forms.SignedInAsync(Factory, DemoAccounts.ReviewerUser("shijingshan"));
        using var preview = await reviewer.GetAsync(new Uri($"/review/evidence/{pdfId}/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", preview.Headers.GetValues("Content-Security-Policy").Single());
        using var noPreview = await reviewer.GetAsync(new Uri($"/review/evidence/{ofdId}/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, noPreview.StatusCode);
        using var ofdDownload = await reviewer.GetAsync(new Uri($"/review/evidence/{ofdId}", UriKind.Relative));
        Assert.Equal("attachment", ofdDownload.Content.Headers.ContentDisposition?.DispositionType);

        // Another district's reviewer gets neither.
        using var other = await Forms.SignedInAsync(Factory, DemoAccounts.ReviewerUser("fengtai"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/review/evidence/{pdfId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/review/evidence/{pdfId}/preview", UriKind.Relative))).StatusCode);
    }
}
