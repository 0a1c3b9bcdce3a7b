using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>Drafts made through the real pages, as the demo enterprise would make them.</summary>
public static partial class Drafts
{
    /// <summary>
    /// Signs the demo enterprise in and makes a draft with one project and one claim (石景山 shijingshan.5.3, ¥100,000), the
    /// only claim in the database: the client, the application's id and the claim's id.
    /// </summary>
    public static async Task<(HttpClient Client, long ApplicationId, long ClaimId)> WithClaimAsync(PortalFactory factory, TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var client = await Forms.SignedInAsync(factory, DemoAccounts.EnterpriseUser);
        using var created = await Forms.SubmitAsync(client, "/enterprise/applications", new Dictionary<string, string>());
        var id = long.Parse(TrailingNumber().Match(created.Headers.Location!.ToString()).Value, CultureInfo.InvariantCulture);
        var path = $"/enterprise/applications/{id}";
        using (await Forms.SubmitAsync(client, path, new Dictionary<string, string> { ["_handler"] = "add-project", ["projectName"] = "评测" })) { }
        var projectId = ProjectField().Match(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Groups[1].Value;
        using (await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.5.3",
                   new Dictionary<string, string> { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.5.3", ["amount"] = "100000" })) { }
        await using var db = database.CreateContext();
        return (client, id, await db.Claims.Select(c => c.Id).SingleAsync());
    }

    [GeneratedRegex(@"(\d+)$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex("name=\"project\" value=\"(\\d+)\"")]
    private static partial Regex ProjectField();
}
