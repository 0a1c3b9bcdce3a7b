// A storm of submissions at a running portal, as browsers would make them: each enterprise registers through /register
// (which signs it in), creates its application, adds a project and a claim, then — all enterprises at once — submits.
// Every acknowledged submission (the portal answered the submit with its redirect to the receipt) is appended to the
// acks file as "ack <application id> <credit code>" the moment it is known, then "number <application id> <受理编号>"
// once the receipt page is read; a fault script kills the portal in the middle and checks each of them afterwards.
//
//   dotnet run --project tools/PolicyPortal.SubmissionStorm -- http://127.0.0.1:5080 150 32 /tmp/acks.txt
//   (base URL, enterprises, concurrency, acks file)

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PolicyPortal.Domain.Enterprises;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: PolicyPortal.SubmissionStorm <base url> <enterprises> <concurrency> <acks file>");
    return 2;
}
var baseUrl = new Uri(args[0]);
var enterprises = int.Parse(args[1], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
var acksPath = args[3];
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
using var acks = new StreamWriter(acksPath, append: true) { AutoFlush = true };
var gate = new object();
void Record(string line) { lock (gate) acks.WriteLine(line); }

var prepared = new List<(int Index, HttpClient Client, long Application)>();
var errors = 0;
var throttle = new SemaphoreSlim(concurrency);

// 1. Enterprises with a draft ready to submit.
await Task.WhenAll(Enumerable.Range(0, enterprises).Select(async i =>
{
    await throttle.WaitAsync();
    try
    {
        var client = Browser.Create(baseUrl);
        var code = CreditCode.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"91110107MA{i:D4}KR0"));
        await Browser.PostFormAsync(client, "/register", "register", new()
        {
            ["Input.Name"] = $"压力测试企业{run}-{i}", ["Input.CreditCode"] = code, ["Input.District"] = "shijingshan", ["Input.ContactName"] = "张测试",
            ["Input.ContactPhone"] = "13800000000", ["Input.Email"] = "", ["Input.Password"] = "Storm@2026x", ["Input.ConfirmPassword"] = "Storm@2026x",
        }, expectRedirect: true);
        var created = await Browser.PostFormAsync(client, "/enterprise/applications", "new-application", [], expectRedirect: true);
        var id = long.Parse(Browser.ApplicationId().Match(created).Groups[1].Value, CultureInfo.InvariantCulture);
        var editor = $"/enterprise/applications/{id}";
        await Browser.PostFormAsync(client, editor, "add-project", new() { ["projectName"] = "大模型评测" });
        var page = await client.GetStringAsync(new Uri(editor, UriKind.Relative));
        var project = Browser.ProjectId().Match(page).Groups[1].Value;
        var claimPath = $"{editor}?project={project}&clause=shijingshan.7.1";
        var claimPage = await client.GetStringAsync(new Uri(claimPath, UriKind.Relative));
        var fields = new Dictionary<string, string> { ["clause"] = "shijingshan.7.1", ["projectName"] = "大模型评测", ["amount"] = (400_000 + i).ToString(CultureInfo.InvariantCulture) };
        var attest = Browser.Attestation().Matches(claimPage).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        await Browser.PostFormAsync(client, claimPath, $"claim-{project}", fields, attest.Select(a => new KeyValuePair<string, string>("attest", a)));
        lock (prepared) prepared.Add((i, client, id));
    }
    catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or FormatException)
    {
        Interlocked.Increment(ref errors);
        Console.Error.WriteLine($"prepare {i}: {ex.Message}");
    }
    finally
    {
        throttle.Release();
    }
}));
Console.WriteLine($"prepared {prepared.Count} of {enterprises} drafts ({errors} errors); submitting");
Record($"ready {prepared.Count}");

// 2. The storm: every draft submitted at once (up to the concurrency), each acknowledgement recorded as it arrives.
var acknowledged = 0;
var failed = 0;
await Task.WhenAll(prepared.Select(async p =>
{
    await throttle.WaitAsync();
    try
    {
        var editor = $"/enterprise/applications/{p.Application}";
        var page = await p.Client.GetStringAsync(new Uri(editor, UriKind.Relative));
        var key = Browser.SubmissionKey().Match(page).Groups[1].Value;
        var receipt = await Browser.PostFormAsync(p.Client, editor, "submit", new() { ["submissionKey"] = key }, expectRedirect: true);
        if (!receipt.Contains("submitted=1", StringComparison.Ordinal)) throw new InvalidOperationException($"submit answered {receipt}");
        Record($"ack {p.Application} {p.Index}");
        Interlocked.Increment(ref acknowledged);
        var shown = await p.Client.GetStringAsync(new Uri(receipt, UriKind.RelativeOrAbsolute));
        Record($"number {p.Application} {Browser.TrackingNumber().Match(shown).Groups[1].Value}");
    }
    catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or UriFormatException)
    {
        Interlocked.Increment(ref failed);
    }
    finally
    {
        throttle.Release();
    }
}));
Console.WriteLine($"submissions: {prepared.Count} attempted, {acknowledged} acknowledged, {failed} failed or unanswered");
return 0;

internal static partial class Browser
{
    public static HttpClient Create(Uri baseUrl) => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
    {
        BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Posts a form of the page at <paramref name="path"/> with its antiforgery token; returns the redirect target or the page.</summary>
    public static async Task<string> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields,
        IEnumerable<KeyValuePair<string, string>>? repeated = null, bool expectRedirect = false)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = Token().Match(page);
        if (!token.Success) throw new InvalidOperationException($"no antiforgery token on {path}");
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)), new("_handler", handler) };
        body.AddRange(fields);
        body.AddRange(repeated ?? []);
        using var content = new FormUrlEncodedContent(body);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        if (expectRedirect)
        {
            if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{path} ({handler}) answered {(int)response.StatusCode}");
            return response.Headers.Location!.ToString();
        }
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} ({handler}) answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex Token();

    [GeneratedRegex(@"/enterprise/applications/(\d+)")]
    public static partial Regex ApplicationId();

    [GeneratedRegex("name=\"project\" value=\"(\\d+)\"")]
    public static partial Regex ProjectId();

    [GeneratedRegex("name=\"attest\" value=\"([^\"]*)\"")]
    public static partial Regex Attestation();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    public static partial Regex SubmissionKey();

    [GeneratedRegex("data-testid=\"tracking-number\">([^<]+)<")]
    public static partial Regex TrackingNumber();
}
