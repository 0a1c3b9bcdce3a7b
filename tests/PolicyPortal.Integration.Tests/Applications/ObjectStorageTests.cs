using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>Evidence in S3-compatible object storage: the store against a real S3-protocol server, and the portal configured to use it.</summary>
public sealed class ObjectStorageTests : IAsyncLifetime
{
    private S3Peer _s3 = null!;

    public async Task InitializeAsync() => _s3 = await S3Peer.StartAsync();

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    private StorageOptions Options() => new()
    {
        Provider = "S3", ServiceUrl = _s3.Endpoint.ToString(), Bucket = S3Peer.Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER",
    };

    [Fact]
    public async Task The_store_saves_reads_back_and_deletes_an_object()
    {
        using var store = S3EvidenceStore.Create(Options());
        var key = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 对象存储");
        await using (var content = new MemoryStream(bytes)) await store.SaveAsync(key, content);
        await using (var read = await store.OpenReadAsync(key))
        {
            Assert.NotNull(read);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        await store.DeleteAsync(key);
        Assert.Null(await store.OpenReadAsync(key));
    }

    [Fact]
    public async Task With_storage_set_to_S3_an_upload_lands_in_the_bucket_and_downloads_from_it()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, "s3");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "false", ["Storage:Provider"] = "S3", ["Storage:ServiceUrl"] = _s3.Endpoint.ToString(),
            ["Storage:Bucket"] = S3Peer.Bucket, ["Storage:AccessKey"] = "S3RVER", ["Storage:SecretKey"] = "S3RVER",
        });
        using var client = await Forms.SignedInAsync(factory, DemoAccounts.EnterpriseUser);
        using var created = await Forms.SubmitAsync(client, "/enterprise/applications", new Dictionary<string, string>());
        var path = created.Headers.Location!.IsAbsoluteUri ? created.Headers.Location.AbsolutePath : created.Headers.Location.ToString();
        using (await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "add-project", ["projectName"] = "对象存储" })) { }
        var projectId = Regex.Match(await client.GetStringAsync(new Uri(path, UriKind.Relative)), "name=\"project\" value=\"(\\d+)\"").Groups[1].Value;
        using (await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.5.3",
                   new Dictionary<string, string> { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.5.3", ["amount"] = "100000" })) { }
        await using var db = database.CreateContext();
        var claimId = await db.Claims.Select(c => c.Id).SingleAsync();

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Forms.HiddenFields(await client.GetStringAsync(new Uri(path, UriKind.Relative)))["__RequestVerificationToken"]), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(pdf), "file", "登记证书.pdf");
        using var upload = await client.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), form);
        Assert.EndsWith("?evidence=ok", upload.Headers.Location?.ToString(), StringComparison.Ordinal);

        var evidence = await db.Evidence.SingleAsync();
        using var store = S3EvidenceStore.Create(Options());
        await using (var inBucket = await store.OpenReadAsync(evidence.StorageKey)) Assert.NotNull(inBucket);
        using var download = await client.GetAsync(new Uri($"/enterprise/evidence/{evidence.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }
}
