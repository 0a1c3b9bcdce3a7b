using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Steps 2 (requested) and 3 (从优不重复).</summary>
public class RequestedAndExclusivityTests
{
    [Fact]
    public void Requested_below_eligible_is_granted_and_eligible_stays_the_rule_amount()
    {
        // 石景山区第四条：30% × 1,000,000 = 300,000; the enterprise asks for 250,000
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, requested: 250_000m));
        Assert.Equal(300_000m, r.Eligible);
        Assert.Equal(250_000m, r.Granted);
        Assert.Equal(ExplanationStepKind.Requested, r.Explanation[1].Kind);
    }

    [Fact]
    public void Requested_above_eligible_changes_nothing_and_is_not_explained()
    {
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, requested: 900_000m));
        Assert.Equal(300_000m, r.Granted);
        Assert.Single(r.Explanation);
    }

    [Fact]
    public void Same_project_under_two_parts_keeps_only_the_higher_candidate()
    {
        // 石景山区第十三条 从优不重复：第四条第1项 (30%, 最高1000万) vs 第2项 (30%, 最高300万), one compute project
        var result = Calculate("shijingshan",
        [
            Claim("a", "shijingshan.4.2", 20_000_000m, project: "compute"),
            Claim("b", "shijingshan.4.1", 20_000_000m, project: "compute"),
        ]);
        Assert.Equal(6_000_000m, result.Get("b").Granted);
        Assert.Equal(3_000_000m, result.Get("a").Eligible);
        Assert.Equal(0m, result.Get("a").Granted);
        Assert.Equal(ExplanationStepKind.Superseded, result.Get("a").Explanation[1].Kind);
    }

    [Fact]
    public void Exclusivity_compares_candidates_after_requested()
    {
        // 第四条第1项 would give 6,000,000 but asks for 1,000,000; 第2项 gives 3,000,000 → 第2项 is kept
        var result = Calculate("shijingshan",
        [
            Claim("a", "shijingshan.4.1", 20_000_000m, project: "compute", requested: 1_000_000m),
            Claim("b", "shijingshan.4.2", 20_000_000m, project: "compute"),
        ]);
        Assert.Equal(0m, result.Get("a").Granted);
        Assert.Equal(3_000_000m, result.Get("b").Granted);
    }

    [Fact]
    public void Exclusivity_tie_goes_to_the_lower_clause_code_then_the_lower_claim_id()
    {
        // 石景山区第三条第1项 and 第2项 both at 300,000 for one 智算中心: shijingshan.3.1 < shijingshan.3.2
        var byCode = Calculate("shijingshan",
        [
            Claim("a", "shijingshan.3.2", 1_000_000m, project: "dc"),
            Claim("b", "shijingshan.3.1", 1_000_000m, project: "dc"),
        ]);
        Assert.Equal(300_000m, byCode.Get("b").Granted);
        Assert.Equal(0m, byCode.Get("a").Granted);

        var byId = Calculate("shijingshan",
        [
            Claim("y", "shijingshan.4.1", 1_000_000m, project: "compute"),
            Claim("x", "shijingshan.4.1", 1_000_000m, project: "compute"),
        ]);
        Assert.Equal(300_000m, byId.Get("x").Granted);
        Assert.Equal(0m, byId.Get("y").Granted);
    }

    [Fact]
    public void Different_projects_or_different_enterprises_are_not_exclusive()
    {
        var result = Calculate("shijingshan",
        [
            Claim("a", "shijingshan.4.1", 1_000_000m, project: "p1"),
            Claim("b", "shijingshan.4.2", 1_000_000m, project: "p2"),
            Claim("c", "shijingshan.4.1", 1_000_000m, project: "p1", enterprise: "91110000000000000X"),
        ]);
        Assert.All(result.Claims, c => Assert.Equal(300_000m, c.Granted));
    }

    [Fact]
    public void Policy_without_exclusivity_pays_both_parts_of_one_project()
    {
        // 通州区：the text states no 从优不重复 — 第一条 算力券 and 第六条 模型券 on one project both paid
        var result = Calculate("tongzhou",
        [
            Claim("a", "tongzhou.1.1", 1_000_000m, project: "agent"),
            Claim("b", "tongzhou.6.1", 500_000m, project: "agent"),
        ]);
        Assert.Equal(300_000m, result.Get("a").Granted);
        Assert.Equal(150_000m, result.Get("b").Granted);
    }

    [Fact]
    public void Part_whose_scope_is_overridden_to_none_is_paid_beside_the_other()
    {
        // 滨江区（十六）：给予最高2000万元创业支持及最高2000万元金融支持 — 及: both, not either
        var result = Calculate("binjiang",
        [
            Claim("a", "binjiang.16.1", project: "team", requested: 10_000_000m),
            Claim("b", "binjiang.16.2", project: "team", requested: 15_000_000m),
        ]);
        Assert.Equal(10_000_000m, result.Get("a").Granted);
        Assert.Equal(15_000_000m, result.Get("b").Granted);
    }

    [Fact]
    public void Prior_award_of_the_project_under_another_part_is_subtracted_from_the_kept_claim()
    {
        // 石景山区第十三条：the compute project got 2,000,000 under 第四条第2项 last year; 第1项 now gives 6,000,000 → pays 4,000,000
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 20_000_000m, project: "compute"),
            [Prior("shijingshan.4.2", 2025, 2_000_000m, project: "compute")]);
        Assert.Equal(6_000_000m, r.Eligible);
        Assert.Equal(4_000_000m, r.Granted);
        Assert.Equal(ExplanationStepKind.ExclusivePrior, r.Explanation[1].Kind);
    }

    [Fact]
    public void Prior_award_of_the_same_part_is_not_an_exclusivity_deduction()
    {
        // 石景山区第四条 is supported year by year (连续支持两年): last year's award of the same part is not subtracted
        var r = One("shijingshan", Claim("c1", "shijingshan.4.1", 1_000_000m, project: "compute"),
            [Prior("shijingshan.4.1", 2025, 300_000m, project: "compute")]);
        Assert.Equal(300_000m, r.Granted);
    }

    [Fact]
    public void Prior_award_larger_than_the_candidate_leaves_nothing()
    {
        var r = One("shijingshan", Claim("c1", "shijingshan.4.2", 1_000_000m, project: "compute"),
            [Prior("shijingshan.4.1", 2025, 5_000_000m, project: "compute")]);
        Assert.Equal(0m, r.Granted);
    }
}
