using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>The evidence quota on PostgreSQL, where concurrent uploads queue on the enterprise's row lock.</summary>
public sealed class EvidenceQuotaPostgresTests() : EvidenceQuotaTests(Provider.Postgres);

/// <summary>The evidence quota on SQLite (the embedded default), where they queue on the database's write lock.</summary>
public sealed class EvidenceQuotaSqliteTests() : EvidenceQuotaTests(Provider.Sqlite);

/// <summary>The per-enterprise evidence quota (set to 1 MB here): refused at the limit, nothing stored, no overshoot under concurrency.</summary>
public abstract class EvidenceQuotaTests(Provider provider) : IAsyncLifetime
{
    private const int KiB = 1024;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pp-quota-{Guid.NewGuid():N}");

    private TestDatabase Database { get; set; } = null!;
    private PortalFactory Factory { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider, "evidence-quota");
        Factory = new PortalFactory(Database, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "false",
            ["Storage:EnterpriseQuotaMegabytes"] = "1",
            ["Storage:Folder"] = _folder,
        });
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A PDF (by its signature) of exactly this many bytes.</summary>
    private static byte[] Pdf(int bytes)
    {
        var data = new byte[bytes];
        Array.Fill(data, (byte)' ');
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(data, 0);
        Encoding.ASCII.GetBytes("%%EOF\n").CopyTo(data, bytes - 6);
        return data;
    }

    private int StoredFiles => Directory.Exists(_folder) ? Directory.GetFiles(_folder).Length : 0;

    private Task<(HttpClient Client, long ApplicationId, long ClaimId)> DraftWithClaimAsync() => Drafts.WithClaimAsync(Factory, Database);

    /// <summary>Uploads one file; answers the outcome the endpoint redirected with (ok, over-quota …).</summary>
    private static async Task<string> UploadAsync(HttpClient client, long applicationId, long claimId, byte[] bytes)
    {
        var page = await client.GetStringAsync(new Uri($"/enterprise/applications/{applicationId}", UriKind.Relative));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Forms.HiddenFields(page)["__RequestVerificationToken"]), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "材料.pdf");
        using var response = await client.PostAsync(new Uri($"/enterprise/claims/{claimId}/evidence", UriKind.Relative), content);
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException($"upload answered {response.StatusCode}");
        return Regex.Match(location, "evidence=([a-z-]+)").Groups[1].Value;
    }

    private async Task<long> StoredBytesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Evidence.SumAsync(e => e.Size);
    }

    [Fact]
    public async Task A_file_that_would_pass_the_quota_is_refused_with_a_Chinese_message_and_nothing_is_stored()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        Assert.Equal("ok", await UploadAsync(client, appId, claimId, Pdf(600 * KiB)));
        Assert.Equal("over-quota", await UploadAsync(client, appId, claimId, Pdf(500 * KiB)));
        Assert.Equal(600 * KiB, await StoredBytesAsync());
        Assert.Equal(1, StoredFiles);

        // Exactly at the limit is allowed; one byte past it is not.
        Assert.Equal("ok", await UploadAsync(client, appId, claimId, Pdf(424 * KiB)));
        Assert.Equal(1024 * KiB, await StoredBytesAsync());
        Assert.Equal("over-quota", await UploadAsync(client, appId, claimId, Pdf(16)));
        Assert.Equal(2, StoredFiles);

        var page = await client.GetStringAsync(new Uri($"/enterprise/applications/{appId}?evidence=over-quota", UriKind.Relative));
        Assert.Contains("本企业证明材料总量已达上限 1 MB，本文件未上传。", page, StringComparison.Ordinal);

        // Removing a file frees its room.
        await using (var db = Database.CreateContext())
        {
            var first = await db.Evidence.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            using (await Forms.SubmitAsync(client, $"/enterprise/evidence/{first}/delete", new Dictionary<string, string>(), [], tokensFrom: $"/enterprise/applications/{appId}")) { }
        }
        Assert.Equal("ok", await UploadAsync(client, appId, claimId, Pdf(500 * KiB)));
        Assert.Equal(924 * KiB, await StoredBytesAsync());
    }

    [Fact]
    public async Task Concurrent_uploads_never_take_an_enterprise_past_its_quota()
    {
        var (client, appId, claimId) = await DraftWithClaimAsync();
        // Ten uploads of 300 KiB at once against 1 MiB: exactly three fit.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => UploadAsync(client, appId, claimId, Pdf(300 * KiB)))));

        Assert.Equal(3, outcomes.Count(o => o == "ok"));
        Assert.Equal(7, outcomes.Count(o => o == "over-quota"));
        Assert.Equal(900 * KiB, await StoredBytesAsync());
        Assert.Equal(3, StoredFiles); // the losers' bytes were deleted again
    }
}
