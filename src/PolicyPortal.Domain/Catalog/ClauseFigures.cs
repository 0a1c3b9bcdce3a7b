namespace PolicyPortal.Domain.Catalog;

/// <summary>
/// The figures of one clause part an administrator may change (the wording, code and kind stay as transcribed). Rates are
/// fractions (0.3 = 30%), money in yuan. <see cref="CatalogEdit"/> checks them and applies them to a catalog.
/// </summary>
public sealed record ClauseFigures
{
    public decimal? Rate { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Cap { get; init; }
    public decimal? MinBase { get; init; }
    public int? ConsecutiveYears { get; init; }
    public string? Pool { get; init; }
    /// <summary>The selected pool's yearly budget (a policy-level figure shared by every part drawing on it).</summary>
    public decimal? PoolYearlyAmount { get; init; }
    public bool Open { get; init; }
    /// <summary>null: the policy's 从优不重复 scope applies.</summary>
    public ExclusivityScope? Exclusivity { get; init; }
    public IReadOnlyList<PartLimit> Limits { get; init; } = [];
    /// <summary>Each tier's figures by key; tiers themselves are neither added nor removed here.</summary>
    public IReadOnlyList<TierFigures> Tiers { get; init; } = [];
    /// <summary>The amounts of the shared (group) limits this part belongs to, by key.</summary>
    public IReadOnlyDictionary<string, decimal> SharedLimits { get; init; } = new Dictionary<string, decimal>();

    public static ClauseFigures Of(PolicyDocument doc, ClausePart part)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(part);
        return new()
        {
            Rate = part.Rate, Amount = part.Amount, Cap = part.Cap, MinBase = part.MinBase, ConsecutiveYears = part.ConsecutiveYears,
            Pool = part.Pool, PoolYearlyAmount = doc.Pools.FirstOrDefault(p => p.Key == part.Pool)?.YearlyAmount,
            Open = part.Open, Exclusivity = part.Exclusivity, Limits = part.Limits,
            Tiers = [.. part.Tiers.Select(t => new TierFigures(t.Key, t.Rate, t.Amount, t.Cap))],
            SharedLimits = doc.SharedLimits.Where(s => s.Parts.Contains(part.Code, StringComparer.Ordinal)).ToDictionary(s => s.Key, s => s.Amount, StringComparer.Ordinal),
        };
    }
}

/// <summary>One tier's figures.</summary>
public sealed record TierFigures(string Key, decimal? Rate, decimal? Amount, decimal? Cap);

/// <summary>A field of the clause editor and what is wrong with it, in both languages.</summary>
public sealed record FigureError(string Field, BilingualText Message);
