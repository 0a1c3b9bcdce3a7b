using System.Runtime.CompilerServices;
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
        decimal raw;
        if (f.Kind == RuleKind.Rate && !f.HasMinBase)
        {
            // The common case first: no minimum to compare, no tuple.
            raw = f.Rate * amount;
        }
        else
        {
            (raw, var belowMinimum) = Raw(in f, amount, input1, input2);
            if (belowMinimum) return 0;
        }
        // round(min(raw, cap)) = min(round(raw), cap) because rounding is monotonic and a whole-fen cap rounds to
        // itself: so the cap is compared in fen, as integers.
        if (f.CapFen >= 0) return Math.Min(Fen.RoundToFen(raw), f.CapFen);
        if (f.HasCap && raw > f.Cap) raw = f.Cap;
        return Fen.RoundToFen(raw);
    }

    /// <summary>
    /// Rate and Matching on a whole-fen base, in integers: rate = RateE4 / 10,000, so rate × base in fen is
    /// RateE4 × baseFen / 10,000, exactly, rounded once half away from zero (the remainder against half the
    /// divisor), then the whole-fen cap. The same value as the decimal formula (a property test compares them);
    /// figures whose rate, cap or minimum do not fit this form keep <see cref="Figure.RateE4"/> at -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RateFen(in Figure f, long amountFen)
    {
        if (amountFen < f.MinBaseFen) return 0;
        // RateE4 ≤ 10,000 and amountFen ≤ 1e15: the product stays below 2^64.
        var product = (ulong)f.RateE4 * (ulong)amountFen;
        var fen = product / 10_000;
        if (product - fen * 10_000 >= 5_000) fen++;
        return Math.Min((long)fen, f.CapFenOrMax);
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
