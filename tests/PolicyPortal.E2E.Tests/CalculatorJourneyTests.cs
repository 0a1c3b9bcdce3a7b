using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PolicyPortal.E2E.Tests;

/// <summary>Anyone opens the calculator, picks a clause and sees the result and its explanation update as they type (htmx).</summary>
[Collection(PortalFixtureGroup.Name)]
public sealed class CalculatorJourneyTests(PortalServer portal)
{
    [Fact]
    public async Task Result_and_explanation_update_as_the_amount_is_typed()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/calculator");
        await page.Locator("#district").SelectOptionAsync("tongzhou");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("district=tongzhou"));
        await Assertions.Expect(page.Locator("#clause")).ToHaveValueAsync("tongzhou.1.1");
        await page.Locator("#district").SelectOptionAsync("shijingshan");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("district=shijingshan"));
        await Assertions.Expect(page.Locator("#clause")).ToHaveValueAsync("shijingshan.3.1");
        await page.Locator("#clause").SelectOptionAsync("shijingshan.4.1");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("clause=shijingshan.4.1"));
        await Htmx.SettledAsync(page);

        await page.Locator("#amount").FillAsync("20000000");
        await Assertions.Expect(page.Locator("[data-testid=calc-granted]")).ToHaveTextAsync("6,000,000 元");
        await page.Locator("#amount").FillAsync("50000000");
        await Assertions.Expect(page.Locator("[data-testid=calc-granted]")).ToHaveTextAsync("10,000,000 元");
        var explanation = await page.Locator("[data-testid=calc-explanation]").InnerTextAsync();
        Assert.Contains("石景山区第四条：30% × ¥50,000,000 = ¥15,000,000，超过上限 ¥10,000,000，按 ¥10,000,000", explanation, StringComparison.Ordinal);
        Assert.Contains("1,000 万元", await page.Locator("#calc-result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("连续支持两年", await page.Locator("[data-testid=calc-article]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalServer.ScreenshotPath("calculator.png"), FullPage = true });

        await page.Locator("#amount").FillAsync("abc");
        await Assertions.Expect(page.Locator("[data-testid=calc-input-error]")).ToHaveTextAsync("请输入不小于 0 的数字，例如 5000000");
        await page.Locator("#amount").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=error-amount]")).ToHaveTextAsync("请输入不小于 0 的数字，例如 5000000");
        Assert.Equal("abc", await page.Locator("#amount").InputValueAsync());
    }

    [Fact]
    public async Task A_clause_without_figures_says_it_is_not_open()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/calculator?district=fengtai&clause=fengtai.1.1");
        await Assertions.Expect(page.Locator("[data-testid=calc-closed]")).ToContainTextAsync("尚未开放申报");
    }
}
