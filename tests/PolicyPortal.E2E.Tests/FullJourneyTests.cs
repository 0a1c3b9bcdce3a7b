using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// The whole journey, as a new enterprise and a district reviewer would go through it in Chromium: register, file,
/// matches, an application with two projects and evidence, submission, a request for supplement answered, a decision,
/// and the award in "my awards". Screenshots of each screen go to docs/screenshots/journey-*.png.
/// </summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class FullJourneyTests(PortalServer portal)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath($"journey-{name}.png"), FullPage = true });

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/(workbench|enterprise/profile)"));
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^[^?]*/$"));
    }

    private static async Task AddClaimAsync(IPage page, int project, string clause, string amount)
    {
        var section = page.Locator("[data-testid=project]").Nth(project);
        await ClaimForms.SelectClauseAsync(section, clause);
        var form = section.Locator("[data-testid=claim-form]");
        await form.Locator("#amount").FillAsync(amount);
        foreach (var box in await form.Locator("input[name=attest]").AllAsync()) await box.CheckAsync();
        await Assertions.Expect(page.Locator($"[data-testid=preview-claim][data-clause='{clause}']").Last).ToBeVisibleAsync();
        await form.Locator("[data-testid=add-claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-message]")).ToHaveTextAsync("申报事项已保存。");
    }

    private static async Task UploadAsync(IPage page, string clause, string name)
    {
        var claim = page.Locator($"[data-testid=claim][data-clause='{clause}']");
        await claim.Locator("[data-testid=evidence-input]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Pdf });
        await claim.Locator("[data-testid=evidence-upload]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-message]")).ToHaveTextAsync("证明材料已上传。");
        await Assertions.Expect(page.Locator($"[data-testid=claim][data-clause='{clause}'] [data-testid=evidence-file]")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task A_new_enterprise_applies_answers_a_supplement_request_and_sees_its_award()
    {
        var code = CreditCode.WithCheckCharacter("91110112MA01JRNY5");
        const string password = "Tz@2026journey";
        var page = await portal.NewPageAsync();

        // Register, mistyping the code first.
        await page.GotoAsync("/register");
        await page.GetByLabel("企业名称").FillAsync("通州智算应用有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync(code[..17]);
        await page.GetByLabel("注册所在区").SelectOptionAsync("tongzhou");
        await page.GetByLabel("联系人").FillAsync("周敏");
        await page.GetByLabel("联系电话").FillAsync("13911112222");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("确认密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-creditcode]")).ToContainTextAsync("当前 17 位");
        await Shot(page, "1-register-error");
        await page.GetByLabel("统一社会信用代码").FillAsync(code);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("确认密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/enterprise/profile**");

        // The file and the matches.
        await page.GetByLabel("人工智能企业（符合区域产业定位）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=profile-saved]")).ToBeVisibleAsync();
        await Shot(page, "2-profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "政策匹配" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=match][data-clause='tongzhou.1.1']")).ToContainTextAsync("按 30% 计");
        await Shot(page, "3-matches");

        // An application with two projects and evidence; the preview follows the amounts.
        await page.GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await page.Locator("[data-testid=new-application]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/enterprise/applications/[0-9]+$"));
        var applicationUrl = page.Url;
        await page.GetByLabel("项目名称").FillAsync("智算算力租用");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加项目" }).ClickAsync();
        var first = page.Locator("[data-testid=project]").Nth(0);
        await ClaimForms.SelectClauseAsync(first, "tongzhou.1.1");
        await first.Locator("[data-testid=claim-form] #amount").FillAsync("500000");
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("150,000 元");
        await AddClaimAsync(page, 0, "tongzhou.1.1", "1000000");
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("300,000 元");
        await page.GetByLabel("项目名称").FillAsync("训练数据集采购");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加项目" }).ClickAsync();
        await AddClaimAsync(page, 1, "tongzhou.2.1", "2000000");
        await Assertions.Expect(page.Locator("[data-testid=preview-total]")).ToHaveTextAsync("500,000 元");
        await UploadAsync(page, "tongzhou.2.1", "数据集交易合同.pdf");
        await Shot(page, "4-draft");
        await page.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-status]")).ToHaveTextAsync("已提交");
        var number = (await page.Locator("[data-testid=tracking-number]").InnerTextAsync()).Trim();
        await Shot(page, "5-submitted");
        await SignOutAsync(page);

        // The Tongzhou reviewer asks for the missing contract.
        // The reviewer filters the queue by clause, amount and enterprise name, as a person would, from the menu.
        await SignInAsync(page, DemoAccounts.ReviewerUser("tongzhou"), DemoAccounts.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await page.Locator("#clause").SelectOptionAsync("tongzhou.1.1");
        await page.Locator("#min").FillAsync("40");
        await page.Locator("#q").FillAsync("通州智算");
        await page.Locator("[data-testid=queue-apply]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("clause=tongzhou.1.1"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveCountAsync(1);
        await Shot(page, "6-queue-filtered");
        await page.Locator("#min").FillAsync("60"); // the frozen total is ¥500,000 = 50 万元: filtered out
        await page.Locator("[data-testid=queue-apply]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveCountAsync(0);
        await page.Locator("#min").FillAsync("");
        await page.Locator("[data-testid=queue-apply]").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Locator("[data-testid=start-review]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=desk-message]")).ToContainTextAsync("回避");
        await page.Locator("#no-conflict").CheckAsync();
        await page.Locator("[data-testid=start-review]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=desk-status]")).ToHaveTextAsync("审核中");
        await page.Locator("[data-testid=return-form] textarea").FillAsync("请补充智算算力租用合同及付款凭证");
        await page.Locator("[data-testid=return]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=desk-status]")).ToHaveTextAsync("待补正");
        await Shot(page, "6-returned");
        await SignOutAsync(page);

        // The enterprise reads the request in its inbox, adds the contract and resubmits.
        await SignInAsync(page, code, password);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^消息") }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]").First).ToContainTextAsync("请补充智算算力租用合同");
        await page.GotoAsync(applicationUrl);
        await Assertions.Expect(page.Locator(".alert-warning")).ToContainTextAsync("请补充智算算力租用合同");
        await UploadAsync(page, "tongzhou.1.1", "算力租用合同.pdf");
        await page.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-status]")).ToHaveTextAsync("已提交");
        await SignOutAsync(page);

        // The reviewer approves the compute claim and rejects the data-set claim.
        await SignInAsync(page, DemoAccounts.ReviewerUser("tongzhou"), DemoAccounts.Password);
        await page.GotoAsync($"/review?q={number}");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Locator("#no-conflict").CheckAsync();
        await page.Locator("[data-testid=start-review]").ClickAsync();
        await page.Locator("[data-testid=desk-claim][data-clause='tongzhou.1.1'] [data-testid=approve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=desk-claim][data-clause='tongzhou.1.1'] [data-testid=claim-decision]")).ToContainTextAsync("300,000 元");
        await page.Locator("[data-testid=desk-claim][data-clause='tongzhou.2.1'] input[name=reason]").Last.FillAsync("交易平台不在合规名单内");
        await page.Locator("[data-testid=desk-claim][data-clause='tongzhou.2.1'] [data-testid=reject]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=desk-status]")).ToHaveTextAsync("部分通过");
        await Shot(page, "7-decided");
        await SignOutAsync(page);

        // The award.
        await SignInAsync(page, code, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的奖补" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=award]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=award]")).ToContainTextAsync("300,000 元");
        await Assertions.Expect(page.Locator("[data-testid=room-row]")).ToContainTextAsync("20 万元"); // ¥500,000 a year for 第一条, ¥300,000 used
        await Shot(page, "8-award");
    }
}
