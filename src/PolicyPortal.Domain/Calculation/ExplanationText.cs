using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Renders recorded steps to text in Chinese or English. The rule step is re-derived from the claim's inputs with
/// <see cref="RuleMath"/>, the same code that computed the amount, so text and amount cannot disagree.
/// </summary>
internal static class ExplanationText
{
    private static string M(long fen) => MoneyText.FormatFen(fen);
    private static string M(decimal yuan) => MoneyText.Format(yuan);
    private static string P(decimal fraction) => MoneyText.Percent(fraction);

    public static string Granted(long fen, ExplanationLanguage lang) =>
        lang == ExplanationLanguage.Chinese ? $"核定 {M(fen)}" : $"Granted: {M(fen)}";

    public static ExplanationStepKind RuleKindOf(CalculationResult result, int sorted)
    {
        var (_, figure, _, amount, input1, input2) = Read(result, sorted);
        if (!figure.Computable) return ExplanationStepKind.NotOpen;
        return RuleMath.Raw(in figure, amount, input1, input2).BelowMinimum ? ExplanationStepKind.BelowMinimum : ExplanationStepKind.Rule;
    }

    private static (CompiledCatalog Cat, Figure Figure, CompiledPart Part, decimal Amount, decimal Input1, decimal Input2) Read(CalculationResult result, int sorted)
    {
        var request = result.Request;
        var cat = request.Catalog;
        return (cat, cat.Figures[request.FigureOf(sorted)], cat.Parts[request.PartOf(sorted)], request.AmountOf(sorted),
            request.Input1Of(sorted), request.Input2Of(sorted));
    }

    private static string Cite(CompiledCatalog cat, int part, ExplanationLanguage lang) =>
        lang == ExplanationLanguage.Chinese ? cat.CiteZh(part) : cat.CiteEn(part);

    private static string TierName(in Figure f, ExplanationLanguage lang) =>
        lang == ExplanationLanguage.Chinese ? f.TierName ?? f.TierKey ?? "" : f.TierNameEn ?? f.TierKey ?? "";

    public static string Rule(CalculationResult result, int sorted, ExplanationLanguage lang)
    {
        var (cat, f, part, amount, input1, input2) = Read(result, sorted);
        var zh = lang == ExplanationLanguage.Chinese;
        var head = Cite(cat, part.Index, lang);
        if (f.TierKey is not null) head += zh ? $"（{TierName(in f, lang)}）" : $" ({TierName(in f, lang)})";
        head += zh ? "：" : ": ";

        if (!f.Computable)
            return head + (part.Kind == RuleKind.Unquantified
                ? zh ? "条文未规定金额，尚未开放申报，按 ¥0 计" : "the text sets no figure; not yet open for application, ¥0"
                : zh ? "尚未开放申报，按 ¥0 计" : "not yet open for application, ¥0");

        var (raw, below) = RuleMath.Raw(in f, amount, input1, input2);
        if (below)
        {
            var basis = part.Kind == RuleKind.EquipmentAndSoftware ? amount + input1 : amount;
            return head + (zh
                ? $"{(part.Kind == RuleKind.EquipmentAndSoftware ? "总投资" : "")}{M(basis)} 低于起点 {M(f.MinBase)}，不予支持"
                : $"{(part.Kind == RuleKind.EquipmentAndSoftware ? "total investment " : "")}{M(basis)} is below the minimum of {M(f.MinBase)}; not eligible");
        }

        var body = part.Kind switch
        {
            RuleKind.Rate => $"{P(f.Rate)} × {M(amount)} = {M(raw)}",
            RuleKind.Fixed => zh ? $"给予 {M(f.Amount)}" : $"a fixed award of {M(f.Amount)}",
            RuleKind.UpTo => zh ? $"最高 {M(f.Cap)}，按上限计" : $"up to {M(f.Cap)}; the maximum is taken",
            RuleKind.Matching => zh
                ? $"上级支持 {M(amount)} × {P(f.Rate)} = {M(raw)}"
                : $"higher-level award {M(amount)} × {P(f.Rate)} = {M(raw)}",
            RuleKind.Rent => RentText(in f, amount, input1, raw, zh),
            RuleKind.LoanInterest => zh
                ? $"min(本金 {M(amount)} × LPR {P(input1)} × {P(f.LprShare)} = {M(RuleMath.LoanByLpr(in f, amount, input1))}，实付利息 {M(input2)} × {P(f.InterestShare)} = {M(RuleMath.LoanByInterest(in f, input2))}) = {M(raw)}"
                : $"min(principal {M(amount)} × LPR {P(input1)} × {P(f.LprShare)} = {M(RuleMath.LoanByLpr(in f, amount, input1))}, interest paid {M(input2)} × {P(f.InterestShare)} = {M(RuleMath.LoanByInterest(in f, input2))}) = {M(raw)}",
            RuleKind.EquipmentAndSoftware => EquipmentText(in f, amount, input1, raw, zh),
            RuleKind.Unquantified => zh ? "尚未开放申报，按 ¥0 计" : "not yet open for application, ¥0",
        };
        if (part.Kind != RuleKind.UpTo && raw > f.Cap)
            body += zh ? $"，超过上限 {M(f.Cap)}，按 {M(f.Cap)}" : $", above the cap of {M(f.Cap)}, so {M(f.Cap)}";
        return head + body;
    }

    private static string RentText(in Figure f, decimal rent, decimal area, decimal raw, bool zh)
    {
        var ceiling = MoneyText.Number(f.AreaCeiling);
        if (area <= f.AreaCeiling)
            return zh
                ? $"{P(f.Rate)} × 租金 {M(rent)} = {M(raw)}（面积 {MoneyText.Number(area)}㎡，未超过 {ceiling}㎡）"
                : $"{P(f.Rate)} × rent {M(rent)} = {M(raw)} (area {MoneyText.Number(area)} m², within {ceiling} m²)";
        return zh
            ? $"{P(f.Rate)} × 租金 {M(rent)} × {ceiling}㎡ / {MoneyText.Number(area)}㎡ = {M(raw)}（补贴面积不超过 {ceiling}㎡）"
            : $"{P(f.Rate)} × rent {M(rent)} × {ceiling} m² / {MoneyText.Number(area)} m² = {M(raw)} (area counted up to {ceiling} m²)";
    }

    private static string EquipmentText(in Figure f, decimal equipment, decimal software, decimal raw, bool zh)
    {
        var counted = RuleMath.CountedSoftware(in f, equipment, software);
        var text = zh
            ? $"{P(f.Rate)} × (设备 {M(equipment)} + 软件 {M(counted)}) = {M(raw)}"
            : $"{P(f.Rate)} × (equipment {M(equipment)} + software {M(counted)}) = {M(raw)}";
        if (counted < software)
            text += zh
                ? $"（软件 {M(software)} 按不超过设备投资的 {P(f.SoftwareShareCap)} 计）"
                : $" (software {M(software)} counted up to {P(f.SoftwareShareCap)} of equipment)";
        return text;
    }

    public static string Step(CalculationResult result, int sorted, StepView s, ExplanationLanguage lang)
    {
        var request = result.Request;
        var cat = request.Catalog;
        var c = request.Steps[sorted];
        var zh = lang == ExplanationLanguage.Chinese;
        switch (s.Kind)
        {
            case StepKind.Requested:
                return zh
                    ? $"申请金额 {M(s.After)} 低于可支持金额 {M(s.Before)}，按申请金额 {M(s.After)}"
                    : $"Requested {M(s.After)}, below the eligible {M(s.Before)}: {M(s.After)}";
            case StepKind.Superseded:
                return zh
                    ? $"从优不重复（{ExclusivityCite(cat, lang)}）：同一项目已按 {cat.Parts[request.PartOf(s.Ref)].Code} 计 {M(s.A)}，本项不予重复支持"
                    : $"Most favourable, not twice ({ExclusivityCite(cat, lang)}): the same project is counted under {cat.Parts[request.PartOf(s.Ref)].Code} at {M(s.A)}; this claim is not supported again";
            case StepKind.ExclusivePrior:
                return zh
                    ? $"从优不重复（{ExclusivityCite(cat, lang)}）：同一项目已按 {cat.Parts[s.Ref].Code} 获 {M(s.A)}，只补差额：{M(s.Before)} − {M(s.A)}，按 {M(s.After)}"
                    : $"Most favourable, not twice ({ExclusivityCite(cat, lang)}): the same project already received {M(s.A)} under {cat.Parts[s.Ref].Code}; only the difference is paid: {M(s.Before)} − {M(s.A)}, so {M(s.After)}";
            case StepKind.AlreadyAwarded:
            {
                var part = cat.Parts[c.Part];
                var tier = s.Ref >= 0 && cat.Figures[s.Ref].TierKey is not null ? TierName(in cat.Figures[s.Ref], lang) : null;
                return zh
                    ? $"{(part.OneTime ? "一次性支持" : "晋级补差")}（{Cite(cat, part.Index, lang)}）：已获 {M(s.A)}{(tier is null ? "" : $"（{tier}）")}，不再重复支持"
                    : $"{(part.OneTime ? "One-time support" : "Top-up on promotion")} ({Cite(cat, part.Index, lang)}): {M(s.A)} already awarded{(tier is null ? "" : $" ({tier})")}; no further award";
            }
            case StepKind.TopUp:
            {
                var tier = s.Ref >= 0 ? TierName(in cat.Figures[s.Ref], lang) : "";
                return zh
                    ? $"晋级补差（{Cite(cat, c.Part, lang)}）：已按{tier}获 {M(s.A)}，补足差额：{M(s.Before)} − {M(s.A)} = {M(s.After)}"
                    : $"Top-up on promotion ({Cite(cat, c.Part, lang)}): {M(s.A)} already awarded at {tier}; the difference is paid: {M(s.Before)} − {M(s.A)} = {M(s.After)}";
            }
            case StepKind.ConsecutiveYears:
                return zh
                    ? $"连续支持不超过{s.Ref}年（{Cite(cat, c.Part, lang)}）：已在此前 {s.A} 个年度获得支持，不再支持"
                    : $"At most {s.Ref} years of support ({Cite(cat, c.Part, lang)}): already supported in {s.A} earlier years; no further award";
            case StepKind.Limit:
                return LimitText(request, s, zh);
            case StepKind.Pool:
            {
                var pool = cat.Pools[s.Ref];
                var earlier = s.A - request.PoolUsedFen[s.Ref];
                return zh
                    ? $"{pool.Name}（{cat.DistrictName}{pool.Article}）：年度总额 {M(pool.YearlyFen)}，已用 {M(s.A)}{(earlier > 0 ? $"（含本次在先申报 {M(earlier)}）" : "")}，剩余 {M(s.After)}，本项最多 {M(s.After)}"
                    : $"Budget pool {pool.Name} ({cat.DistrictNameEn} {CitationText.ArticleEn(pool.Article)}): {M(pool.YearlyFen)} a year, {M(s.A)} drawn{(earlier > 0 ? $" (including {M(earlier)} for earlier claims in this request)" : "")}, {M(s.After)} left; at most {M(s.After)} for this claim";
            }
            default:
                throw new InvalidOperationException("Unknown step kind.");
        }
    }

    private static string ExclusivityCite(CompiledCatalog cat, ExplanationLanguage lang) =>
        cat.ExclusivityArticle is not { } article
            ? lang == ExplanationLanguage.Chinese ? cat.DistrictName : cat.DistrictNameEn
            : lang == ExplanationLanguage.Chinese ? article : CitationText.ArticleEn(article);

    private static string LimitText(PreparedRequest request, StepView s, bool zh)
    {
        var cat = request.Catalog;
        var limit = cat.Limits[request.SlotLimit[s.Ref]];
        var prior = request.SlotPriorFen[s.Ref];
        var earlier = s.A - prior;
        var yearly = limit.Scope is LimitScope.EnterpriseYear or LimitScope.ProjectYear;
        if (zh)
        {
            var cite = limit.Shared && limit.Name is { } name
                ? $"{name}（{cat.DistrictName}{limit.Article}）"
                : cat.DistrictName + limit.Article;
            var scope = limit.Scope switch
            {
                LimitScope.EnterpriseYear => "单个企业每年",
                LimitScope.EnterpriseTotal => "同一单位累计",
                LimitScope.ProjectYear => "单个项目每年",
                LimitScope.ProjectTotal => "单个项目累计",
                _ => "",
            };
            var already = (yearly ? "今年已获 " : "已获 ") + M(s.A) + (earlier > 0 ? $"（含本次在先申报 {M(earlier)}）" : "");
            return $"{cite}：{scope}最高 {M(limit.AmountFen)}，{already}，本项最多 {M(s.After)}";
        }
        else
        {
            var article = limit.ArticleNumber is { } number && limit.Article.StartsWith('第')
                ? $"Art. {number}"
                : CitationText.ArticleEn(limit.Article);
            // The catalog names shared limits in Chinese only; English cites the articles.
            var cite = cat.DistrictNameEn + " " + article + (limit.Shared ? " (shared limit)" : "");
            var scope = limit.Scope switch
            {
                LimitScope.EnterpriseYear => "per enterprise per year",
                LimitScope.EnterpriseTotal => "per enterprise in total",
                LimitScope.ProjectYear => "per project per year",
                LimitScope.ProjectTotal => "per project in total",
                _ => "",
            };
            var already = M(s.A) + " already awarded" + (yearly ? " this year" : "")
                + (earlier > 0 ? $" (including {M(earlier)} for earlier claims in this request)" : "");
            return $"{cite}: at most {M(limit.AmountFen)} {scope}; {already}; at most {M(s.After)} for this claim";
        }
    }
}
