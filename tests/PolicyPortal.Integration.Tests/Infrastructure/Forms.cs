using System.Net;
using System.Text.RegularExpressions;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>Posts a server-rendered form as a browser would: hidden fields (antiforgery, handler) read from the page.</summary>
public static partial class Forms
{
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, IDictionary<string, string> fields) =>
        SubmitAsync(client, path, fields, []);

    /// <summary>As above, with fields that repeat (ticked checkboxes of one name).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, IDictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>> repeated, string? tokensFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(tokensFrom ?? path, UriKind.Relative));
        var body = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(page))
            body[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        foreach (var (k, v) in fields) body[k] = v;
        using var content = new FormUrlEncodedContent(body.Concat(repeated));
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs a browser client in through the real sign-in page; fails the test if sign-in is refused.</summary>
    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string user, string password = PolicyPortal.Infrastructure.Identity.DemoAccounts.Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateBrowserClient();
        using var response = await SubmitAsync(client, "/account/login", new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The hidden fields of a page (antiforgery token, form handler), by name.</summary>
    public static Dictionary<string, string> HiddenFields(string page)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(page))
            fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        return fields;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
