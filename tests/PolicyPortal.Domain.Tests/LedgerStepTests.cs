using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Steps 4 (一次性 / 晋级补差) and 5 (consecutive years), against the ledger of prior awards.</summary>
public class LedgerStepTests
{
    [Fact]
    public void One_time_part_already_awarded_for_any_project_gives_zero()
    {
        // 北京经济技术开发区第三条：对新增获得…生成式人工智能模型备案的企业，给予一次性100万元支持
        var r = One("yizhuang", Claim("c1", "yizhuang.3.1", project: "model-b"), [Prior("yizhuang.3.1", 2025, 1_000_000m, project: "model-a")]);
        Assert.Equal(1_000_000m, r.Eligible);
        Assert.Equal(0m, r.Granted);
        Assert.Equal(ExplanationStepKind.AlreadyAwarded, r.Explanation[1].Kind);
    }

    [Fact]
    public void One_time_part_awarded_to_another_enterprise_does_not_count()
    {
        var r = One("yizhuang", Claim("c1", "yizhuang.3.1", project: "model-b"),
            [Prior("yizhuang.3.1", 2025, 1_000_000m, project: "model-a", enterprise: "other")]);
        Assert.Equal(1_000_000m, r.Granted);
    }

    [Fact]
    public void Top_up_on_promotion_pays_the_difference_to_the_lower_tier()
    {
        // 北京经济技术开发区第十三条：专精特新“小巨人”、北京市专精特新中小企业分别给予一次性最高50万元、20万元支持，晋级补差
        var r = One("yizhuang", Claim("c1", "yizhuang.13.2", tier: "little-giant", project: "ent"),
            [Prior("yizhuang.13.2", 2024, 200_000m, tier: "specialized-sme", project: "ent")]);
        Assert.Equal(500_000m, r.Eligible);
        Assert.Equal(300_000m, r.Granted);
        Assert.Equal(ExplanationStepKind.TopUp, r.Explanation[1].Kind);
    }

    [Fact]
    public void Top_up_part_already_awarded_at_the_same_or_a_higher_tier_gives_zero()
    {
        // 第十三条：已获“小巨人”50万元 → 再报北京市专精特新 → 0; 再报“小巨人” → 0
        var lower = One("yizhuang", Claim("c1", "yizhuang.13.2", tier: "specialized-sme", project: "ent"),
            [Prior("yizhuang.13.2", 2024, 500_000m, tier: "little-giant", project: "ent")]);
        Assert.Equal(0m, lower.Granted);
        var same = One("yizhuang", Claim("c1", "yizhuang.13.2", tier: "little-giant", project: "ent"),
            [Prior("yizhuang.13.2", 2024, 500_000m, tier: "little-giant", project: "ent")]);
        Assert.Equal(0m, same.Granted);
    }

    [Fact]
    public void Top_up_of_a_part_that_is_not_one_time_looks_at_the_same_project_only()
    {
        // 滨江区（五）+ 附则（一）：同一标准由参与晋升为主导，补足差额; another standard is paid in full
        var promoted = One("binjiang", Claim("c1", "binjiang.5.1", tier: "lead-international", project: "std-1"),
            [Prior("binjiang.5.1", 2025, 500_000m, tier: "participate-international", project: "std-1")]);
        Assert.Equal(500_000m, promoted.Granted);
        var other = One("binjiang", Claim("c1", "binjiang.5.1", tier: "lead-international", project: "std-2"),
            [Prior("binjiang.5.1", 2025, 500_000m, tier: "participate-international", project: "std-1")]);
        Assert.Equal(1_000_000m, other.Granted);
    }

    [Fact]
    public void Consecutive_years_used_up_gives_zero()
    {
        // 石景山区第四条：根据研发迭代情况，连续支持两年 — supported in 2024 and 2025, asks again in 2026
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, project: "compute-2026"),
        [
            Prior("shijingshan.4.1", 2024, 300_000m, project: "compute-2024"),
            Prior("shijingshan.4.1", 2025, 300_000m, project: "compute-2025"),
        ]);
        Assert.Equal(0m, r.Granted);
        Assert.Equal(ExplanationStepKind.ConsecutiveYears, r.Explanation[1].Kind);
    }

    [Fact]
    public void Consecutive_years_count_distinct_earlier_years_only()
    {
        // two awards in 2025 are one year; an award in the request's own year is not an earlier year
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, project: "compute-2026"),
        [
            Prior("shijingshan.4.1", 2025, 100_000m, project: "a"),
            Prior("shijingshan.4.1", 2025, 100_000m, project: "b"),
            Prior("shijingshan.4.1", 2026, 100_000m, project: "c"),
        ]);
        Assert.Equal(300_000m, r.Granted);
    }

    [Fact]
    public void Consecutive_years_of_another_part_do_not_count()
    {
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, project: "compute-2026"),
        [
            Prior("shijingshan.4.2", 2024, 100_000m, project: "a"),
            Prior("shijingshan.4.2", 2025, 100_000m, project: "b"),
        ]);
        Assert.Equal(300_000m, r.Granted);
    }
}
