using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// Whole-fen yuan → fen. The fast path reads the decimal's mantissa and scale in place (the layout of the
    /// OLE DECIMAL that <see cref="decimal"/> marshals as: flags, high 32 bits, low 64 bits) instead of
    /// multiplying by 100; a test pins the layout (FenTests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromYuan(decimal wholeFenYuan)
    {
        ref var bits = ref Unsafe.As<decimal, DecimalBits>(ref wholeFenYuan);
        var scale = (bits.Flags >> 16) & 0xFF;
        // Non-negative (sign bit clear), scale 0–2, mantissa small enough not to overflow × 100.
        if (bits.Flags >= 0 && scale <= 2 && bits.High == 0 && bits.Low < 1UL << 56)
        {
            var mantissa = (long)bits.Low;
            return scale switch
            {
                2 => mantissa,
                1 => mantissa * 10,
                _ => mantissa * 100,
            };
        }
        return decimal.ToInt64(Round(wholeFenYuan) * 100m);
    }

    private static readonly ulong[] PowersOfTen =
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
         100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
         10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    /// <summary>
    /// A rule's raw amount → fen, rounded once half away from zero: the same as <c>FromYuan(Round(yuan))</c>,
    /// computed on the decimal's 64-bit mantissa in integers when it fits (products of a rate and a base do).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RoundToFen(decimal yuan)
    {
        ref var bits = ref Unsafe.As<decimal, DecimalBits>(ref yuan);
        var scale = (bits.Flags >> 16) & 0xFF;
        if (bits.Flags >= 0 && bits.High == 0 && bits.Low < 1UL << 56)
        {
            if (scale <= 2) return (long)bits.Low * (long)PowersOfTen[2 - scale];
            if (scale <= 18)
            {
                // Half away from zero on a non-negative value: round up when the remainder is at least half.
                var divisor = PowersOfTen[scale - 2];
                var fen = bits.Low / divisor;
                return (long)(bits.Low - fen * divisor >= (divisor + 1) / 2 ? fen + 1 : fen);
            }
        }
        return FromYuan(Round(yuan));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;
    }

    /// <summary>Fen → yuan, exact, with two decimals (scale 2).</summary>
    public static decimal ToYuan(long fen) =>
        fen >= 0
            ? new decimal((int)(uint)fen, (int)(uint)(fen >> 32), 0, false, 2)
            : -new decimal((int)(uint)-fen, (int)(uint)(-fen >> 32), 0, false, 2);

    /// <summary>Adds prior awards without overflow (see <see cref="Saturation"/>).</summary>
    public static long SaturatingAdd(long a, long b) => a > Saturation - b ? Saturation : a + b;
}
