using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Enterprises;

/// <summary>Enterprise registration on PostgreSQL, through the real page.</summary>
public sealed class RegistrationTests() : PostgresAppTest("register")
{
    private static Dictionary<string, string> Form(string code, string password = "Str0ng!pass", string name = "测试智能科技有限公司") => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = code,
        ["Input.District"] = "yizhuang",
        ["Input.ContactName"] = "李华",
        ["Input.ContactPhone"] = "13912345678",
        ["Input.Email"] = "",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static readonly string ValidCode = CreditCode.WithCheckCharacter("91110302MA01XY7K3");

    [Fact]
    public async Task A_wrong_check_character_is_refused_with_a_message_naming_it_and_the_form_keeps_its_input()
    {
        var wrong = ValidCode[..17] + (ValidCode[17] == '0' ? '1' : '0');
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/register", Form(wrong));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("校验位", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{wrong}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"测试智能科技有限公司\"", html, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.False(await db.Enterprises.AnyAsync(e => e.CreditCode == wrong || e.Name == "测试智能科技有限公司"));
    }

    [Fact]
    public async Task A_17_character_code_is_refused_saying_so()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/register", Form(ValidCode[..17]));
        Assert.Contains("当前 17 位", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_works_on_a_production_database_without_demo_accounts()
    {
        // The roles are created on every start, not only with the demo accounts (a production start had none: 500).
        await using var production = new PortalFactory(Database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Accounts:SeedDemoAccounts"] = "false" });
        using var client = production.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/register", Form(ValidCode));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/enterprise/profile", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_creates_the_account_and_the_file_and_signs_in_and_a_second_one_with_the_code_is_refused()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/register", Form(ValidCode.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/enterprise/profile", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        var profile = await client.GetStringAsync(new Uri("/enterprise/profile", UriKind.Relative));
        Assert.Contains(ValidCode, profile, StringComparison.Ordinal);

        using var other = Factory.CreateBrowserClient();
        using var again = await Forms.SubmitAsync(other, "/register", Form(ValidCode, name: "另一家公司"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("该统一社会信用代码已注册", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == ValidCode);
        Assert.Equal("测试智能科技有限公司", enterprise.Name);
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == ValidCode));
    }

    [Fact]
    public async Task A_refused_password_leaves_no_account_and_no_file()
    {
        var code = CreditCode.WithCheckCharacter("91110105MA00PQRT1");
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.SubmitAsync(client, "/register", Form(code, password: "alllowercase"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("至少 3 类", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == code));
        Assert.False(await db.Enterprises.AnyAsync(e => e.CreditCode == code));
    }

    [Fact]
    public async Task Saved_qualifications_change_what_the_matching_page_says_the_enterprise_may_claim()
    {
        using var client = Factory.CreateBrowserClient();
        var code = CreditCode.WithCheckCharacter("91110302MA01MN8P2");
        using var registered = await Forms.SubmitAsync(client, "/register", Form(code));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var before = await client.GetStringAsync(new Uri("/enterprise/matches", UriKind.Relative));
        Assert.Contains("data-clause=\"yizhuang.3.1\"", before, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Input.ContactName"] = "李华", ["Input.ContactPhone"] = "13912345678", ["Input.Email"] = "", ["qualification"] = "genai-filed" };
        using var saved = await Forms.SubmitAsync(client, "/enterprise/profile", fields);
        Assert.Contains("已保存", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var id = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
        Assert.Equal(["genai-filed"], await db.Set<PolicyPortal.Infrastructure.Data.Enterprises.EnterpriseQualification>().Where(q => q.EnterpriseId == id).Select(q => q.Key).ToListAsync());
        var after = await client.GetStringAsync(new Uri("/enterprise/matches", UriKind.Relative));
        // 第三条 (新增生成式人工智能模型备案 100 万元) now sits among the parts the enterprise may qualify for.
        var metSection = after[..after.IndexOf("需具备资质</span>", after.IndexOf("data-testid=\"match-list\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("data-clause=\"yizhuang.3.1\"", metSection, StringComparison.Ordinal);
    }
}
