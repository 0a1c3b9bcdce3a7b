using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Step 1: each rule kind's formula, with the article whose figures the test uses.</summary>
public class RuleKindTests
{
    private static Dictionary<string, decimal> Inputs(params (string Key, decimal Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void Rate_is_rate_times_base_below_the_cap()
    {
        // 石景山区第四条：按照不超过当年实际发生金额30％比例，给予…最高1000万元
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m));
        Assert.Equal(300_000m, r.Eligible);
        Assert.Equal(300_000m, r.Granted);
    }

    [Fact]
    public void Rate_above_the_cap_is_the_cap()
    {
        // 石景山区第四条：30% × 50,000,000 = 15,000,000 > 最高 10,000,000
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 50_000_000m));
        Assert.Equal(10_000_000m, r.Eligible);
        Assert.Equal(10_000_000m, r.Cap);
    }

    [Fact]
    public void Rate_rounds_once_to_the_fen_half_away_from_zero()
    {
        // 通州区第二条：10% × 3,456,789.45 = 345,678.945 → 345,678.95
        Assert.Equal(345_678.95m, One("tongzhou", Claim("c1", "tongzhou.2.1", 3_456_789.45m)).Eligible);
        // 通州区第一条：30% × 0.05 = 0.015 → 0.02 (half away from zero, not to even)
        Assert.Equal(0.02m, One("tongzhou", Claim("c1", "tongzhou.1.1", 0.05m)).Eligible);
        // 30% × 0.01 = 0.003 → 0.00
        Assert.Equal(0m, One("tongzhou", Claim("c1", "tongzhou.1.1", 0.01m)).Eligible);
    }

    [Fact]
    public void Fixed_is_the_stated_amount_whatever_the_base()
    {
        // 北京经济技术开发区第三条：给予一次性100万元支持
        var r = One("yizhuang", Claim("c1", "yizhuang.3.1", amount: 123m));
        Assert.Equal(1_000_000m, r.Eligible);
    }

    [Fact]
    public void UpTo_is_the_cap_and_requested_lowers_only_the_grant()
    {
        // 北京经济技术开发区第四条：经评审认定，给予最高100万元支持
        Assert.Equal(1_000_000m, One("yizhuang", Claim("c1", "yizhuang.4.1")).Granted);
        var lowered = One("yizhuang", Claim("c1", "yizhuang.4.1", requested: 600_000m));
        Assert.Equal(1_000_000m, lowered.Eligible);
        Assert.Equal(600_000m, lowered.Granted);
    }

    [Fact]
    public void UpTo_tier_cap_comes_from_the_named_tier()
    {
        // 通州区第三条：生成式人工智能服务、境内深度合成服务算法备案…分别给予最高100万元、20万元
        Assert.Equal(1_000_000m, One("tongzhou", Claim("c1", "tongzhou.3.1", tier: "genai")).Eligible);
        Assert.Equal(200_000m, One("tongzhou", Claim("c1", "tongzhou.3.1", tier: "deep-synthesis")).Eligible);
    }

    [Fact]
    public void Matching_applies_the_tier_ratio_to_the_higher_level_award()
    {
        // 北京经济技术开发区第六条：分别按照国家和北京市奖励标准1:1和1:0.5的比例给予配套
        Assert.Equal(300_000m, One("yizhuang", Claim("c1", "yizhuang.6.1", 300_000m, tier: "national")).Eligible);
        Assert.Equal(166_666.67m, One("yizhuang", Claim("c1", "yizhuang.6.1", 333_333.33m, tier: "municipal")).Eligible);
    }

    [Fact]
    public void Matching_is_capped()
    {
        // 石景山区第三条：按照不超过市级支持资金30%比例…最高1000万元
        Assert.Equal(10_000_000m, One("shijingshan", Claim("c1", "shijingshan.3.1", 40_000_000m)).Eligible);
    }

    [Fact]
    public void Rent_within_the_area_ceiling_is_rate_times_rent()
    {
        // 石景山区第六条：分别给予最高100%或80%租金补贴支持，补贴面积不超过4000平方米
        var r = One("shijingshan", Claim("c1", "shijingshan.6.1", 2_000_000m, tier: "provincial", inputs: Inputs(("area", 3000m))));
        Assert.Equal(1_600_000m, r.Eligible);
    }

    [Fact]
    public void Rent_above_the_area_ceiling_is_pro_rated_to_the_ceiling()
    {
        // 石景山区第六条：100% × 2,000,000 × 4000 / 5000 = 1,600,000
        var r = One("shijingshan", Claim("c1", "shijingshan.6.1", 2_000_000m, tier: "national", inputs: Inputs(("area", 5000m))));
        Assert.Equal(1_600_000m, r.Eligible);
        // 100% × 1,000,000 × 4000 / 3000 would exceed the rent: the ratio never goes above 1
        var small = One("shijingshan", Claim("c1", "shijingshan.6.1", 1_000_000m, tier: "national", inputs: Inputs(("area", 3000m))));
        Assert.Equal(1_000_000m, small.Eligible);
        // a non-terminating ratio is exact until the single rounding: 1,000,000 × 4000 / 6000 = 666,666.666… → 666,666.67
        var third = One("shijingshan", Claim("c1", "shijingshan.6.1", 1_000_000m, tier: "national", inputs: Inputs(("area", 6000m))));
        Assert.Equal(666_666.67m, third.Eligible);
    }

    [Fact]
    public void LoanInterest_is_the_lower_of_the_lpr_share_and_the_interest_share()
    {
        // 滨江区（二十一）：不超过LPR的50%利息补贴，贴息金额不超过企业支付给银行利息的50%
        var byLpr = One("binjiang", Claim("c1", "binjiang.21.1", 20_000_000m, inputs: Inputs(("lpr", 0.0345m), ("interestPaid", 800_000m))));
        Assert.Equal(345_000m, byLpr.Eligible); // 20,000,000 × 3.45% × 50% = 345,000 < 400,000
        var byInterest = One("binjiang", Claim("c1", "binjiang.21.1", 10_000_000m, inputs: Inputs(("lpr", 0.031m), ("interestPaid", 280_000m))));
        Assert.Equal(140_000m, byInterest.Eligible); // 280,000 × 50% = 140,000 < 155,000
    }

    [Fact]
    public void EquipmentAndSoftware_counts_software_up_to_its_share_of_equipment()
    {
        // 北京经济技术开发区第十条：给予总投资10%（其中支持的软件开发和系统集成费不超过设备投资的30%）
        var r = One("yizhuang", Claim("c1", "yizhuang.10.1", inputs: Inputs(("equipment", 5_000_000m), ("software", 2_000_000m))));
        Assert.Equal(650_000m, r.Eligible); // 10% × (5,000,000 + min(2,000,000, 1,500,000))
        var within = One("yizhuang", Claim("c1", "yizhuang.10.1", inputs: Inputs(("equipment", 5_000_000m), ("software", 1_000_000m))));
        Assert.Equal(600_000m, within.Eligible);
    }

    [Fact]
    public void EquipmentAndSoftware_below_the_minimum_total_investment_is_zero()
    {
        // 北京经济技术开发区第十条：总投资达到100万元及以上 — 700,000 + 200,000 < 1,000,000
        var r = One("yizhuang", Claim("c1", "yizhuang.10.1", inputs: Inputs(("equipment", 700_000m), ("software", 200_000m))));
        Assert.Equal(0m, r.Eligible);
        Assert.Equal(ExplanationStepKind.BelowMinimum, r.Explanation[0].Kind);
        // exactly 1,000,000 qualifies (达到…及以上)
        var atMinimum = One("yizhuang", Claim("c1", "yizhuang.10.1", inputs: Inputs(("equipment", 800_000m), ("software", 200_000m))));
        Assert.Equal(100_000m, atMinimum.Eligible);
    }

    [Fact]
    public void EquipmentAndSoftware_is_capped()
    {
        // 北京经济技术开发区第十条：最高不超过1000万元
        var r = One("yizhuang", Claim("c1", "yizhuang.10.1", inputs: Inputs(("equipment", 200_000_000m))));
        Assert.Equal(10_000_000m, r.Eligible);
    }

    [Fact]
    public void Unquantified_part_is_not_open_and_gives_zero_with_the_reason()
    {
        // 石景山区第九条：给予“一事一议”支持 — no figure
        var r = One("shijingshan", Claim("c1", "shijingshan.9.1", 5_000_000m));
        Assert.False(r.Open);
        Assert.Equal(0m, r.Eligible);
        Assert.Equal(0m, r.Granted);
        Assert.Equal(ExplanationStepKind.NotOpen, r.Explanation[0].Kind);
        Assert.Contains("尚未开放申报", r.Explain(ExplanationLanguage.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Part_that_is_not_open_gives_zero_even_with_a_kind_that_computes()
    {
        // 滨江区（十四）：最高给予3年的房租补贴支持 — Rent without a rate, not open
        var r = One("binjiang", Claim("c1", "binjiang.14.1", 900_000m));
        Assert.Equal(0m, r.Eligible);
        Assert.Contains("not yet open", r.Explain(ExplanationLanguage.English), StringComparison.Ordinal);
    }
}
