using System.Globalization;

namespace PolicyPortal.Domain.Catalog;

/// <summary>
/// An administrator's change to one clause part: checked field by field (a rate above 100%, a negative cap, a tier without
/// figures are refused with messages for the form), then applied to a copy of the catalog, which must still pass
/// <see cref="CatalogValidator"/>. The catalog itself is immutable: every change makes a new document (a new version).
/// </summary>
public static class CatalogEdit
{
    public const decimal MaxMoney = 100_000_000_000m; // ¥1,000亿: nothing in any of the policies comes near

    public static IReadOnlyList<FigureError> Check(PolicyDocument doc, string code, ClauseFigures figures)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(figures);
        var errors = new List<FigureError>();
        var part = doc.Articles.SelectMany(a => a.Parts).FirstOrDefault(p => p.Code == code);
        if (part is null)
        {
            errors.Add(new("code", new($"条款 {code} 不存在", $"No clause part {code}")));
            return errors;
        }
        Rate(errors, "rate", figures.Rate);
        Money(errors, "amount", figures.Amount);
        Money(errors, "cap", figures.Cap);
        Money(errors, "minBase", figures.MinBase);
        if (figures.ConsecutiveYears is < 1 or > 10)
            errors.Add(new("consecutiveYears", new("连续支持年限须为 1–10 年", "Consecutive years must be 1 to 10")));
        if (figures.Pool is { } pool)
        {
            if (doc.Pools.All(p => p.Key != pool)) errors.Add(new("pool", new($"资金池 {pool} 不存在", $"No budget pool {pool}")));
            if (figures.PoolYearlyAmount is not { } yearly || yearly <= 0 || yearly > MaxMoney)
                errors.Add(new("poolYearlyAmount", new("资金池年度金额须大于 0", "The pool's yearly amount must be above 0")));
        }
        for (var i = 0; i < figures.Limits.Count; i++)
        {
            if (figures.Limits[i].Amount <= 0 || figures.Limits[i].Amount > MaxMoney)
                errors.Add(new($"limits[{i}]", new("上限金额须大于 0", "A limit must be above 0")));
        }
        if (figures.Limits.GroupBy(l => l.Scope).Any(g => g.Count() > 1))
            errors.Add(new("limits", new("同一范围的上限只能设一个", "One limit per scope")));
        foreach (var (key, amount) in figures.SharedLimits)
        {
            if (doc.SharedLimits.All(s => s.Key != key)) errors.Add(new($"shared[{key}]", new($"共享上限 {key} 不存在", $"No shared limit {key}")));
            else if (amount <= 0 || amount > MaxMoney) errors.Add(new($"shared[{key}]", new("共享上限金额须大于 0", "A shared limit must be above 0")));
        }
        foreach (var tier in figures.Tiers)
        {
            if (part.Tiers.All(t => t.Key != tier.Key)) { errors.Add(new($"tiers[{tier.Key}]", new($"档位 {tier.Key} 不存在", $"No tier {tier.Key}"))); continue; }
            Rate(errors, $"tiers[{tier.Key}].rate", tier.Rate);
            Money(errors, $"tiers[{tier.Key}].amount", tier.Amount);
            Money(errors, $"tiers[{tier.Key}].cap", tier.Cap);
            if (figures.Open && tier.Rate is null && tier.Amount is null && tier.Cap is null)
                errors.Add(new($"tiers[{tier.Key}]", new("档位须至少填写比例、金额或封顶之一", "A tier needs a rate, an amount or a cap")));
        }
        if (figures.Open && part.Kind != RuleKind.Unquantified && part.Tiers.Count == 0 && figures.Rate is null && figures.Amount is null)
            errors.Add(new("rate", new("开放申报的条款须有比例或固定金额", "An open clause needs a rate or a fixed amount")));
        if (errors.Count > 0) return errors;

        // Whatever the field checks let through must still make a catalog the engine accepts.
        foreach (var message in CatalogValidator.Validate(Apply(doc, code, figures)))
            errors.Add(new("catalog", new(message, message)));
        return errors;
    }

    /// <summary>The catalog with the part's figures replaced (and the pool's and shared limits' amounts). Call <see cref="Check"/> first.</summary>
    public static PolicyDocument Apply(PolicyDocument doc, string code, ClauseFigures figures)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(figures);
        var articles = doc.Articles.Select(a => a.Parts.All(p => p.Code != code) ? a : a with
        {
            Parts = [.. a.Parts.Select(p => p.Code != code ? p : p with
            {
                Rate = figures.Rate, Amount = figures.Amount, Cap = figures.Cap, MinBase = figures.MinBase, ConsecutiveYears = figures.ConsecutiveYears,
                Pool = figures.Pool, Open = figures.Open, Exclusivity = figures.Exclusivity,
                Limits = [.. figures.Limits.Select(l => l with { Source = p.Limits.FirstOrDefault(o => o.Scope == l.Scope)?.Source ?? l.Source })],
                Tiers = [.. p.Tiers.Select(t => figures.Tiers.FirstOrDefault(f => f.Key == t.Key) is { } f ? t with { Rate = f.Rate, Amount = f.Amount, Cap = f.Cap } : t)],
            })],
        }).ToList();
        var pools = doc.Pools.Select(p => p.Key == figures.Pool && figures.PoolYearlyAmount is { } y ? p with { YearlyAmount = y } : p).ToList();
        var shared = doc.SharedLimits.Select(s => figures.SharedLimits.TryGetValue(s.Key, out var amount) ? s with { Amount = amount } : s).ToList();
        return doc with { Articles = articles, Pools = pools, SharedLimits = shared };
    }

    /// <summary>What differs between two versions of a catalog, one entry per changed figure, in both languages.</summary>
    public static IReadOnlyList<CatalogDifference> Differences(PolicyDocument before, PolicyDocument after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<CatalogDifference>();
        var old = before.Articles.SelectMany(a => a.Parts).ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var part in after.Articles.SelectMany(a => a.Parts))
        {
            if (!old.TryGetValue(part.Code, out var was)) { lines.Add(new(part.Code, "新增条款", "new part", FigureKind.Text, null, part.Title)); continue; }
            void Cmp(string zh, string en, FigureKind kind, object? x, object? y) { if (!Equals(x, y)) lines.Add(new(part.Code, zh, en, kind, x, y)); }
            Cmp("比例", "rate", FigureKind.Percent, was.Rate, part.Rate);
            Cmp("固定金额", "fixed amount", FigureKind.Money, was.Amount, part.Amount);
            Cmp("单项封顶", "cap", FigureKind.Money, was.Cap, part.Cap);
            Cmp("最低基数", "minimum base", FigureKind.Money, was.MinBase, part.MinBase);
            Cmp("连续支持年限", "consecutive years", FigureKind.Years, was.ConsecutiveYears, part.ConsecutiveYears);
            Cmp("资金池", "budget pool", FigureKind.Text, was.Pool, part.Pool);
            Cmp("开放申报", "open", FigureKind.Flag, was.Open, part.Open);
            Cmp("从优不重复范围", "exclusivity scope", FigureKind.Text, was.Exclusivity, part.Exclusivity);
            foreach (var scope in was.Limits.Select(l => l.Scope).Union(part.Limits.Select(l => l.Scope)))
            {
                var (zh, en) = CatalogDifference.LimitName(scope);
                Cmp(zh, en, FigureKind.Money, was.Limits.FirstOrDefault(l => l.Scope == scope)?.Amount, part.Limits.FirstOrDefault(l => l.Scope == scope)?.Amount);
            }
            foreach (var tier in part.Tiers)
                if (was.Tiers.FirstOrDefault(t => t.Key == tier.Key) is { } t)
                {
                    Cmp($"档次“{tier.Name}”比例", $"tier {tier.Key} rate", FigureKind.Percent, t.Rate, tier.Rate);
                    Cmp($"档次“{tier.Name}”金额", $"tier {tier.Key} amount", FigureKind.Money, t.Amount, tier.Amount);
                    Cmp($"档次“{tier.Name}”封顶", $"tier {tier.Key} cap", FigureKind.Money, t.Cap, tier.Cap);
                }
        }
        foreach (var pool in after.Pools)
            if (before.Pools.FirstOrDefault(p => p.Key == pool.Key) is { } p && p.YearlyAmount != pool.YearlyAmount)
                lines.Add(new($"资金池“{pool.Name}”", "年度金额", "yearly amount", FigureKind.Money, p.YearlyAmount, pool.YearlyAmount));
        foreach (var limit in after.SharedLimits)
            if (before.SharedLimits.FirstOrDefault(s => s.Key == limit.Key) is { } s && s.Amount != limit.Amount)
                lines.Add(new($"共享上限“{limit.Name}”", "金额", "amount", FigureKind.Money, s.Amount, limit.Amount));
        if (before.ValidTo != after.ValidTo) lines.Add(new(after.District, "政策有效期至", "valid until", FigureKind.Date, before.ValidTo, after.ValidTo));
        return lines;
    }

    private static void Rate(List<FigureError> errors, string field, decimal? rate)
    {
        if (rate is < 0 or > 1) errors.Add(new(field, new("比例须在 0–100% 之间", "A rate must be between 0 and 100%")));
    }

    private static void Money(List<FigureError> errors, string field, decimal? amount)
    {
        if (amount is < 0) errors.Add(new(field, new("金额不能为负数", "An amount cannot be negative")));
        else if (amount > MaxMoney) errors.Add(new(field, new("金额过大", "The amount is too large")));
        else if (amount is { } a && decimal.Round(a, 2) != a) errors.Add(new(field, new("金额最多保留两位小数（分）", "Amounts have at most two decimals (fen)")));
    }
}

/// <summary>Whether a policy is in force on a day (its validity period, where the text gives one).</summary>
public static class PolicyValidity
{
    public static bool IsInForce(PolicyDocument doc, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return (doc.ValidFrom is not { } from || from <= day) && (doc.ValidTo is not { } to || day <= to);
    }

    /// <summary>Ends within the given number of days from <paramref name="day"/> (inclusive), and has not ended yet.</summary>
    public static bool EndsWithin(PolicyDocument doc, DateOnly day, int days)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return doc.ValidTo is { } to && day <= to && to.DayNumber - day.DayNumber <= days;
    }
}
