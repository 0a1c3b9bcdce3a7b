using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;
using PolicyPortal.Integration.Tests.Admin;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// The authorization matrix on PostgreSQL: every endpoint the app maps (read from its endpoint data sources, so none can be
/// forgotten) is in <see cref="AuthorizationMatrix.Rows"/>, carries authorization metadata, and is tried as each
/// <see cref="Persona"/>: the rightful get through, everyone else is sent to sign in, forbidden or told "not found", and the
/// database is unchanged by their attempts.
/// </summary>
public sealed class AuthorizationMatrixTests() : AdminTest("authz-matrix")
{
    private const string District = "shijingshan";
    private readonly Dictionary<Persona, HttpClient> _clients = [];
    private readonly Dictionary<Persona, string> _tokens = [];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string PatternOf(RouteEndpoint e) => e.RoutePattern.RawText ?? "";

    private static IReadOnlyList<string> MethodsOf(Microsoft.AspNetCore.Http.Endpoint e) =>
        e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

    [Fact]
    public void Every_endpoint_has_a_row_and_authorization_metadata_and_only_named_public_endpoints_allow_anonymous()
    {
        var problems = new List<string>();
        var rows = AuthorizationMatrix.Rows.ToDictionary(r => r.Pattern, StringComparer.Ordinal);
        foreach (var endpoint in Endpoints())
        {
            var pattern = PatternOf(endpoint);
            if (AuthorizationMatrix.Excluded.ContainsKey(pattern)) continue;
            if (!rows.TryGetValue(pattern, out var row))
            {
                problems.Add($"{pattern} ({endpoint.DisplayName}) is not in the authorization matrix: add a row to AuthorizationMatrix.Rows in " +
                             "tests/PolicyPortal.Integration.Tests/Security/AuthorizationMatrix.cs saying who may reach it (and to docs/security.md)");
                continue;
            }
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                            || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            if (!anonymous && !authorize)
                problems.Add($"{pattern} has no authorization metadata: add [Authorize(Roles = …)] / RequireAuthorization(…), or AllowAnonymous if it is public");
            if (anonymous && !AuthorizationMatrix.PublicPatterns.Contains(pattern, StringComparer.Ordinal))
                problems.Add($"{pattern} allows anonymous visitors but is not in AuthorizationMatrix.PublicPatterns");
            if (!anonymous && AuthorizationMatrix.PublicPatterns.Contains(pattern, StringComparer.Ordinal))
                problems.Add($"{pattern} is listed as public but requires sign-in");
            if (anonymous != row.Rightful.Contains(Persona.Anonymous))
                problems.Add($"{pattern}: the row says anonymous visitors {(anonymous ? "may not" : "may")} reach it; the endpoint says otherwise");
            var methods = MethodsOf(endpoint);
            if (methods.Contains("GET") && row.Get is null) problems.Add($"{pattern} answers GET: give its row a GET address");
            if (methods.Contains("POST") && row.Post is null) problems.Add($"{pattern} accepts POST: give its row a post to try");
        }
        var mapped = Endpoints().Select(PatternOf).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(rows.Keys.Where(p => !mapped.Contains(p)).Select(p => $"{p} is in the matrix but the app no longer maps it: remove its row"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Only_the_rightful_user_gets_through_each_endpoint_and_the_others_change_nothing()
    {
        var seed = await SeedAsync();
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            // The others first, with the database fingerprinted around them; then the rightful (who may change things).
            var before = await FingerprintAsync();
            foreach (var persona in AuthorizationMatrix.Everyone.Where(p => !row.Rightful.Contains(p)))
                await TryAsync(failures, row, seed, persona, rightful: false);
            if (await FingerprintAsync() != before)
                failures.Add($"{row.Pattern}: the database changed while it was tried by people who may not reach it");
            foreach (var persona in row.Rightful)
                await TryAsync(failures, row, seed, persona, rightful: true);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task TryAsync(List<string> failures, MatrixRow row, MatrixSeed seed, Persona persona, bool rightful)
    {
        if (row.Get is { } get)
        {
            using var response = await (await ClientAsync(persona)).GetAsync(new Uri(get(seed), UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Judge(failures, row, persona, "GET " + get(seed), response, rightful);
            if (rightful && row.Secret is { } secret && row.SeenBy is { } seenBy && response.StatusCode == HttpStatusCode.OK
                && body.Contains(secret(seed), StringComparison.Ordinal) != seenBy.Contains(persona))
                failures.Add($"{row.Pattern} as {persona}: the page {(seenBy.Contains(persona) ? "misses" : "shows")} {secret(seed)}");
        }
        if (row.Post is { } post)
        {
            var (path, form) = post(seed);
            using var response = await PostAsync(persona, path, form);
            Judge(failures, row, persona, "POST " + path, response, rightful);
            if (row.SignsOut && rightful) Drop(persona);
        }
    }

    /// <summary>Through: an answer of the endpoint itself. Refused: sent to sign in, forbidden (403 or the denied page), or 404.</summary>
    private static void Judge(List<string> failures, MatrixRow row, Persona persona, string what, HttpResponseMessage response, bool rightful)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var toSignIn = status == 302 && location.Contains("/account/login", StringComparison.Ordinal);
        var toDenied = status == 302 && location.Contains("/account/denied", StringComparison.Ordinal);
        var refused = toSignIn || toDenied || status is 401 or 403 or 404;
        if (SecurityHeaderRules.Problems(response) is { Count: > 0 } headers)
            failures.Add($"{row.Pattern}: {what} as {persona}: {string.Join("; ", headers)}");
        if (rightful && (refused || status == 500))
            failures.Add($"{row.Pattern}: {what} as {persona} should get through but answered {status} {location}");
        if (!rightful && !refused)
            failures.Add($"{row.Pattern}: {what} as {persona} should be refused but answered {status} {location}");
        if (!rightful && persona == Persona.Anonymous && !toSignIn && status != 401)
            failures.Add($"{row.Pattern}: {what} anonymously should be sent to sign in (401 on the API) but answered {status} {location}");
    }

    private async Task<HttpResponseMessage> PostAsync(Persona persona, string path, MatrixPost post)
    {
        var client = await ClientAsync(persona);
        if (post.Json)
        {
            using var json = new StringContent(JsonSerializer.Serialize(post.Fields), Encoding.UTF8, "application/json");
            return await client.PostAsync(new Uri(path, UriKind.Relative), json);
        }
        var token = await TokenAsync(persona);
        if (post.File is { } file)
        {
            using var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(part, "file", "矩阵.pdf");
            return await client.PostAsync(new Uri(path, UriKind.Relative), multipart);
        }
        using var content = new FormUrlEncodedContent(post.Fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private async Task<HttpClient> ClientAsync(Persona persona)
    {
        if (_clients.TryGetValue(persona, out var client)) return client;
        client = persona == Persona.Anonymous ? App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }) : await SignInAsync(UserName(persona));
        _clients[persona] = client;
        return client;
    }

    /// <summary>The persona's own antiforgery token (tokens are bound to the signed-in user), from the sign-in page's form.</summary>
    private async Task<string> TokenAsync(Persona persona)
    {
        if (_tokens.TryGetValue(persona, out var token)) return token;
        var page = await (await ClientAsync(persona)).GetStringAsync(new Uri("/account/login", UriKind.Relative));
        token = Forms.HiddenFields(page)["__RequestVerificationToken"];
        _tokens[persona] = token;
        return token;
    }

    private void Drop(Persona persona)
    {
        if (_clients.Remove(persona, out var client)) client.Dispose();
        _tokens.Remove(persona);
    }

    private static string UserName(Persona persona) => persona switch
    {
        Persona.Enterprise => DemoAccounts.EnterpriseUser,
        Persona.OtherEnterprise => "other-enterprise",
        Persona.Reviewer => DemoAccounts.ReviewerUser(District),
        Persona.OtherReviewer => DemoAccounts.ReviewerUser("fengtai"),
        Persona.DistrictAdmin => $"admin-{District}",
        Persona.OtherAdmin => "admin-fengtai",
        Persona.PortalAdmin => DemoAccounts.AdminUser,
        Persona.Auditor => DemoAccounts.AuditorUser,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    /// <summary>A checksum of every table but the audit log (refusals are recorded there), the job log and the key ring.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var db = Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
                               "AND table_name NOT IN ('AuditEntries', 'JobRuns', 'DataProtectionKeys', '__EFMigrationsHistory') AND table_name NOT LIKE 'qrtz%' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        await using var sum = connection.CreateCommand();
        sum.CommandText = string.Join(" || '|' || ", tables.Select(t => $"(SELECT coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM \"{t}\" x)"));
        sum.CommandText = "SELECT " + sum.CommandText;
        return (string)(await sum.ExecuteScalarAsync())!;
    }

    private async Task<MatrixSeed> SeedAsync()
    {
        await DistrictAdminAsync(District);
        await DistrictAdminAsync("fengtai");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var other = new PortalUser { UserName = "other-enterprise", Email = "other@example.test", EmailConfirmed = true, DisplayName = "别家公司", District = District, CreatedAt = Start, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(other, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(other, PortalRoles.Enterprise)).Succeeded);
            await using var db = Database.CreateContext();
            db.Enterprises.Add(new Enterprise
            {
                CreditCode = CreditCode.WithCheckCharacter("91110107MA03QWE12"), Name = "别家公司", District = District, ContactName = "钱七", ContactPhone = "13500000000",
                OwnerUserId = other.Id, CreatedAt = Start, UpdatedAt = Start,
            });
            await db.SaveChangesAsync();
        }
        var demo = await DemoEnterpriseAsync();
        var draft = await ApplicationAsync(demo, District, ApplicationStatus.Draft, new SeedClaim("草稿项目", "shijingshan.5.3", null, null, 10_000_000));
        var submitted = await ApplicationAsync(demo, District, ApplicationStatus.Submitted, new SeedClaim("已提交项目", "shijingshan.5.3", null, null, 10_000_000));
        await ApplicationAsync(demo, District, ApplicationStatus.Approved, new SeedClaim("已通过项目", "shijingshan.6.2", ClaimDecision.Approved, 1_000_000, 1_000_000));
        var draftClaim = ClaimIds(draft).Single();
        var evidence = await EvidenceAsync(draftClaim);
        var spare = await EvidenceAsync(draftClaim);
        var submittedEvidence = await EvidenceAsync(ClaimIds(submitted).Single());

        using var admin = await SignInAsync(DemoAccounts.AdminUser);
        using (var published = await Forms.SubmitAsync(admin, $"/admin/notices?district={District}&year={Year}", new Dictionary<string, string> { ["days"] = "7" }))
            Assert.Contains("公示名单已冻结并发布", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        string reviewerId;
        await using (var db = Database.CreateContext())
            reviewerId = await db.Users.Where(u => u.UserName == DemoAccounts.ReviewerUser(District)).Select(u => u.Id).SingleAsync();
        return new MatrixSeed(draft.Id, draftClaim, evidence, spare, submitted.Id, submitted.TrackingNumber!, submittedEvidence, District, Year, demo, reviewerId);
    }

    private async Task<long> EvidenceAsync(long claimId)
    {
        var key = Guid.NewGuid().ToString("N");
        var bytes = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"u8.ToArray();
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IEvidenceStore>().SaveAsync(key, new MemoryStream(bytes));
        await using var db = Database.CreateContext();
        var row = new Evidence { ClaimId = claimId, FileName = "证明.pdf", ContentType = "application/pdf", Size = bytes.Length, StorageKey = key, Sha256 = new string('0', 64), UploadedAt = Start };
        db.Evidence.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await base.DisposeAsync();
    }
}
