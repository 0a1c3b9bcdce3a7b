using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyPortal.Integration.Tests.Web;

/// <summary>
/// A fuzz test on PostgreSQL with the app in-process: over 10,000 generated malformed requests to the public API and to
/// the forms (registration, sign-in, enterprise profile, the application's contact, project and claim forms, the
/// calculator and the claim preview), the forms with valid antiforgery tokens and, where needed, a signed-in enterprise.
/// No answer may be a 5xx and nothing may be logged as an error. The cases come from a seeded generator: the seed is
/// printed, and POLICYPORTAL_FUZZ_SEED=n replays a run (each case i draws from Random(seed, i) alone, so a failing case
/// is reproduced by its number whatever the parallelism).
/// </summary>
public sealed partial class MalformedInputTests(ITestOutputHelper output) : PostgresAppTest("fuzz")
{
    private const int DefaultSeed = 20261207;

    // Cases per target; 10,700 in all (fewer where a request renders the whole application editor).
    private static readonly (string Target, int Count)[] Plan =
    [
        ("api-calculations", 4600), ("api-clauses", 700), ("calculator", 1200), ("preview", 300),
        ("register", 900), ("login", 900), ("profile", 700), ("app-contact", 400), ("app-project", 300), ("app-claim", 700),
    ];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PublicApiPerMinute"] = "1000000", // the limiter is not what is under test here
    };

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_and_log_no_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("POLICYPORTAL_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        output.WriteLine($"fuzz seed {seed} (replay with POLICYPORTAL_FUZZ_SEED={seed})");
        var logs = new LogCapture();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Pages and tokens, fetched once: posts carry the cookies by hand, so what a fuzzed post sets is not kept.
        var anonymous = new Cookies();
        var register = await TokenAsync(http, "/register", anonymous);
        var login = await TokenAsync(http, "/account/login", anonymous);
        var enterprise = await SignInAsync(http);
        var profile = await TokenAsync(http, "/enterprise/profile", enterprise);
        var (applicationId, projectId) = await DraftWithProjectAsync(http, enterprise);
        var editor = $"/enterprise/applications/{applicationId}";
        var app = await TokenAsync(http, editor, enterprise);
        var attestations = PolicyPortal.Infrastructure.Catalog.EmbeddedCatalog.All["shijingshan"].Articles.SelectMany(a => a.Parts)
            .Single(p => p.Code == "shijingshan.7.1").Attestations;

        var total = Plan.Sum(p => p.Count);
        var targets = Plan.SelectMany(p => Enumerable.Repeat(p.Target, p.Count)).ToArray();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var busy = new ConcurrentDictionary<string, double>(StringComparer.Ordinal); // target → milliseconds spent
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var fuzz = new MalformedInput(new Random(HashCode.Combine(seed, i)));
            using var request = targets[i] switch
            {
                "api-calculations" => Post("/api/v1/calculations", fuzz.CalculationBody(), null),
                "api-clauses" => Get("/api/v1/clauses?" + fuzz.Query(new Dictionary<string, string> { ["district"] = "shijingshan" }), null),
                "calculator" => Get((fuzz.Chance(0.5) ? "/calculator?" : "/calculator/result?") + fuzz.Query(CalculatorFields(fuzz)), null),
                "preview" => Get($"{editor}/preview?" + fuzz.Query(ClaimFields(projectId)), enterprise),
                "register" => Post("/register", fuzz.FormBody(fuzz.Mutate(RegisterFields(), register)), anonymous),
                "login" => Post("/account/login", fuzz.FormBody(fuzz.Mutate(LoginFields(), login)), anonymous),
                "profile" => Post("/enterprise/profile", fuzz.FormBody(fuzz.Mutate(ProfileFields(), profile)), enterprise),
                "app-contact" => Post(editor, fuzz.FormBody(fuzz.Mutate(ContactFields(), Handler(app, "contact"))), enterprise),
                "app-project" => Post(editor, fuzz.FormBody(fuzz.Mutate(ProjectFields(), Handler(app, "add-project"))), enterprise),
                _ => Post($"{editor}?project={projectId}&clause=shijingshan.7.1",
                    fuzz.FormBody([.. fuzz.Mutate(ClaimFields(projectId), Handler(app, $"claim-{projectId}")), .. attestations.Where(_ => fuzz.Chance(0.8)).Select(a => new KeyValuePair<string, string>("attest", a))]),
                    enterprise),
            };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            busy.AddOrUpdate(targets[i], Stopwatch.GetElapsedTime(started).TotalMilliseconds, (_, ms) => ms + Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                failures.Add($"case {i} ({targets[i]}): {status} {request.Method} {Truncate(request.RequestUri!.ToString(), 200)} → {Truncate(body, 300)}");
            }
        });
        var elapsed = clock.Elapsed;

        output.WriteLine($"{total} malformed requests in {elapsed.TotalSeconds:0.0} s; answers: {string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}");
        output.WriteLine("mean ms per request: " + string.Join(", ", Plan.Select(p => $"{p.Target} {busy.GetValueOrDefault(p.Target) / p.Count:0.0}")));
        var errors = logs.Errors();
        foreach (var e in errors.Take(10)) output.WriteLine($"logged {e.Level} {e.Category}: {Truncate(e.Message, 300)} {e.Exception?.GetType().Name}: {Truncate(e.Exception?.Message ?? "", 300)}");
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} answers were 5xx:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(15)));
        Assert.True(errors.Count == 0, $"seed {seed}: {errors.Count} errors logged, first: {(errors.Count > 0 ? $"{errors[0].Category} {errors[0].Exception}" : "")}");
        Assert.True(statuses.Values.Sum() == total, "every request was answered");
    }

    private static Dictionary<string, string> CalculatorFields(MalformedInput fuzz) => new()
    {
        ["district"] = fuzz.Pick(["shijingshan", "yizhuang", "binjiang", "tongzhou", "fengtai"]), ["clause"] = fuzz.Pick(["shijingshan.7.1", "yizhuang.1.1", "shijingshan.6.2", "x"]),
        ["amount"] = "400000", ["requested"] = "", ["year"] = "2026", ["tier"] = "", ["in_area"] = "100", ["in_lpr"] = "3.1",
    };

    private static Dictionary<string, string> RegisterFields() => new()
    {
        ["Input.Name"] = "模糊测试企业", ["Input.CreditCode"] = CreditCode.WithCheckCharacter("91110107MA01FZ9X8".Replace('Z', 'W')), ["Input.District"] = "shijingshan",
        ["Input.ContactName"] = "张三", ["Input.ContactPhone"] = "13800000000", ["Input.Email"] = "fuzz@example.cn",
        ["Input.Password"] = "Fuzz@2026x", ["Input.ConfirmPassword"] = "Fuzz@2026x",
    };

    private static Dictionary<string, string> LoginFields() => new() { ["Input.UserName"] = "fuzz-nobody", ["Input.Password"] = "Fuzz@2026x", ["Input.RememberMe"] = "true" };

    private static Dictionary<string, string> ProfileFields() => new() { ["Input.ContactName"] = "李四", ["Input.ContactPhone"] = "13900000000", ["Input.Email"] = "li@example.cn" };

    private static Dictionary<string, string> ContactFields() => new() { ["contactName"] = "王五", ["contactPhone"] = "13700000000" };

    private static Dictionary<string, string> ProjectFields() => new() { ["projectName"] = "项目", ["projectDescription"] = "说明" };

    private static Dictionary<string, string> ClaimFields(long projectId) => new()
    {
        ["clause"] = "shijingshan.7.1", ["projectName"] = "基础项目", ["project"] = projectId.ToString(CultureInfo.InvariantCulture),
        ["amount"] = "400000", ["requested"] = "100000", ["tier"] = "",
    };

    private static Dictionary<string, string> Handler(Dictionary<string, string> token, string handler) => new(token) { ["_handler"] = handler };

    private static HttpRequestMessage Get(string path, Cookies? cookies) => Request(HttpMethod.Get, path, null, cookies);

    private static HttpRequestMessage Post(string path, HttpContent content, Cookies? cookies) => Request(HttpMethod.Post, path, content, cookies);

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, Cookies? cookies)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (cookies is { Header.Length: > 0 }) request.Headers.TryAddWithoutValidation("Cookie", cookies.Header);
        return request;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>The page's antiforgery token and form handler, with the cookies it set kept in <paramref name="cookies"/>.</summary>
    private static async Task<Dictionary<string, string>> TokenAsync(HttpClient http, string path, Cookies cookies)
    {
        using var response = await http.SendAsync(Get(path, cookies));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        cookies.Keep(response);
        var hidden = Forms.HiddenFields(await response.Content.ReadAsStringAsync());
        return hidden.Where(kv => kv.Key is "__RequestVerificationToken" or "_handler").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private static async Task<Cookies> SignInAsync(HttpClient http)
    {
        var cookies = new Cookies();
        var fields = await TokenAsync(http, "/account/login", cookies);
        fields["Input.UserName"] = DemoAccounts.EnterpriseUser;
        fields["Input.Password"] = DemoAccounts.Password;
        using var response = await http.SendAsync(Post("/account/login", new FormUrlEncodedContent(fields), cookies));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        cookies.Keep(response);
        return cookies;
    }

    private static async Task<(long Application, long Project)> DraftWithProjectAsync(HttpClient http, Cookies enterprise)
    {
        using var created = await http.SendAsync(Post("/enterprise/applications",
            new FormUrlEncodedContent(Handler(await TokenAsync(http, "/enterprise/applications", enterprise), "new-application")), enterprise));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(ApplicationPath().Match(created.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
        var path = $"/enterprise/applications/{id}";
        var fields = Handler(await TokenAsync(http, path, enterprise), "add-project");
        fields["projectName"] = "基础项目";
        using var added = await http.SendAsync(Post(path, new FormUrlEncodedContent(fields), enterprise));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        using var page = await http.SendAsync(Get(path, enterprise));
        var project = long.Parse(ProjectId().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        return (id, project);
    }

    /// <summary>Cookies kept by hand (name → value) and sent as one header.</summary>
    private sealed class Cookies
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Header { get; private set; } = "";

        public void Keep(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var set)) return;
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) _values[pair[..eq]] = pair[(eq + 1)..];
            }
            Header = string.Join("; ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
        }
    }

    [GeneratedRegex(@"/enterprise/applications/(\d+)")]
    private static partial Regex ApplicationPath();

    [GeneratedRegex("name=\"project\" value=\"(\\d+)\"")]
    private static partial Regex ProjectId();
}
