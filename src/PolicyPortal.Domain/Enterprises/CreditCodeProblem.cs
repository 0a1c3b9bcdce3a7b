namespace PolicyPortal.Domain.Enterprises;

/// <summary>What is wrong with a typed credit code, checked in this order (the first one found is reported).</summary>
public enum CreditCodeProblem
{
    Empty,
    WrongLength,
    /// <summary>A character outside the standard's 31 (I, O, Z, S, V, punctuation, Chinese characters …).</summary>
    InvalidCharacter,
    /// <summary>Positions 3–8, the administrative division code, are not all digits.</summary>
    DivisionCodeNotDigits,
    /// <summary>The 18th character does not match the first 17: most likely a typo somewhere.</summary>
    WrongCheckCharacter,
}
