using PolicyPortal.Domain.Enterprises;

namespace PolicyPortal.Domain.Tests.Enterprises;

/// <summary>Masked contact details: the first three and last four digits of a phone, the first character and domain of an e-mail.</summary>
public class ContactMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("010-62345678", "010****5678")]
    [InlineData("+8613812345678", "+86****5678")]
    [InlineData("12345678", "123****5678")]
    [InlineData("1234567", "****7")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_phone_number_keeps_its_first_three_and_last_four_characters(string? phone, string expected) =>
        Assert.Equal(expected, ContactMask.Phone(phone));

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("z@example.com", "z***@example.com")]
    [InlineData("王五@例子.中国", "王***@例子.中国")]
    [InlineData("a.b@c@example.com", "a***@example.com")]
    [InlineData("@example.com", "***")]
    [InlineData("no-at-sign", "***")]
    [InlineData("", "")]
    public void An_email_keeps_its_first_character_and_its_domain(string? email, string expected) =>
        Assert.Equal(expected, ContactMask.Email(email));

    [Fact]
    public void The_mask_does_not_tell_how_much_was_hidden()
    {
        Assert.Equal(ContactMask.Phone("13812345678").Length, ContactMask.Phone("138123456789999").Length);
        Assert.Equal(ContactMask.Email("a@x.cn").Length, ContactMask.Email("averyveryverylongname@x.cn").Length);
    }

    [Fact]
    public void Either_kind_is_told_apart_by_the_at_sign_and_a_person_is_name_and_masked_phone()
    {
        Assert.Equal("z***@example.com", ContactMask.Any("zhang@example.com"));
        Assert.Equal("138****5678", ContactMask.Any("13812345678"));
        Assert.Equal("张三 138****5678", ContactMask.Person("张三", "13812345678"));
        Assert.Equal("138****5678", ContactMask.Person("", "13812345678"));
        Assert.Equal("张三", ContactMask.Person("张三", ""));
    }

    [Fact]
    public void No_digit_of_the_middle_survives_for_any_mobile_number()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var middle = random.Next(0, 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var masked = ContactMask.Phone($"139{middle}0000");
            Assert.Equal("139****0000", masked);
        }
    }
}
