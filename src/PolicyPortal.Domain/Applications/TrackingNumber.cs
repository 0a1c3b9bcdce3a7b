using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PolicyPortal.Domain.Applications;

/// <summary>
/// A 受理编号 such as <c>SJS-2026-000123-2</c>: district prefix, year, a six-digit sequence within the district and
/// year, and a check character so that a number read over the phone or typed into the search box with one wrong
/// digit, or two neighbouring digits swapped, is refused instead of finding someone else's application.
/// </summary>
public sealed record TrackingNumber
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const long MaxSequence = 999_999;

    // The district keys of Catalog.Districts with the prefixes printed on acceptance notices.
    private static readonly (string District, string Prefix)[] Prefixes =
    [
        ("fengtai", "FT"),
        ("shijingshan", "SJS"),
        ("yizhuang", "YZ"),
        ("tongzhou", "TZ"),
        ("binjiang", "BJ"),
    ];

    private TrackingNumber(string district, string prefix, int year, long sequence)
    {
        District = district;
        Prefix = prefix;
        Year = year;
        Sequence = sequence;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{prefix}{year:D4}{sequence:D6}");
        CheckCharacter = CheckCharacterOf(payload);
        Value = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}-{CheckCharacter}");
    }

    /// <summary>District key (shijingshan …), as in the catalog.</summary>
    public string District { get; }
    public string Prefix { get; }
    public int Year { get; }
    public long Sequence { get; }
    /// <summary>0–9 or X.</summary>
    public char CheckCharacter { get; }
    public string Value { get; }

    /// <exception cref="ArgumentException">Unknown district.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2000–2100, or sequence outside 1–999999.</exception>
    public static TrackingNumber Create(string district, int year, long sequence)
    {
        var prefix = PrefixOf(district) ?? throw new ArgumentException($"Unknown district '{district}'.", nameof(district));
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new TrackingNumber(district, prefix, year, sequence);
    }

    /// <summary>
    /// Accepts what people type: surrounding or inner spaces, lower case (sjs, x) and full-width characters. Refuses
    /// an unknown prefix, the wrong number of digits and a check character that does not match.
    /// </summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out TrackingNumber? number)
    {
        number = null;
        var parts = TypedText.Normalize(input).Split('-');
        if (parts.Length != 4 || parts[1].Length != 4 || parts[2].Length != 6 || parts[3].Length != 1) return false;
        var district = DistrictOf(parts[0]);
        if (district is null
            || !parts[1].All(char.IsAsciiDigit) || !parts[2].All(char.IsAsciiDigit)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year is < MinYear or > MaxYear || sequence < 1)
            return false;
        var candidate = new TrackingNumber(district, parts[0], year, sequence);
        if (candidate.CheckCharacter != parts[3][0]) return false;
        number = candidate;
        return true;
    }

    public override string ToString() => Value;

    /// <summary>FT, SJS, YZ, TZ or BJ; null for a key that is not one of the portal's districts.</summary>
    public static string? PrefixOf(string? district)
    {
        foreach (var (key, prefix) in Prefixes)
            if (string.Equals(key, district, StringComparison.Ordinal)) return prefix;
        return null;
    }

    private static string? DistrictOf(string prefix)
    {
        foreach (var (key, known) in Prefixes)
            if (string.Equals(known, prefix, StringComparison.Ordinal)) return key;
        return null;
    }

    /// <summary>
    /// ISO 7064 MOD 11-2 (the check of the resident ID number), with letters valued A=10 … Z=35: every single
    /// substitution of a digit and every swap of two different neighbouring digits changes the check character.
    /// </summary>
    internal static char CheckCharacterOf(string payload)
    {
        var p = 0;
        foreach (var c in payload)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            p = (p + value) * 2 % 11;
        }
        var check = (12 - p) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
