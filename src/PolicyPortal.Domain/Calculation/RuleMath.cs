using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Step 1 of docs/catalog-format.md: each rule kind's formula on a figure (a tier's figures, or the part's),
/// in exact <see cref="decimal"/>, capped, then rounded once to the fen. Also used to re-derive the numbers
/// an explanation shows, so the text can never disagree with the amount.
/// </summary>
internal static class RuleMath
{
    /// <summary>The eligible amount in fen. <paramref name="amount"/> is the claim's base; see <see cref="PreparedClaim"/> for the inputs.</summary>
    public static long EligibleFen(in Figure f, decimal amount, decimal input1, decimal input2)
    {
        if (!f.Computable) return 0;
        var (raw, belowMinimum) = Raw(in f, amount, input1, input2);
        if (belowMinimum) return 0;
        if (raw > f.Cap) raw = f.Cap;
        return Fen.FromYuan(Fen.Round(raw));
    }

    /// <summary>
    /// The formula before cap and rounding. Inputs by kind: Rent (rent, area), LoanInterest (principal, lpr,
    /// interestPaid), EquipmentAndSoftware (equipment, software); the others read the amount only.
    /// </summary>
    public static (decimal Raw, bool BelowMinimum) Raw(in Figure f, decimal amount, decimal input1, decimal input2) => f.Kind switch
    {
        RuleKind.Rate => (f.Rate * amount, amount < f.MinBase),
        RuleKind.Fixed => (f.Amount, false),
        // 最高…: the cap is the amount; a reviewer lowers it through `requested`.
        RuleKind.UpTo => (f.HasCap ? f.Cap : 0m, false),
        RuleKind.Matching => (f.Rate * amount, amount < f.MinBase),
        RuleKind.Rent => (RentRaw(in f, amount, input1), amount < f.MinBase),
        RuleKind.LoanInterest => (Math.Min(LoanByLpr(in f, amount, input1), LoanByInterest(in f, input2)), amount < f.MinBase),
        RuleKind.EquipmentAndSoftware => (f.Rate * (amount + CountedSoftware(in f, amount, input1)), amount + input1 < f.MinBase),
        RuleKind.Unquantified => (0m, false),
    };

    /// <summary>rate × rent × min(1, ceiling / area), with one division last so the product stays exact as long as possible.</summary>
    public static decimal RentRaw(in Figure f, decimal rent, decimal area) =>
        area > f.AreaCeiling ? f.Rate * rent * f.AreaCeiling / area : f.Rate * rent;

    public static decimal LoanByLpr(in Figure f, decimal principal, decimal lpr) => principal * lpr * f.LprShare;

    public static decimal LoanByInterest(in Figure f, decimal interestPaid) => interestPaid * f.InterestShare;

    /// <summary>Software counts at most softwareShareCap × equipment (亦庄第十条: 不超过设备投资的30%).</summary>
    public static decimal CountedSoftware(in Figure f, decimal equipment, decimal software) =>
        Math.Min(software, f.SoftwareShareCap * equipment);
}
