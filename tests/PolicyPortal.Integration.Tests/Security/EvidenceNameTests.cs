using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>Uploaded file names as stored, shown and sent back: no path, no control or invisible characters, the sniffed type's extension.</summary>
public sealed class EvidenceNameTests
{
    [Theory]
    [InlineData("../../etc/passwd.pdf", EvidenceType.Pdf, "passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\报告.pdf", EvidenceType.Pdf, "报告.pdf")]
    [InlineData("发票\r\nSet-Cookie: x=1.pdf", EvidenceType.Pdf, "发票Set-Cookie x=1.pdf")]
    [InlineData("证书\u0000\u0007\u001b.png", EvidenceType.Png, "证书.png")]
    [InlineData("invoice\u202Efdp.exe", EvidenceType.Pdf, "invoicefdp.exe.pdf")] // a right-to-left override would show "invoiceexe.pdf"
    [InlineData("页面.html", EvidenceType.Pdf, "页面.html.pdf")]
    [InlineData("图.svg", EvidenceType.Png, "图.svg.png")]
    [InlineData("照片.JPEG", EvidenceType.Jpeg, "照片.JPEG")]
    [InlineData("\"<script>alert(1)</script>\".pdf", EvidenceType.Pdf, "script.pdf")] // "/" ends a path: what follows is the name
    [InlineData("a\"b<c>d|e:f*g?h.pdf", EvidenceType.Pdf, "abcdefgh.pdf")]
    [InlineData("...", EvidenceType.Ofd, "evidence.ofd")]
    [InlineData(null, EvidenceType.Pdf, "evidence.pdf")]
    [InlineData(".htaccess", EvidenceType.Pdf, "htaccess.pdf")]
    public void A_name_is_reduced_to_a_safe_file_name_with_the_sniffed_extension(string? uploaded, EvidenceType type, string expected) =>
        Assert.Equal(expected, EvidenceFile.SafeName(uploaded, type));

    [Fact]
    public void A_long_name_keeps_its_end_and_its_extension()
    {
        var name = EvidenceFile.SafeName(new string('长', 300) + ".pdf", EvidenceType.Pdf);
        Assert.Equal(100, name.Length);
        Assert.EndsWith("长.pdf", name, StringComparison.Ordinal);
    }
}
