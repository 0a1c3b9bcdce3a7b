using System.Globalization;

namespace PolicyPortal.Domain.Catalog;

/// <summary>Checks a district catalog for what would make a calculation impossible or wrong. Empty list = valid.</summary>
public static class CatalogValidator
{
    public static IReadOnlyList<string> Validate(PolicyDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var errors = new List<string>();
        void Err(string message) => errors.Add(message);

        if (!Districts.IsKnown(doc.District)) Err($"未知的区 '{doc.District}'");
        if (doc.ValidFrom is { } from && doc.ValidTo is { } to && to < from) Err("有效期结束早于开始");

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var articleNumbers = new HashSet<int>();
        foreach (var article in doc.Articles)
        {
            if (!articleNumbers.Add(article.Number)) Err($"条款编号 {article.Number} 重复");
            if (string.IsNullOrWhiteSpace(article.Text)) Err($"第{article.Number}条缺少原文");
            var expectedPart = 1;
            foreach (var part in article.Parts)
            {
                var where = part.Code;
                var expectedCode = string.Create(CultureInfo.InvariantCulture, $"{doc.District}.{article.Number}.{expectedPart}");
                if (part.Part != expectedPart || !string.Equals(part.Code, expectedCode, StringComparison.Ordinal))
                    Err($"{where}: 编码应为 {expectedCode}（part 从 1 连续编号）");
                expectedPart++;
                if (!codes.Add(part.Code)) Err($"{where}: 编码重复");
                if (string.IsNullOrWhiteSpace(part.Text)) Err($"{where}: 缺少条款原文");
                ValidatePart(part, doc, Err);
            }
        }

        foreach (var limit in doc.SharedLimits)
        {
            if (limit.Amount <= 0) Err($"共享上限 {limit.Key}: 金额必须大于 0");
            foreach (var code in limit.Parts)
                if (!codes.Contains(code)) Err($"共享上限 {limit.Key}: 未知条款 {code}");
        }
        var pools = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pool in doc.Pools)
        {
            if (!pools.Add(pool.Key)) Err($"资金池 {pool.Key} 重复");
            if (pool.YearlyAmount <= 0) Err($"资金池 {pool.Key}: 年度金额必须大于 0");
        }
        foreach (var part in doc.Articles.SelectMany(a => a.Parts))
            if (part.Pool is { } key && !pools.Contains(key)) Err($"{part.Code}: 未知资金池 {key}");
        return errors;
    }

    private static void ValidatePart(ClausePart part, PolicyDocument doc, Action<string> err)
    {
        var code = part.Code;
        CheckRate(part.Rate, code, "rate", err);
        CheckMoney(part.Amount, code, "amount", err);
        CheckMoney(part.Cap, code, "cap", err);
        CheckMoney(part.MinBase, code, "minBase", err);
        CheckRate(part.LprShare, code, "lprShare", err);
        CheckRate(part.InterestShare, code, "interestShare", err);
        CheckRate(part.SoftwareShareCap, code, "softwareShareCap", err);
        if (part.AreaCeiling is <= 0) err($"{code}: areaCeiling 必须大于 0");
        if (part.ConsecutiveYears is <= 0) err($"{code}: consecutiveYears 必须大于 0");
        foreach (var limit in part.Limits)
            if (limit.Amount <= 0) err($"{code}: 上限金额必须大于 0");

        var tierKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in part.Tiers)
        {
            if (!tierKeys.Add(tier.Key)) err($"{code}: 档位 {tier.Key} 重复");
            CheckRate(tier.Rate, code, $"tiers[{tier.Key}].rate", err);
            CheckMoney(tier.Amount, code, $"tiers[{tier.Key}].amount", err);
            CheckMoney(tier.Cap, code, $"tiers[{tier.Key}].cap", err);
            if (tier.Rate is null && tier.Amount is null && tier.Cap is null && part.Open)
                err($"{code}: 档位 {tier.Key} 没有任何金额或比例");
        }

        if (!part.Open || part.Kind == RuleKind.Unquantified) return;
        // An open part must be computable: every tier (or the part itself) needs the figures its kind reads.
        IEnumerable<(string Where, decimal? Rate, decimal? Amount, decimal? Cap)> figures = part.Tiers.Count == 0
            ? [(code, part.Rate, part.Amount, part.Cap)]
            : part.Tiers.Select(t => ($"{code}[{t.Key}]", t.Rate ?? part.Rate, t.Amount ?? part.Amount, t.Cap ?? part.Cap));
        foreach (var (where, rate, amount, cap) in figures)
        {
            switch (part.Kind)
            {
                case RuleKind.Rate or RuleKind.Matching or RuleKind.Rent or RuleKind.EquipmentAndSoftware:
                    if (rate is null) err($"{where}: {part.Kind} 需要 rate");
                    break;
                case RuleKind.Fixed:
                    if (amount is null) err($"{where}: Fixed 需要 amount");
                    break;
                case RuleKind.UpTo:
                    if (cap is null) err($"{where}: UpTo 需要 cap");
                    break;
                case RuleKind.LoanInterest:
                    if (part.LprShare is null || part.InterestShare is null) err($"{where}: LoanInterest 需要 lprShare 和 interestShare");
                    break;
                case RuleKind.Unquantified:
                    break;
            }
        }
        if (part.Kind == RuleKind.Rent && part.AreaCeiling is null) err($"{code}: Rent 需要 areaCeiling");
        if (part.Kind == RuleKind.EquipmentAndSoftware && part.SoftwareShareCap is null) err($"{code}: EquipmentAndSoftware 需要 softwareShareCap");
        if (part.TopUp && part.Tiers.Count < 2) err($"{code}: 晋级补差需要至少两个档位");
        _ = doc;
    }

    private static void CheckRate(decimal? value, string code, string field, Action<string> err)
    {
        if (value is { } v && (v <= 0 || v > 1)) err($"{code}: {field} 必须在 0 到 1 之间（不超过 100%），当前 {v.ToString(CultureInfo.InvariantCulture)}");
    }

    private static void CheckMoney(decimal? value, string code, string field, Action<string> err)
    {
        if (value is { } v && v <= 0) err($"{code}: {field} 必须大于 0，当前 {v.ToString(CultureInfo.InvariantCulture)}");
    }
}
