namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Money after the rule step is whole fen (0.01 yuan), so the engine carries it as a <see cref="long"/> count of
/// fen: limits, pools and the ledger then cost integer arithmetic only. 1e13 yuan (the largest accepted input) is
/// 1e15 fen, far inside <see cref="long"/>.
/// </summary>
internal static class Fen
{
    /// <summary>The largest amount of money (yuan) the engine accepts as input; anything above is a typo.</summary>
    public const decimal MaxYuan = 10_000_000_000_000m;

    /// <summary>Prior-award sums are clamped here (1e15 yuan); every limit in a catalog is far below, so the outcome is unchanged.</summary>
    private const long Saturation = 100_000_000_000_000_000L;

    /// <summary>Once, when the rule amount is final: to the fen, half away from zero (docs/catalog-format.md, step 1).</summary>
    public static decimal Round(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    public static bool IsWholeFen(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>Whole-fen yuan → fen. Fast path reads the decimal's bits instead of multiplying by 100.</summary>
    public static long FromYuan(decimal wholeFenYuan)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(wholeFenYuan, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && bits[1] >= 0 && scale <= 2 && bits[3] >= 0)
        {
            var mantissa = ((long)bits[1] << 32) | (uint)bits[0];
            return scale switch
            {
                2 => mantissa,
                1 => mantissa * 10,
                _ => mantissa * 100,
            };
        }
        return decimal.ToInt64(Round(wholeFenYuan) * 100m);
    }

    /// <summary>Fen → yuan, exact, with two decimals (scale 2).</summary>
    public static decimal ToYuan(long fen) =>
        fen >= 0
            ? new decimal((int)(uint)fen, (int)(uint)(fen >> 32), 0, false, 2)
            : -new decimal((int)(uint)-fen, (int)(uint)(-fen >> 32), 0, false, 2);

    /// <summary>Adds prior awards without overflow (see <see cref="Saturation"/>).</summary>
    public static long SaturatingAdd(long a, long b) => a > Saturation - b ? Saturation : a + b;
}
