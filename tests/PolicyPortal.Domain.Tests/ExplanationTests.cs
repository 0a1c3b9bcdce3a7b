using System.Globalization;
using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Explanations: one line per step that mattered, citing the article, in Chinese and in English.</summary>
public class ExplanationTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void Capped_rate_cites_the_article_with_the_formula_and_the_cap()
    {
        // 石景山区第四条
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 50_000_000m));
        Assert.Equal("石景山区第四条：30% × ¥50,000,000 = ¥15,000,000，超过上限 ¥10,000,000，按 ¥10,000,000", r.Explanation[0].ToText(Zh));
        Assert.Equal("Shijingshan Art. 4: 30% × ¥50,000,000 = ¥15,000,000, above the cap of ¥10,000,000, so ¥10,000,000", r.Explanation[0].ToText(En));
        Assert.Equal("石景山区第四条：30% × ¥50,000,000 = ¥15,000,000，超过上限 ¥10,000,000，按 ¥10,000,000\n核定 ¥10,000,000", r.Explain(Zh));
    }

    [Fact]
    public void Superseded_claim_names_the_part_it_loses_to()
    {
        // 石景山区第十三条 从优不重复
        var result = Calculate("shijingshan",
        [
            Claim("a", "shijingshan.4.1", 20_000_000m, project: "compute"),
            Claim("b", "shijingshan.4.2", 20_000_000m, project: "compute"),
        ]);
        Assert.Equal("从优不重复（第十三条）：同一项目已按 shijingshan.4.1 计 ¥6,000,000，本项不予重复支持", result.Get("b").Explanation[1].ToText(Zh));
        Assert.StartsWith("Most favourable, not twice (Art. 13): the same project is counted under shijingshan.4.1 at ¥6,000,000",
            result.Get("b").Explanation[1].ToText(En), StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_line_states_the_ceiling_what_was_received_and_the_room()
    {
        // 通州区第一条：单个企业年度…不超过50万元
        var result = Calculate("tongzhou", [Claim("c1", "tongzhou.1.1", 1_200_000m), Claim("c2", "tongzhou.1.1", 800_000m, project: "b")],
            [Prior("tongzhou.1.1", 2026, 100_000m, project: "x")]);
        Assert.Equal("通州区第一条：单个企业每年最高 ¥500,000，今年已获 ¥460,000（含本次在先申报 ¥360,000），本项最多 ¥40,000",
            result.Get("c2").Explanation[1].ToText(Zh));
        Assert.Equal("Tongzhou Art. 1: at most ¥500,000 per enterprise per year; ¥460,000 already awarded this year (including ¥360,000 for earlier claims in this request); at most ¥40,000 for this claim",
            result.Get("c2").Explanation[1].ToText(En));
    }

    [Fact]
    public void Shared_limit_cites_its_articles()
    {
        // 通州区第十一条至第十五条
        var result = Calculate("tongzhou", [Claim("c1", "tongzhou.11.1")], [Prior("tongzhou.12.1", 2026, 1_800_000m, project: "x")]);
        var line = result.Get("c1").Explanation[1];
        Assert.Contains("第十一条至第十五条", line.ToText(Zh), StringComparison.Ordinal);
        Assert.Contains("Arts. 11–15", line.ToText(En), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_kinds_render_their_inputs()
    {
        var rent = One("shijingshan", Claim("c1", "shijingshan.6.1", 2_000_000m, tier: "national", inputs: new Dictionary<string, decimal> { ["area"] = 5000m }));
        Assert.Equal("石景山区第六条（国家级）：100% × 租金 ¥2,000,000 × 4,000㎡ / 5,000㎡ = ¥1,600,000（补贴面积不超过 4,000㎡）", rent.Explanation[0].ToText(Zh));
        var loan = One("binjiang", Claim("c1", "binjiang.21.1", 20_000_000m, inputs: new Dictionary<string, decimal> { ["lpr"] = 0.0345m, ["interestPaid"] = 800_000m }));
        Assert.Equal("滨江区（二十一）：min(本金 ¥20,000,000 × LPR 3.45% × 50% = ¥345,000，实付利息 ¥800,000 × 50% = ¥400,000) = ¥345,000", loan.Explanation[0].ToText(Zh));
        Assert.StartsWith("Binjiang (21): min(principal ¥20,000,000", loan.Explanation[0].ToText(En), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_up_line_names_the_tier_already_paid()
    {
        // 北京经济技术开发区第十三条 晋级补差
        var r = One("yizhuang", Claim("c1", "yizhuang.13.2", tier: "little-giant"), [Prior("yizhuang.13.2", 2024, 200_000m, tier: "specialized-sme")]);
        Assert.Equal("晋级补差（北京经济技术开发区第十三条）：已按北京市专精特新中小企业获 ¥200,000，补足差额：¥500,000 − ¥200,000 = ¥300,000", r.Explanation[1].ToText(Zh));
    }

    [Fact]
    public void Pool_line_names_the_voucher()
    {
        var r = One("yizhuang", Claim("c1", "yizhuang.1.1", 50_000_000m), poolUsed: new Dictionary<string, decimal> { ["yizhuang.compute-voucher"] = 95_000_000.5m });
        Assert.Equal("算力券（北京经济技术开发区第一条）：年度总额 ¥100,000,000，已用 ¥95,000,000.50，剩余 ¥4,999,999.50，本项最多 ¥4,999,999.50", r.Explanation[1].ToText(Zh));
    }

    [Fact]
    public void Culture_picks_the_language()
    {
        var r = One("shijingshan", Claim("c1", "shijingshan.9.1"));
        Assert.Contains("尚未开放申报", r.Explain(CultureInfo.GetCultureInfo("zh-Hans")), StringComparison.Ordinal);
        Assert.Contains("not yet open", r.Explain(CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal);
        Assert.Contains("not yet open", r.Explain(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "¥0")]
    [InlineData(5L, "¥0.05")]
    [InlineData(123450L, "¥1,234.50")]
    [InlineData(1_500_000_000L, "¥15,000,000")]
    [InlineData(1_000_000_000_000_001L, "¥10,000,000,000,000.01")]
    public void Money_has_thousands_separators_and_fen_only_when_not_zero(long fen, string text)
    {
        Assert.Equal(text, MoneyText.FormatFen(fen));
    }

    [Fact]
    public void Money_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("¥1,234.50", MoneyText.Format(1234.5m));
            Assert.Equal("3.45%", MoneyText.Percent(0.0345m));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("第十三条", "Art. 13")]
    [InlineData("第四条", "Art. 4")]
    [InlineData("第二十一条", "Art. 21")]
    [InlineData("（六）", "(6)")]
    [InlineData("附则（一）", "Supplementary provisions (1)")]
    [InlineData("附则", "Supplementary provisions")]
    [InlineData("第三章导语（第十一条至第十五条）", "Arts. 11–15")]
    public void Article_labels_have_an_english_form(string label, string english)
    {
        Assert.Equal(english, CitationText.ArticleEn(label));
    }
}
