using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// No mass assignment: forms bind to input models (or read named fields), never to entities, so fields a form does not have —
/// status, approved amount, owner, enterprise — posted anyway change nothing.
/// </summary>
public sealed partial class MassAssignmentTests() : PostgresAppTest("mass-assignment")
{
    /// <summary>What a forger would add to every form, in both spellings the binder might look for.</summary>
    private static readonly Dictionary<string, string> Forged = new[]
    {
        ("Status", nameof(ApplicationStatus.Approved)), ("ApprovedFen", "999999999"), ("OwnerUserId", "someone-else"), ("EnterpriseId", "1"),
        ("Decision", "Approved"), ("FrozenGrantedFen", "999999999"), ("FrozenTotalFen", "999999999"), ("TrackingNumber", "FORGED-1"),
        ("District", "fengtai"), ("Year", "2020"), ("Id", "424242"), ("CreditCode", "91110000000000000X"), ("Name", "改名公司"),
        ("Role", PortalRoles.Admin), ("EmailConfirmed", "true"),
    }.SelectMany(f => new[] { (f.Item1, f.Item2), ($"Input.{f.Item1}", f.Item2) }).ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);

    private static Dictionary<string, string> With(Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(Forged, StringComparer.Ordinal);
        foreach (var (k, v) in fields) all[k] = v;
        return all;
    }

    [Fact]
    public void Every_bound_form_model_is_an_input_model_and_no_endpoint_binds_an_entity()
    {
        var web = typeof(PolicyPortal.Web.SharedResource).Assembly;
        var bound = web.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is not null).ToList();
        Assert.NotEmpty(bound);
        Assert.All(bound, p => Assert.True(IsInputModel(p.PropertyType), $"{p.DeclaringType!.Name}.{p.Name} binds {p.PropertyType.FullName}, not an input model"));

        var parameters = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<MethodInfo>()).OfType<MethodInfo>().SelectMany(m => m.GetParameters()).ToList();
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.False(IsEntity(p.ParameterType), $"an endpoint binds the entity {p.ParameterType.FullName}"));
    }

    private static bool IsEntity(Type type) =>
        type.Namespace?.StartsWith("PolicyPortal.Infrastructure.Data", StringComparison.Ordinal) == true && type != typeof(PortalDbContext);

    private static bool IsInputModel(Type type) =>
        !IsEntity(type) && type.Name.EndsWith("Input", StringComparison.Ordinal)
        && type.GetProperties().All(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(bool));

    [Fact]
    public async Task Registration_with_forged_fields_makes_an_enterprise_owned_by_the_new_user_with_the_enterprise_role_only()
    {
        using var client = Factory.CreateBrowserClient();
        var code = CreditCode.WithCheckCharacter("91110107MA03QWE12");
        using var response = await Forms.SubmitAsync(client, "/register", With(new()
        {
            ["Input.Name"] = "新公司", ["Input.CreditCode"] = code, ["Input.District"] = "shijingshan", ["Input.ContactName"] = "钱七",
            ["Input.ContactPhone"] = "13500000000", ["Input.Email"] = "", ["Input.Password"] = "Other@2026x", ["Input.ConfirmPassword"] = "Other@2026x",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == code);
        var user = await db.Users.SingleAsync(u => u.Id == enterprise.OwnerUserId);
        Assert.Equal(code, user.UserName);
        Assert.Equal("新公司", enterprise.Name);
        Assert.NotEqual(424242, enterprise.Id);
        await using var scope = Factory.Services.CreateAsyncScope();
        var roles = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().GetRolesAsync(user);
        Assert.Equal([PortalRoles.Enterprise], roles);
    }

    [Fact]
    public async Task The_profile_form_changes_the_contact_and_nothing_else()
    {
        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        await using var before = Database.CreateContext();
        var original = await before.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        using var response = await Forms.SubmitAsync(client, "/enterprise/profile", With(new()
        {
            ["_handler"] = "profile", ["Input.ContactName"] = "新联系人", ["Input.ContactPhone"] = "13912345678", ["Input.Email"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = Database.CreateContext();
        var after = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == original.Id);
        Assert.Equal("新联系人", after.ContactName); // the post was accepted …
        Assert.Equal((original.Name, original.CreditCode, original.District, original.OwnerUserId), (after.Name, after.CreditCode, after.District, after.OwnerUserId));
    }

    [Fact]
    public async Task The_application_forms_never_take_status_amounts_owner_or_enterprise_from_the_post()
    {
        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        await using var db0 = Database.CreateContext();
        var own = await db0.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);

        using var created = await Forms.SubmitAsync(client, "/enterprise/applications", With(new() { ["_handler"] = "new-application" }));
        var id = long.Parse(Regex.Match(created.Headers.Location!.ToString(), @"(\d+)$").Value, System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/enterprise/applications/{id}";
        using (await Forms.SubmitAsync(client, path, With(new() { ["_handler"] = "contact", ["contactName"] = "张三", ["contactPhone"] = "13812345678" }))) { }
        using (await Forms.SubmitAsync(client, path, With(new() { ["_handler"] = "add-project", ["projectName"] = "评测", ["ApplicationId"] = "1" }))) { }
        var projectId = ProjectId().Match(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Groups[1].Value;
        var attestations = PolicyPortal.Infrastructure.Catalog.EmbeddedCatalog.All["shijingshan"].Articles.SelectMany(a => a.Parts)
            .Single(p => p.Code == "shijingshan.5.3").Attestations.Select(a => new KeyValuePair<string, string>("attest", a));
        using (var claimed = await Forms.SubmitAsync(client, $"{path}?project={projectId}&clause=shijingshan.5.3",
                   With(new() { ["_handler"] = $"claim-{projectId}", ["clause"] = "shijingshan.5.3", ["amount"] = "100000" }), attestations))
            Assert.Contains("申报事项已保存", await claimed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        using (var submitted = await Forms.SubmitAsync(client, path, With(new() { ["_handler"] = "submit", ["submissionKey"] = SubmissionKey().Match(page).Groups[1].Value })))
        {
            var text = await submitted.Content.ReadAsStringAsync();
            Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, Regex.Match(text, "alert[^>]*>([^<]*)").Groups[1].Value + " " + (int)submitted.StatusCode);
        }

        await using var db = Database.CreateContext();
        var application = await db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(own.Id, application.EnterpriseId);
        Assert.Equal("shijingshan", application.District);
        Assert.Equal(ApplicationStatus.Submitted, application.Status); // submitted, as the form does; not "Approved"
        Assert.NotEqual("FORGED-1", application.TrackingNumber);
        Assert.Equal("张三", application.ContactName);
        var claim = application.Projects.Single().Claims.Single();
        Assert.Null(claim.Decision);
        Assert.Null(claim.ApprovedFen);
        Assert.Equal(10_000_000, claim.AmountFen);
        Assert.Equal(claim.FrozenGrantedFen, application.FrozenTotalFen);
        Assert.NotEqual(999999999, application.FrozenTotalFen);
    }

    [GeneratedRegex("name=\"project\" value=\"(\\d+)\"")]
    private static partial Regex ProjectId();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
