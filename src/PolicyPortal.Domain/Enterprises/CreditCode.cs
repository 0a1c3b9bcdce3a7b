using System.Diagnostics.CodeAnalysis;

namespace PolicyPortal.Domain.Enterprises;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015) that has passed <see cref="Check"/>: 18 characters,
/// position 1 the registration authority, 2 the organisation category, 3–8 the administrative division, 9–17 the
/// organisation code and 18 the check character over the first 17.
/// </summary>
public sealed record CreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters the standard uses, in value order: I, O, Z, S and V are left out (they look like 1, 0, 2, 5 and U).</summary>
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 3^(i−1) mod 31 for positions 1..17 (GB 32100-2015, 5.2).
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    /// <summary>The normalized code: 18 half-width characters, upper case.</summary>
    public string Value { get; }

    public char RegistrationAuthority => Value[0];
    public char OrganisationCategory => Value[1];
    public string DivisionCode => Value.Substring(2, 6);
    public string OrganisationCode => Value.Substring(8, 9);
    public char CheckCharacter => Value[17];

    /// <summary>Checks what a user typed and says what is wrong, if anything. Never throws.</summary>
    public static CreditCodeCheck Check(string? input)
    {
        var code = TypedText.Normalize(input);
        if (code.Length == 0)
            return CreditCodeCheck.Failed(code, CreditCodeProblem.Empty, CreditCodeErrors.Empty());
        if (code.Length != Length)
            return CreditCodeCheck.Failed(code, CreditCodeProblem.WrongLength, CreditCodeErrors.WrongLength(code.Length));
        for (var i = 0; i < Length; i++)
        {
            if (ValueOf(code[i]) < 0)
                return CreditCodeCheck.Failed(code, CreditCodeProblem.InvalidCharacter, CreditCodeErrors.InvalidCharacter(i + 1, code[i]), i + 1);
        }
        var division = code.Substring(2, 6);
        if (!division.All(char.IsAsciiDigit))
            return CreditCodeCheck.Failed(code, CreditCodeProblem.DivisionCodeNotDigits, CreditCodeErrors.DivisionCodeNotDigits(division));
        var expected = CheckCharacterOf(code.AsSpan(0, Length - 1));
        if (code[Length - 1] != expected)
            return CreditCodeCheck.Failed(code, CreditCodeProblem.WrongCheckCharacter, CreditCodeErrors.WrongCheckCharacter(expected, code[Length - 1]));
        return CreditCodeCheck.Passed(new CreditCode(code));
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out CreditCode? code)
    {
        code = Check(input).Code;
        return code is not null;
    }

    /// <exception cref="FormatException">The input is not a valid code; the message says why in both languages.</exception>
    public static CreditCode Parse(string input)
    {
        var check = Check(input);
        return check.Code ?? throw new FormatException(check.Message!.ToString());
    }

    /// <summary>
    /// The full code for the first 17 characters (already upper-case, half-width): for test and demo data, never
    /// for repairing what a user typed.
    /// </summary>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
            throw new ArgumentException("Expected the first 17 characters of a credit code.", nameof(first17));
        if (first17.Any(c => ValueOf(c) < 0))
            throw new ArgumentException($"'{first17}' contains a character outside {Charset}.", nameof(first17));
        return first17 + CheckCharacterOf(first17);
    }

    public override string ToString() => Value;

    /// <summary>The character's value 0–30 in <see cref="Charset"/>, or −1 when the standard does not use it.</summary>
    private static int ValueOf(char c) => Charset.IndexOf(c, StringComparison.Ordinal);

    private static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++) sum += ValueOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Charset[check == 31 ? 0 : check];
    }
}
