namespace PolicyPortal.Domain.Calculation;

/// <summary>What the engine is asked: one district and year, the claims, and the ledger of prior awards.</summary>
public sealed record CalculationRequest
{
    public required string District { get; init; }
    public int Year { get; init; }
    public IReadOnlyList<ClaimInput> Claims { get; init; } = [];
    public IReadOnlyList<PriorAward> PriorAwards { get; init; } = [];
    /// <summary>What other enterprises have already drawn from each budget pool this year, by pool key.</summary>
    public IReadOnlyDictionary<string, decimal> PoolUsed { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>One claim: a project asking for one clause part (and tier).</summary>
public sealed record ClaimInput
{
    public required string Id { get; init; }
    /// <summary>Clause part code, e.g. shijingshan.4.1.</summary>
    public required string Clause { get; init; }
    public string? Tier { get; init; }
    public required string Project { get; init; }
    /// <summary>The base the rate applies to (yuan).</summary>
    public decimal? Amount { get; init; }
    /// <summary>What the enterprise asks for; never exceeded.</summary>
    public decimal? Requested { get; init; }
    /// <summary>Further named inputs (area, equipment, software, lpr, interestPaid …).</summary>
    public IReadOnlyDictionary<string, decimal>? Inputs { get; init; }
    /// <summary>The claimant; null means the single enterprise of the request.</summary>
    public string? Enterprise { get; init; }
}

/// <summary>An award already granted, from the ledger.</summary>
public sealed record PriorAward
{
    public required string Clause { get; init; }
    public string? Tier { get; init; }
    public required string Project { get; init; }
    public int Year { get; init; }
    public decimal Granted { get; init; }
    public string? Enterprise { get; init; }
}
