namespace PolicyPortal.Web.Hosting;

/// <summary>A small page of its own for answers sent before any page component runs (413, 429): text only, no script.</summary>
internal static class MessagePage
{
    // Chinese stays characters, as on every other page.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static async Task WriteAsync(HttpContext context, int status, string titleZh, string textZh, string textEn)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var e = Encoder;
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{e.Encode(titleZh)}</title><link rel=\"stylesheet\" href=\"/lib/bootstrap.min.css\"></head>" +
            $"<body class=\"container py-5\"><h1 class=\"h4\">{e.Encode(titleZh)}</h1><p data-testid=\"message\">{e.Encode(textZh)}</p>" +
            $"<p class=\"text-secondary\" lang=\"en\">{e.Encode(textEn)}</p><p><a href=\"/\">返回首页 / Home</a></p></body></html>");
    }
}
