using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Steps 6 (part and shared limits) and 7 (budget pools), consumed in ordinal order of claim id.</summary>
public class LimitAndPoolTests
{
    [Fact]
    public void Enterprise_year_limit_is_shared_by_the_enterprises_claims_in_id_order()
    {
        // 通州区第一条：单个企业年度算力券补贴金额不超过50万元 — 360,000 then 240,000 → 140,000 left
        var result = Calculate("tongzhou",
        [
            Claim("c2", "tongzhou.1.1", 800_000m, project: "contract-2"),
            Claim("c1", "tongzhou.1.1", 1_200_000m, project: "contract-1"),
        ]);
        Assert.Equal(360_000m, result.Get("c1").Granted);
        Assert.Equal(140_000m, result.Get("c2").Granted);
        Assert.Equal(ExplanationStepKind.Limit, result.Get("c2").Explanation[1].Kind);
    }

    [Fact]
    public void Claims_are_taken_in_ordinal_order_of_id_not_natural_order()
    {
        // "c10" < "c2" ordinally: c10 draws on the 50万 first
        var result = Calculate("tongzhou",
        [
            Claim("c2", "tongzhou.1.1", 1_000_000m, project: "a"),
            Claim("c10", "tongzhou.1.1", 1_000_000m, project: "b"),
        ]);
        Assert.Equal(300_000m, result.Get("c10").Granted);
        Assert.Equal(200_000m, result.Get("c2").Granted);
    }

    [Fact]
    public void Year_limit_counts_prior_awards_of_the_same_year_only()
    {
        // 通州区第一条：2026年已获 400,000 → 100,000 left; 2025年已获 450,000 不计入
        var r = One("tongzhou", Claim("c1", "tongzhou.1.1", 1_000_000m),
        [
            Prior("tongzhou.1.1", 2026, 400_000m, project: "x"),
            Prior("tongzhou.1.1", 2025, 450_000m, project: "y"),
        ]);
        Assert.Equal(100_000m, r.Granted);
    }

    [Fact]
    public void Limit_already_exceeded_by_prior_awards_leaves_zero()
    {
        var r = One("tongzhou", Claim("c1", "tongzhou.1.1", 1_000_000m), [Prior("tongzhou.1.1", 2026, 600_000m, project: "x")]);
        Assert.Equal(0m, r.Granted);
    }

    [Fact]
    public void Year_limit_is_per_enterprise()
    {
        var result = Calculate("tongzhou",
        [
            Claim("c1", "tongzhou.1.1", 2_000_000m, enterprise: "A"),
            Claim("c2", "tongzhou.1.1", 2_000_000m, enterprise: "B"),
        ], [Prior("tongzhou.1.1", 2026, 500_000m, enterprise: "A")]);
        Assert.Equal(0m, result.Get("c1").Granted);
        Assert.Equal(500_000m, result.Get("c2").Granted);
    }

    [Fact]
    public void Enterprise_total_limit_counts_prior_awards_of_every_year()
    {
        // 北京经济技术开发区第六条：同一单位所获配套资金支持总额最高100万元 — 2023年已获 700,000
        var r = One("yizhuang", Claim("c1", "yizhuang.6.1", 500_000m, tier: "national"), [Prior("yizhuang.6.1", 2023, 700_000m, tier: "municipal", project: "old")]);
        Assert.Equal(300_000m, r.Granted);
    }

    [Fact]
    public void Project_total_limit_counts_the_same_project_only()
    {
        // 北京经济技术开发区第二条：每个项目累计不超过1000万元 — project got 6,000,000 in 2025
        var result = Calculate("yizhuang",
        [
            Claim("c1", "yizhuang.2.1", 80_000_000m, project: "servers-1"),
            Claim("c2", "yizhuang.2.1", 80_000_000m, project: "servers-2"),
        ], [Prior("yizhuang.2.1", 2025, 6_000_000m, project: "servers-1")]);
        Assert.Equal(4_000_000m, result.Get("c1").Granted);
        Assert.Equal(8_000_000m, result.Get("c2").Granted);
    }

    [Fact]
    public void Project_year_limit_resets_each_year()
    {
        // 北京经济技术开发区第十一条：每个项目年度支持金额最高2000万元 — 2025 counts not in 2026, 2026 counts
        var fresh = One("yizhuang", Claim("c1", "yizhuang.11.1", 15_000_000m, project: "task"), [Prior("yizhuang.11.1", 2025, 20_000_000m, project: "task")]);
        Assert.Equal(15_000_000m, fresh.Granted);
        var used = One("yizhuang", Claim("c1", "yizhuang.11.1", 15_000_000m, project: "task"), [Prior("yizhuang.11.1", 2026, 12_000_000m, project: "task")]);
        Assert.Equal(8_000_000m, used.Granted);
    }

    [Fact]
    public void Shared_limit_spans_the_parts_it_lists()
    {
        // 通州区第十一条至第十五条：单个项目最高50万元，单个企业每年最高200万元
        var result = Calculate("tongzhou",
        [
            Claim("c1", "tongzhou.11.1", project: "a"),
            Claim("c2", "tongzhou.12.1", project: "b"),
            Claim("c3", "tongzhou.13.1", project: "c"),
            Claim("c4", "tongzhou.14.1", project: "d", requested: 450_000m),
            Claim("c5", "tongzhou.15.1", project: "e"),
        ], [Prior("tongzhou.12.1", 2026, 400_000m, project: "old")]);
        Assert.Equal([500_000m, 500_000m, 500_000m, 100_000m, 0m], result.Claims.Select(c => c.Granted).ToArray());
    }

    [Fact]
    public void Pool_grants_at_most_what_is_left_this_year()
    {
        // 北京经济技术开发区第一条：每年发放1亿元的“算力券” — 95,000,000 already drawn
        var r = One("yizhuang", Claim("c1", "yizhuang.1.1", 50_000_000m), poolUsed: new Dictionary<string, decimal> { ["yizhuang.compute-voucher"] = 95_000_000m });
        Assert.Equal(15_000_000m, r.Eligible);
        Assert.Equal(5_000_000m, r.Granted);
        Assert.Equal(ExplanationStepKind.Pool, r.Explanation[1].Kind);
    }

    [Fact]
    public void Pool_is_drawn_by_claims_of_every_enterprise_in_id_order()
    {
        // 第八条 模型券：98,000,000 drawn; c1 1,500,000 → 500,000 left; c2 (another enterprise) gets 500,000
        var result = Calculate("yizhuang",
        [
            Claim("c2", "yizhuang.8.1", 4_000_000m, enterprise: "B"),
            Claim("c1", "yizhuang.8.1", 3_000_000m, enterprise: "A"),
            Claim("c3", "yizhuang.8.1", 4_000_000m, enterprise: "C"),
        ], poolUsed: new Dictionary<string, decimal> { ["yizhuang.model-voucher"] = 98_000_000m });
        Assert.Equal(1_500_000m, result.Get("c1").Granted);
        Assert.Equal(500_000m, result.Get("c2").Granted);
        Assert.Equal(0m, result.Get("c3").Granted);
        Assert.Equal(2_000_000m, result.TotalGranted);
    }

    [Fact]
    public void Pool_overdrawn_by_the_ledger_grants_nothing()
    {
        var r = One("yizhuang", Claim("c1", "yizhuang.1.1", 1_000_000m), poolUsed: new Dictionary<string, decimal> { ["yizhuang.compute-voucher"] = 100_000_000m });
        Assert.Equal(0m, r.Granted);
    }

    [Fact]
    public void Superseded_claim_draws_nothing_from_limits()
    {
        // 石景山区第六条第2项 (每年不超过500万元) superseded by nothing else; two projects of one enterprise share the 500万
        var result = Calculate("shijingshan",
        [
            Claim("c1", "shijingshan.6.2", 3_000_000m, project: "ops-a"),
            Claim("c2", "shijingshan.6.2", 3_000_000m, project: "ops-b"),
        ]);
        Assert.Equal(3_000_000m, result.Get("c1").Granted);
        Assert.Equal(2_000_000m, result.Get("c2").Granted);
    }

    [Fact]
    public void Result_does_not_depend_on_the_order_claims_are_given_in()
    {
        ClaimInput[] claims =
        [
            Claim("c1", "tongzhou.1.1", 1_200_000m, project: "a"),
            Claim("c2", "tongzhou.1.1", 800_000m, project: "b"),
            Claim("c3", "tongzhou.11.1", project: "c"),
            Claim("c4", "tongzhou.12.1", project: "d", enterprise: "B"),
        ];
        var forward = Calculate("tongzhou", claims);
        var backward = Calculate("tongzhou", claims.Reverse());
        foreach (var c in forward.Claims)
        {
            Assert.Equal(c.Granted, backward.Get(c.Id).Granted);
            Assert.Equal(c.Explain(ExplanationLanguage.Chinese), backward.Get(c.Id).Explain(ExplanationLanguage.Chinese));
        }
        Assert.Equal(["c4", "c3", "c2", "c1"], backward.Claims.Select(c => c.Id).ToArray()); // results keep the request's order
    }

    [Fact]
    public void Prepared_request_can_be_computed_again_with_the_same_result()
    {
        var engine = Engine("tongzhou");
        var prepared = engine.Prepare(new CalculationRequest
        {
            District = "tongzhou", Year = 2026,
            Claims = [Claim("c1", "tongzhou.1.1", 1_200_000m), Claim("c2", "tongzhou.1.1", 800_000m, project: "b")],
        });
        var first = engine.Calculate(prepared);
        var second = engine.Calculate(prepared);
        Assert.Equal(first.Claims.Select(c => c.Granted), second.Claims.Select(c => c.Granted));
        Assert.Equal(500_000m, second.TotalGranted);
    }
}
