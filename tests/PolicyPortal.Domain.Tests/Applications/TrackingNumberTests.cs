using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests.Applications;

/// <summary>受理编号: district prefix, year, sequence and an ISO 7064 MOD 11-2 check character that catches typos.</summary>
public class TrackingNumberTests
{
    [Fact]
    public void Check_character_of_a_Shijingshan_number_is_computed_by_hand()
    {
        // Payload SJS2026000123, letters A=10 … Z=35 (S=28, J=19); p = (p + value) × 2 mod 11 from p = 0:
        // S: (0+28)×2=56→1; J: (1+19)×2=40→7; S: (7+28)×2=70→4; 2: (4+2)×2=12→1; 0: 2; 2: (2+2)×2=8;
        // 6: (8+6)×2=28→6; 0: 12→1; 0: 2; 0: 4; 1: (4+1)×2=10; 2: (10+2)×2=24→2; 3: (2+3)×2=10.
        // check = (12 − 10) mod 11 = 2
        var number = TrackingNumber.Create("shijingshan", 2026, 123);
        Assert.Equal("SJS-2026-000123-2", number.Value);
        Assert.Equal("SJS-2026-000123-2", number.ToString());
        Assert.Equal('2', number.CheckCharacter);
    }

    [Fact]
    public void Check_is_the_resident_ID_number_algorithm()
    {
        // GB 11643's example ID number 11010519491231002X: the same MOD 11-2 check gives X.
        Assert.Equal('X', TrackingNumber.CheckCharacterOf("11010519491231002"));
    }

    [Fact]
    public void Check_value_10_is_written_X()
    {
        Assert.Equal("BJ-2026-000001-X", TrackingNumber.Create("binjiang", 2026, 1).Value);
    }

    [Theory]
    [InlineData("fengtai", "FT")]
    [InlineData("shijingshan", "SJS")]
    [InlineData("yizhuang", "YZ")]
    [InlineData("tongzhou", "TZ")]
    [InlineData("binjiang", "BJ")]
    public void Each_district_has_its_prefix(string district, string prefix)
    {
        var number = TrackingNumber.Create(district, 2026, 42);
        Assert.Equal(prefix, number.Prefix);
        Assert.StartsWith(prefix + "-2026-000042-", number.Value, StringComparison.Ordinal);
        Assert.Equal(prefix, TrackingNumber.PrefixOf(district));
    }

    [Fact]
    public void Every_catalog_district_has_a_prefix()
    {
        Assert.All(Districts.All, d => Assert.NotNull(TrackingNumber.PrefixOf(d)));
    }

    [Fact]
    public void Created_numbers_parse_back_to_the_same_parts()
    {
        foreach (var district in Districts.All)
            foreach (var sequence in new long[] { 1, 9, 123, 99_999, 999_999 })
            {
                var created = TrackingNumber.Create(district, 2026, sequence);
                Assert.True(TrackingNumber.TryParse(created.Value, out var parsed), created.Value);
                Assert.Equal(created, parsed);
                Assert.Equal(district, parsed.District);
                Assert.Equal(2026, parsed.Year);
                Assert.Equal(sequence, parsed.Sequence);
            }
    }

    [Theory]
    [InlineData("sjs-2026-000123-2")]
    [InlineData("  SJS-2026-000123-2 ")]
    [InlineData("SJS - 2026 - 000123 - 2")]
    [InlineData("ＳＪＳ－２０２６－０００１２３－２")]
    public void What_people_type_is_accepted(string input)
    {
        Assert.True(TrackingNumber.TryParse(input, out var number));
        Assert.Equal("SJS-2026-000123-2", number.Value);
    }

    [Fact]
    public void Lower_case_x_is_accepted()
    {
        Assert.True(TrackingNumber.TryParse("bj-2026-000001-x", out var number));
        Assert.Equal('X', number.CheckCharacter);
    }

    [Fact]
    public void Every_single_wrong_digit_is_caught()
    {
        const string valid = "SJS-2026-000123-2";
        for (var i = 4; i < valid.Length; i++)
        {
            if (valid[i] == '-') continue;
            foreach (var c in "0123456789X")
            {
                if (c == valid[i]) continue;
                var typo = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                Assert.False(TrackingNumber.TryParse(typo, out _), typo);
            }
        }
    }

    [Fact]
    public void Every_swap_of_neighbouring_digits_is_caught()
    {
        foreach (var valid in new[] { "SJS-2026-000123-2", TrackingNumber.Create("tongzhou", 2025, 480_317).Value })
            for (var i = 0; i < valid.Length - 1; i++)
            {
                if (!char.IsAsciiDigit(valid[i]) || !char.IsAsciiDigit(valid[i + 1]) || valid[i] == valid[i + 1]) continue;
                var swapped = string.Concat(valid.AsSpan(0, i), $"{valid[i + 1]}{valid[i]}", valid.AsSpan(i + 2));
                Assert.False(TrackingNumber.TryParse(swapped, out _), swapped);
            }
    }

    [Fact]
    public void Tongzhou_number_with_Yizhuang_prefix_is_caught()
    {
        // TZ and YZ differ by one letter; T=29 and Y=34 differ by 5, not a multiple of 11, so the check changes.
        var tongzhou = TrackingNumber.Create("tongzhou", 2026, 42).Value;
        Assert.False(TrackingNumber.TryParse("YZ" + tongzhou[2..], out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SJS-2026-000123")] // no check character
    [InlineData("SJS-2026-123-2")] // sequence not six digits
    [InlineData("SJS-26-000123-2")] // two-digit year
    [InlineData("HD-2026-000123-2")] // no such district prefix
    [InlineData("SJS2026000123-2")] // hyphens are part of the number
    [InlineData("SJS-2026-000000-3")] // sequences start at 1
    [InlineData("SJS-1999-000123-2")] // year out of range
    [InlineData("SJS-2026-00012A-2")]
    public void Malformed_numbers_are_refused(string? input)
    {
        Assert.False(TrackingNumber.TryParse(input, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void Unknown_district_or_out_of_range_parts_are_refused_by_Create()
    {
        Assert.Throws<ArgumentException>(() => TrackingNumber.Create("haidian", 2026, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.Create("fengtai", 1999, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.Create("fengtai", 2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.Create("fengtai", 2026, 1_000_000));
    }
}
