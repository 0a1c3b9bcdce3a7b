using System.Globalization;

namespace PolicyPortal.Domain.Enterprises;

/// <summary>The wording of each credit-code problem: every message names what is wrong and where.</summary>
internal static class CreditCodeErrors
{
    public static BilingualText Empty() => new(
        "请填写统一社会信用代码",
        "Enter the unified social credit code");

    public static BilingualText WrongLength(int length) => new(
        string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码应为 18 位，当前 {length} 位"),
        string.Create(CultureInfo.InvariantCulture, $"The unified social credit code must have 18 characters, got {length}"));

    public static BilingualText InvalidCharacter(int position, char c) => "IOZSV".Contains(c, StringComparison.Ordinal)
        ? new(
            string.Create(CultureInfo.InvariantCulture, $"第 {position} 位“{c}”不是有效字符（不使用 I、O、Z、S、V）"),
            string.Create(CultureInfo.InvariantCulture, $"Character {position} '{c}' is not valid (the code never uses I, O, Z, S or V)"))
        : new(
            string.Create(CultureInfo.InvariantCulture, $"第 {position} 位“{c}”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）"),
            string.Create(CultureInfo.InvariantCulture, $"Character {position} '{c}' is not valid (only digits and capital letters other than I, O, Z, S and V)"));

    public static BilingualText DivisionCodeNotDigits(string division) => new(
        $"第 3–8 位行政区划码应为数字，当前为“{division}”",
        $"Characters 3–8 (the administrative division code) must be digits, got '{division}'");

    public static BilingualText WrongCheckCharacter(char expected, char actual) => new(
        $"校验位应为“{expected}”，当前为“{actual}”，请核对是否输错",
        $"The check character should be {expected}, got {actual}; check the code for a typo");
}
