namespace PolicyPortal.Domain.Catalog;

/// <summary>How a clause part turns its inputs into an eligible amount (docs/calculation.md has a worked example of each).</summary>
public enum RuleKind
{
    /// <summary>rate × base (the claim's <c>amount</c>), capped; optional minimum base.</summary>
    Rate,
    /// <summary>A fixed award (一次性 N 万元).</summary>
    Fixed,
    /// <summary>An award "up to" a cap (最高 N 万元) decided by the reviewer: the requested amount, or the cap when none is requested.</summary>
    UpTo,
    /// <summary>A matching ratio of a higher-level (national / municipal) award: ratio × that award (1:1, 1:0.5, 30% …).</summary>
    Matching,
    /// <summary>Rent subsidy: rate × rent paid, pro-rated to an area ceiling.</summary>
    Rent,
    /// <summary>Loan-interest subsidy: at most a share of LPR on the principal and at most a share of the interest paid.</summary>
    LoanInterest,
    /// <summary>rate × (equipment + software counted at most a share of equipment), with a minimum total investment.</summary>
    EquipmentAndSoftware,
    /// <summary>Support promised without any figure (一事一议, or a drafting note without amounts): not open until an admin sets figures.</summary>
    Unquantified,
}

/// <summary>Where 从优不重复 applies: one project qualifying under several clause parts gets only the most favourable.</summary>
public enum ExclusivityScope
{
    /// <summary>The text states no such rule: claims add up.</summary>
    None,
    /// <summary>Among the clause parts of the same policy.</summary>
    Policy,
    /// <summary>Among all clause parts of the district (all its policies).</summary>
    District,
}

/// <summary>Whom a limit counts against.</summary>
public enum LimitScope
{
    /// <summary>One enterprise in one calendar year (单个企业每年最高 / 年度 …).</summary>
    EnterpriseYear,
    /// <summary>One enterprise over all years (同一单位 … 总额最高).</summary>
    EnterpriseTotal,
    /// <summary>One project in one year (每个项目年度 …).</summary>
    ProjectYear,
    /// <summary>One project over all years (每个项目累计 …).</summary>
    ProjectTotal,
}
