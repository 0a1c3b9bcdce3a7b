using System.Globalization;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// A district catalog turned into index-based tables once, so a calculation never looks up a string:
/// parts, their figures (one per tier, or one for an untiered part), limits (a part's own and the shared ones)
/// and budget pools, each addressed by position.
/// </summary>
internal sealed class CompiledCatalog
{
    public PolicyDocument Document { get; }
    public string District { get; }
    public string DistrictName { get; }
    public string DistrictNameEn { get; }
    public CompiledPart[] Parts { get; }
    public Figure[] Figures { get; }
    public CompiledLimit[] Limits { get; }
    public CompiledPool[] Pools { get; }
    public long[] PoolYearlyFen { get; }
    /// <summary>The article establishing 从优不重复, as the text prints it ("第十三条", "附则（一）").</summary>
    public string? ExclusivityArticle { get; }

    private readonly Dictionary<string, int> _partByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _poolByKey = new(StringComparer.Ordinal);

    public CompiledCatalog(PolicyDocument doc)
    {
        var errors = CatalogValidator.Validate(doc);
        if (errors.Count > 0)
            throw new ArgumentException("The catalog is not valid: " + string.Join("; ", errors), nameof(doc));

        Document = doc;
        District = doc.District;
        DistrictName = doc.DistrictName;
        DistrictNameEn = doc.DistrictNameEn
            ?? string.Concat(doc.District[..1].ToUpperInvariant(), doc.District.AsSpan(1));
        ExclusivityArticle = doc.ExclusivityArticle;

        var pools = new List<CompiledPool>();
        foreach (var pool in doc.Pools)
        {
            _poolByKey.Add(pool.Key, pools.Count);
            pools.Add(new CompiledPool(pool.Key, pool.Name, pool.Article, Fen.FromYuan(Fen.Round(pool.YearlyAmount))));
        }
        Pools = [.. pools];
        PoolYearlyFen = [.. pools.Select(p => p.YearlyFen)];

        var sources = doc.Articles.SelectMany(a => a.Parts.Select(p => (Article: a, Part: p))).ToList();
        // 从优不重复 ties go to the lower clause code (ordinal): a rank replaces the string comparison in the hot path.
        var rankOrder = sources.Select((s, i) => (s.Part.Code, i)).OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
        var rank = new int[sources.Count];
        for (var r = 0; r < rankOrder.Count; r++) rank[rankOrder[r].i] = r;

        var figures = new List<Figure>();
        var parts = new CompiledPart[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var (article, part) = sources[i];
            _partByCode.Add(part.Code, i);
            var computable = part.Open && part.Kind != RuleKind.Unquantified;
            var figureStart = figures.Count;
            if (part.Tiers.Count == 0)
                figures.Add(MakeFigure(i, part, computable, tier: null));
            else
                foreach (var tier in part.Tiers)
                    figures.Add(MakeFigure(i, part, computable, tier));

            parts[i] = new CompiledPart
            {
                Index = i,
                Code = part.Code,
                Source = part,
                ArticleNumber = article.Number,
                ArticleLabel = article.Label,
                Kind = part.Kind,
                Open = part.Open,
                Tiered = part.Tiers.Count > 0,
                FigureStart = figureStart,
                FigureCount = figures.Count - figureStart,
                ConsecutiveYears = part.ConsecutiveYears ?? 0,
                Pool = part.Pool is { } key ? _poolByKey[key] : -1,
                OneTime = part.OneTime,
                // The policy-wide upgradeTopUp only records the rule: not every tiered part's tiers are ranks of one
                // award (domestic / foreign compute are not), so only parts flagged topUp pay the difference.
                TopUp = part.TopUp,
                Scope = part.Exclusivity ?? doc.Exclusivity,
                CodeRank = rank[i],
            };
        }
        Parts = parts;
        Figures = [.. figures];

        var limits = new List<CompiledLimit>();
        var limitsOfPart = Enumerable.Range(0, parts.Length).Select(_ => new List<int>()).ToArray();
        foreach (var p in parts)
            foreach (var limit in p.Source.Limits)
            {
                limitsOfPart[p.Index].Add(limits.Count);
                limits.Add(new CompiledLimit(limit.Scope, Fen.FromYuan(Fen.Round(limit.Amount)), Shared: false,
                    Key: p.Code, Name: limit.Source, Article: p.ArticleLabel, ArticleNumber: p.ArticleNumber,
                    Covers: [p.Index]));
            }
        foreach (var shared in doc.SharedLimits)
        {
            var covers = shared.Parts.Select(code => _partByCode[code]).Distinct().ToArray();
            foreach (var p in covers) limitsOfPart[p].Add(limits.Count);
            limits.Add(new CompiledLimit(shared.Scope, Fen.FromYuan(Fen.Round(shared.Amount)), Shared: true,
                Key: shared.Key, Name: shared.Name, Article: shared.Article, ArticleNumber: null, Covers: covers));
        }
        Limits = [.. limits];
        foreach (var p in parts) p.Limits = [.. limitsOfPart[p.Index]];
    }

    public bool TryGetPart(string code, out int part) => _partByCode.TryGetValue(code, out part);

    public bool TryGetPool(string key, out int pool) => _poolByKey.TryGetValue(key, out pool);

    /// <summary>The figure of a part for a tier key (null for an untiered part); -1 when the tier is unknown.</summary>
    public int FindFigure(int part, string? tierKey)
    {
        var p = Parts[part];
        if (!p.Tiered) return tierKey is null ? p.FigureStart : -1;
        if (tierKey is null) return -1;
        for (var f = p.FigureStart; f < p.FigureStart + p.FigureCount; f++)
            if (string.Equals(Figures[f].TierKey, tierKey, StringComparison.Ordinal)) return f;
        return -1;
    }

    public string TierKeys(int part)
    {
        var p = Parts[part];
        return string.Join(", ", Enumerable.Range(p.FigureStart, p.FigureCount).Select(f => Figures[f].TierKey));
    }

    private static Figure MakeFigure(int partIndex, ClausePart part, bool computable, Tier? tier)
    {
        var cap = tier?.Cap ?? part.Cap;
        var figure = new Figure
        {
            Part = partIndex,
            Kind = part.Kind,
            Computable = computable,
            Rate = tier?.Rate ?? part.Rate ?? 0m,
            Amount = tier?.Amount ?? part.Amount ?? 0m,
            HasCap = cap is not null,
            CapFen = cap is { } c && Fen.IsWholeFen(c) && c <= Fen.MaxYuan ? Fen.FromYuan(c) : -1,
            Cap = cap ?? decimal.MaxValue,
            MinBase = part.MinBase ?? 0m,
            HasMinBase = part.MinBase is not null,
            AreaCeiling = part.AreaCeiling ?? 0m,
            LprShare = part.LprShare ?? 0m,
            InterestShare = part.InterestShare ?? 0m,
            SoftwareShareCap = part.SoftwareShareCap ?? 0m,
            Level = tier?.Level ?? 0,
            TierKey = tier?.Key,
            TierName = tier?.Name,
            TierNameEn = tier?.NameEn,
            ConstantFen = -1,
            RateE4 = -1,
        };
        // Kinds whose amount does not depend on the claim's inputs are computed once, here, by the same code.
        if (figure.Kind is RuleKind.Fixed or RuleKind.UpTo or RuleKind.Unquantified || !figure.Computable)
            return figure with { ConstantFen = RuleMath.EligibleFen(in figure, 0m, 0m, 0m) };
        // Rate and Matching run in integers (RuleMath.RateFen) when rate, cap and minimum fit: a rate of at most four
        // decimals, a whole-fen cap and minimum.
        var rateE4 = figure.Rate * 10_000m;
        var minBase = part.MinBase ?? 0m;
        if (figure.Kind is RuleKind.Rate or RuleKind.Matching
            && rateE4 == decimal.Truncate(rateE4) && rateE4 is >= 0 and <= 10_000
            && (cap is null || figure.CapFen >= 0)
            && Fen.IsWholeFen(minBase) && minBase <= Fen.MaxYuan)
            return figure with
            {
                RateE4 = (long)rateE4,
                CapFenOrMax = cap is null ? long.MaxValue : figure.CapFen,
                MinBaseFen = Fen.FromYuan(minBase),
            };
        return figure;
    }

    /// <summary>"石景山区第四条" — the district and the article as the text prints it.</summary>
    public string CiteZh(int part) => DistrictName + Parts[part].ArticleLabel;

    /// <summary>"Shijingshan Art. 4" / "Binjiang (6)".</summary>
    public string CiteEn(int part)
    {
        var p = Parts[part];
        var article = p.ArticleLabel.StartsWith('第')
            ? string.Create(CultureInfo.InvariantCulture, $"Art. {p.ArticleNumber}")
            : string.Create(CultureInfo.InvariantCulture, $"({p.ArticleNumber})");
        return DistrictNameEn + " " + article;
    }
}

/// <summary>One clause part, with what the engine reads of it resolved to indices.</summary>
internal sealed class CompiledPart
{
    public int Index { get; init; }
    public required string Code { get; init; }
    public required ClausePart Source { get; init; }
    public int ArticleNumber { get; init; }
    public required string ArticleLabel { get; init; }
    public RuleKind Kind { get; init; }
    public bool Open { get; init; }
    public bool Tiered { get; init; }
    public int FigureStart { get; init; }
    public int FigureCount { get; init; }
    /// <summary>0 = no consecutive-year rule.</summary>
    public int ConsecutiveYears { get; init; }
    /// <summary>Index into <see cref="CompiledCatalog.Pools"/>, -1 = none.</summary>
    public int Pool { get; init; }
    public bool OneTime { get; init; }
    /// <summary>晋级补差: the part's <c>topUp</c> flag (the policy's <c>upgradeTopUp</c> only records the rule).</summary>
    public bool TopUp { get; init; }
    public ExclusivityScope Scope { get; init; }
    /// <summary>Position of the code in ordinal order (从优不重复 ties).</summary>
    public int CodeRank { get; init; }
    /// <summary>Indices into <see cref="CompiledCatalog.Limits"/>: the part's own limits, then the shared ones.</summary>
    public int[] Limits { get; set; } = [];
}

/// <summary>The figures a claim computes with: a tier's, falling back to the part's. Read by reference in the hot path.</summary>
internal readonly struct Figure
{
    public int Part { get; init; }
    public RuleKind Kind { get; init; }
    /// <summary>Open and quantified: otherwise the rule gives 0 (尚未开放申报).</summary>
    public bool Computable { get; init; }
    public decimal Rate { get; init; }
    public decimal Amount { get; init; }
    public bool HasCap { get; init; }
    /// <summary><see cref="decimal.MaxValue"/> when there is no cap, so the comparison needs no branch on <see cref="HasCap"/>.</summary>
    public decimal Cap { get; init; }
    /// <summary>The cap in fen when it is whole fen (compared as an integer), -1 otherwise.</summary>
    public long CapFen { get; init; }
    public decimal MinBase { get; init; }
    public bool HasMinBase { get; init; }
    public decimal AreaCeiling { get; init; }
    public decimal LprShare { get; init; }
    public decimal InterestShare { get; init; }
    public decimal SoftwareShareCap { get; init; }
    public int Level { get; init; }
    public string? TierKey { get; init; }
    public string? TierName { get; init; }
    public string? TierNameEn { get; init; }
    /// <summary>The eligible fen when it does not depend on the claim (Fixed, UpTo, not open); -1 otherwise.</summary>
    public long ConstantFen { get; init; }
    /// <summary>Rate × 10,000 for the integer path of Rate and Matching (<see cref="RuleMath.RateFen"/>); -1 when it does not apply.</summary>
    public long RateE4 { get; init; }
    /// <summary>The cap in fen for the integer path, <see cref="long.MaxValue"/> when there is none.</summary>
    public long CapFenOrMax { get; init; }
    /// <summary>The minimum base in fen for the integer path (0 when there is none).</summary>
    public long MinBaseFen { get; init; }
}

/// <summary>A part's own limit, or a shared one over several parts. Amount in fen.</summary>
internal sealed record CompiledLimit(
    LimitScope Scope, long AmountFen, bool Shared, string Key, string? Name, string Article, int? ArticleNumber, int[] Covers);

/// <summary>A yearly budget pool. Amount in fen.</summary>
internal sealed record CompiledPool(string Key, string Name, string Article, long YearlyFen);
