namespace PolicyPortal.Domain.Enterprises;

/// <summary>
/// The profile facts clauses ask about (docs/catalog-format.md), with their names. A clause part's qualifications are
/// any-of: holding one of them may qualify.
/// </summary>
public static class Qualifications
{
    public static IReadOnlyDictionary<string, BilingualText> All { get; } = new Dictionary<string, BilingualText>(StringComparer.Ordinal)
    {
        ["ai-enterprise"] = new("人工智能企业（符合区域产业定位）", "AI enterprise (fits the district's industry focus)"),
        ["genai-filed"] = new("生成式人工智能服务/模型已通过国家备案", "Generative-AI service or model filed nationally"),
        ["deep-synthesis-filed"] = new("深度合成服务算法已备案", "Deep-synthesis algorithm filed"),
        ["beijing-ai-key-enterprise"] = new("北京市人工智能领域重点企业", "Beijing key AI enterprise"),
        ["beijing-agi-partner"] = new("北京市通用人工智能产业创新伙伴计划单位", "Beijing AGI innovation partner"),
        ["little-giant"] = new("国家专精特新“小巨人”企业", "National specialised \"little giant\""),
        ["specialized-sme"] = new("省/市专精特新中小企业", "Provincial/municipal specialised SME"),
        ["high-tech"] = new("国家高新技术企业", "National high-tech enterprise"),
        ["above-scale"] = new("规模以上企业（首次达规/升规）", "Above-scale enterprise"),
        ["national-or-provincial-platform"] = new("国家级/省级重点实验室、创新平台或研究机构", "National or provincial key lab, platform or institute"),
        ["state-project"] = new("承担国家/省/市重点研发或攻关项目", "Leads a national/provincial/municipal key R&D project"),
        ["incubator"] = new("孵化器或园区运营主体", "Incubator or park operator"),
        ["industry-association"] = new("行业协会、学会或联盟", "Industry association, society or alliance"),
        ["cnas-accredited"] = new("实验室通过 CNAS 认可", "Laboratory accredited by CNAS"),
        ["zhejiang-ai-benchmark-enterprise"] = new("入选省市人工智能标杆企业", "Provincial/municipal AI benchmark enterprise"),
        ["zhejiang-ai-service-provider"] = new("入选省市人工智能服务商", "Provincial/municipal AI service provider"),
    };

    public static bool IsKnown(string? key) => key is not null && All.ContainsKey(key);
}
