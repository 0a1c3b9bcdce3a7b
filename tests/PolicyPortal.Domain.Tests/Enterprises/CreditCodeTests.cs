using PolicyPortal.Domain.Enterprises;

namespace PolicyPortal.Domain.Tests.Enterprises;

/// <summary>统一社会信用代码 (GB 32100-2015): the check character, normalization, and a message naming each problem.</summary>
public class CreditCodeTests
{
    // Character values: 0–9 → 0–9, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
    // Weights for positions 1..17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.

    [Fact]
    public void Check_character_of_a_Shijingshan_enterprise_code_is_computed_by_hand()
    {
        // 9 1 | 110107 (石景山区) | MA01ABCD3
        // 9×1 + 1×3 + 1×9 + 1×27 + 0×19 + 1×26 + 0×16 + 7×17 + M21×20 + A10×29 + 0×25 + 1×13 + A10×8 + B11×24 + C12×10 + D13×30 + 3×28
        // = 9 + 3 + 9 + 27 + 0 + 26 + 0 + 119 + 420 + 290 + 0 + 13 + 80 + 264 + 120 + 390 + 84 = 1854
        // 1854 mod 31 = 1854 − 59×31 = 25; 31 − 25 = 6 → "6"
        Assert.Equal("91110107MA01ABCD36", CreditCode.WithCheckCharacter("91110107MA01ABCD3"));
    }

    [Fact]
    public void Check_value_31_is_written_as_0()
    {
        // 9×1 + 1×3 + 1×9 + 1×27 + 0×19 + 1×26 + 0×16 + 8×17 + M21×20 + A10×29 + 0×25 + 1×13 + K19×8 + 5×24 + P23×10 + 2×30 + P23×28
        // = 9 + 3 + 9 + 27 + 0 + 26 + 0 + 136 + 420 + 290 + 0 + 13 + 152 + 120 + 230 + 60 + 644 = 2139 = 69×31
        // 2139 mod 31 = 0; 31 − 0 = 31 → 0
        Assert.Equal("91110108MA01K5P2P0", CreditCode.WithCheckCharacter("91110108MA01K5P2P"));
    }

    [Fact]
    public void Check_value_18_is_J_because_I_is_skipped()
    {
        // As above with the last X29 instead of P23: 2139 − 23×28 + 29×28 = 2139 + 168 = 2307
        // 2307 mod 31 = 2307 − 74×31 = 13; 31 − 13 = 18 → J (H is 17, I is not used)
        Assert.Equal("91110108MA01K5P2XJ", CreditCode.WithCheckCharacter("91110108MA01K5P2X"));
    }

    [Fact]
    public void Example_code_quoted_by_other_validators_agrees()
    {
        // 91350100M000100Y43 is the example many published validators use; its check character is 3 here too.
        Assert.True(CreditCode.Check("91350100M000100Y43").IsValid);
    }

    [Theory]
    [InlineData("91110107MA01ABCD3")] // 企业 (9 1), 石景山区
    [InlineData("91110106MA0000000")] // 企业, 丰台区
    [InlineData("91110112MA01W8XY2")] // 企业, 通州区
    [InlineData("91330108MA2CFX1T5")] // 企业, 杭州市滨江区
    [InlineData("12110000400000716")] // 事业单位 (1 2), 北京市
    [InlineData("52110112MA0000010")] // 民办非企业单位 (5 2), 通州区
    public void Codes_made_with_WithCheckCharacter_are_valid_and_split_into_their_parts(string first17)
    {
        var check = CreditCode.Check(CreditCode.WithCheckCharacter(first17));

        Assert.True(check.IsValid);
        Assert.Null(check.Problem);
        Assert.Null(check.Message);
        var code = check.Code;
        Assert.Equal(first17[0], code.RegistrationAuthority);
        Assert.Equal(first17[1], code.OrganisationCategory);
        Assert.Equal(first17[2..8], code.DivisionCode);
        Assert.Equal(first17[8..17], code.OrganisationCode);
        Assert.Equal(code.Value[17], code.CheckCharacter);
        Assert.Equal(code.Value, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")] // an ideographic (full-width) space
    public void Nothing_typed_is_Empty(string? input)
    {
        var check = CreditCode.Check(input);
        Assert.False(check.IsValid);
        Assert.Equal(CreditCodeProblem.Empty, check.Problem);
        Assert.Equal("", check.Normalized);
        Assert.Equal("请填写统一社会信用代码", check.Message!.Zh);
    }

    [Fact]
    public void Seventeen_characters_is_WrongLength_and_says_how_many()
    {
        var check = CreditCode.Check("91110107MA01ABCD3");
        Assert.Equal(CreditCodeProblem.WrongLength, check.Problem);
        Assert.Equal("统一社会信用代码应为 18 位，当前 17 位", check.Message!.Zh);
        Assert.Equal("The unified social credit code must have 18 characters, got 17", check.Message.En);
    }

    [Fact]
    public void Nineteen_characters_is_WrongLength()
    {
        var check = CreditCode.Check("91110107MA01ABCD360");
        Assert.Equal(CreditCodeProblem.WrongLength, check.Problem);
        Assert.Contains("当前 19 位", check.Message!.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Letter_I_is_an_InvalidCharacter_named_with_its_position()
    {
        var check = CreditCode.Check("9111I107MA01ABCD36");
        Assert.Equal(CreditCodeProblem.InvalidCharacter, check.Problem);
        Assert.Equal(5, check.Position);
        Assert.Equal("第 5 位“I”不是有效字符（不使用 I、O、Z、S、V）", check.Message!.Zh);
        Assert.Equal("Character 5 'I' is not valid (the code never uses I, O, Z, S or V)", check.Message.En);
    }

    [Theory]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Each_excluded_letter_is_an_InvalidCharacter(char letter)
    {
        var check = CreditCode.Check("91110107MA01ABCD3" + letter);
        Assert.Equal(CreditCodeProblem.InvalidCharacter, check.Problem);
        Assert.Equal(18, check.Position);
        Assert.Contains($"第 18 位“{letter}”", check.Message!.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_is_an_InvalidCharacter_with_the_general_explanation()
    {
        var check = CreditCode.Check("91110107-MA01ABCD3");
        Assert.Equal(CreditCodeProblem.InvalidCharacter, check.Problem);
        Assert.Equal(9, check.Position);
        Assert.Equal("第 9 位“-”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）", check.Message!.Zh);
    }

    [Fact]
    public void Letters_in_the_division_code_are_DivisionCodeNotDigits()
    {
        // A valid check character over a division code with a letter: only the digits rule can refuse it.
        var check = CreditCode.Check(CreditCode.WithCheckCharacter("9111A107MA01ABCD3"));
        Assert.Equal(CreditCodeProblem.DivisionCodeNotDigits, check.Problem);
        Assert.Equal("第 3–8 位行政区划码应为数字，当前为“11A107”", check.Message!.Zh);
        Assert.Equal("Characters 3–8 (the administrative division code) must be digits, got '11A107'", check.Message.En);
    }

    [Fact]
    public void One_mistyped_digit_is_WrongCheckCharacter_naming_both_characters()
    {
        // 91110107MA01ABCD36 with 110107 mistyped as 110108: the check character over the rest is no longer 6.
        var expected = CreditCode.WithCheckCharacter("91110108MA01ABCD3")[17];
        var check = CreditCode.Check("91110108MA01ABCD36");

        Assert.Equal(CreditCodeProblem.WrongCheckCharacter, check.Problem);
        Assert.Null(check.Position);
        Assert.Equal($"校验位应为“{expected}”，当前为“6”，请核对是否输错", check.Message!.Zh);
        Assert.Equal($"The check character should be {expected}, got 6; check the code for a typo", check.Message.En);
    }

    [Fact]
    public void Every_single_substitution_of_a_valid_code_is_refused()
    {
        // Weights are non-zero and 31 is prime, so changing one character always changes the sum mod 31.
        const string valid = "91110107MA01ABCD36";
        for (var i = 0; i < 18; i++)
            foreach (var c in CreditCode.Charset)
            {
                if (c == valid[i]) continue;
                var typo = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                Assert.False(CreditCode.Check(typo).IsValid, typo);
            }
    }

    [Fact]
    public void Lower_case_is_upper_cased()
    {
        var check = CreditCode.Check("91110107ma01abcd36");
        Assert.True(check.IsValid);
        Assert.Equal("91110107MA01ABCD36", check.Normalized);
    }

    [Fact]
    public void Full_width_digits_and_letters_are_converted()
    {
        // As typed with a Chinese IME in full-width mode.
        var check = CreditCode.Check("９１１１０１０７ＭＡ０１ａｂｃｄ３６");
        Assert.True(check.IsValid);
        Assert.Equal("91110107MA01ABCD36", check.Code.Value);
    }

    [Theory]
    [InlineData("  91110107MA01ABCD36  ")]
    [InlineData("\t91110107MA01ABCD36\r\n")]
    [InlineData("\u300091110107MA01ABCD36\u3000")]
    [InlineData("9111 0107 MA01 ABCD 36")]
    public void Whitespace_anywhere_is_dropped(string input)
    {
        var check = CreditCode.Check(input);
        Assert.True(check.IsValid);
        Assert.Equal("91110107MA01ABCD36", check.Normalized);
    }

    [Fact]
    public void Normalized_input_is_kept_when_invalid_to_show_it_back()
    {
        Assert.Equal("9111I107MA01ABCD36", CreditCode.Check(" 9111i107ma01abcd36 ").Normalized);
    }

    [Fact]
    public void TryParse_gives_the_code_only_when_valid()
    {
        Assert.True(CreditCode.TryParse("91110107ma01abcd36", out var code));
        Assert.Equal("91110107MA01ABCD36", code.Value);
        Assert.False(CreditCode.TryParse("91110107MA01ABCD37", out var none));
        Assert.Null(none);
        Assert.False(CreditCode.TryParse(null, out _));
    }

    [Fact]
    public void Parse_throws_with_both_messages()
    {
        var e = Assert.Throws<FormatException>(() => CreditCode.Parse("91110107MA01ABCD3"));
        Assert.Contains("当前 17 位", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 17", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_with_the_same_characters_are_equal()
    {
        Assert.Equal(CreditCode.Parse("91110107MA01ABCD36"), CreditCode.Parse("91110107ma01abcd36"));
    }

    [Theory]
    [InlineData("91110107MA01ABCD")]
    [InlineData("91110107MA01ABCD36")]
    [InlineData("91110107MA01ABCDI")]
    [InlineData("91110107ma01abcd3")]
    public void WithCheckCharacter_refuses_anything_but_17_valid_characters(string first17)
    {
        Assert.Throws<ArgumentException>(() => CreditCode.WithCheckCharacter(first17));
    }
}
