using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace PolicyPortal.Integration.Tests.Web;

/// <summary>
/// Generates malformed request bodies, query strings and form posts from a <see cref="Random"/>: wrong types, huge and
/// tiny numbers (1e400), NaN and Infinity, negative amounts, deep JSON, invalid UTF-8, over-long strings, missing and
/// extra fields, wrong content types. Everything is drawn from the given Random, so a seed reproduces a case exactly.
/// </summary>
public sealed class MalformedInput(Random random)
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "-1", "-0.01", "1e400", "-1e400", "1e-400", "1E+308", "NaN", "-NaN", "Infinity", "-Infinity", "∞",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "9223372036854775808",
        "0.0000000000000000000000000001", "123456789012345678901234567890.123", "1,000,000", "１２３", "٣٠٠", "0x10", "+5", " 5 ",
        "5.", ".5", "1e5", "1_000", "10000000000000", "10000000000001", "99999999999999999999", "2147483648", "-2147483649", "00000000000000000001",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "\t\r\n", "\0", "null", "undefined", "true", "[]", "{}", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE \"Applications\"; --", "../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%ff%fe", "\u202Eevil\u202C", "😀👍🏽", "\uFEFF",
        "示例科技有限公司", "石景山", "shijingshan", "shijingshan.7.1", "yizhuang.1.1", "binjiang", "SHIJINGSHAN", "shijingshan ", "A\u0301", "\u0000\u0001\u001f",
        "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "@(1+1)", "\\u0000", "\r\nSet-Cookie: x=1",
    ];

    public int Next(int max) => random.Next(max);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A nasty string of some kind: a number-ish text, an attack string, a long or binary-looking string.</summary>
    public string Text() => random.Next(10) switch
    {
        0 or 1 or 2 => Pick(Numbers),
        3 or 4 or 5 => Pick(Texts),
        6 => new string(Pick(['x', '中', '9', ' ', '\u3000']), Pick([101, 201, 256, 4001, 70_000])),
        7 => Garbage(random.Next(1, 64)),
        8 => Pick(Numbers) + Pick(Texts),
        _ => random.Next(-1_000_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Random characters from awkward ranges (control characters, surrogates left unpaired, private use).</summary>
    private string Garbage(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = (char)(random.Next(4) switch { 0 => random.Next(0, 32), 1 => random.Next(0xD800, 0xE000), 2 => random.Next(0xE000, 0xF900), _ => random.Next(32, 0x3000) });
        return new string(chars);
    }

    /// <summary>A JSON value of a random kind, sometimes not valid JSON at all (NaN, 1e400 as a literal, a deep array).</summary>
    public string JsonValue(int depth = 0) => random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => Pick(Numbers) is var n && (n.Length > 0 && (char.IsDigit(n[0]) || n[0] == '-')) ? n : "1e400",
        1 => Quote(Text()),
        2 => Pick(["true", "false", "null"]),
        3 => Pick(["NaN", "Infinity", "-Infinity", "undefined", "'single'", "01", "1.", ".5", "+1", "0x1F"]), // not JSON
        4 => random.Next(-1000, 1_000_000).ToString(CultureInfo.InvariantCulture),
        5 => Deep(Pick([5, 20, 64, 65, 1000, 20_000])),
        6 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => JsonValue(depth + 1))) + "]",
        7 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => $"{Quote(Text())}:{JsonValue(depth + 1)}")) + "}",
        _ => Quote(Pick(Numbers)),
    };

    private string Deep(int levels) => random.Next(2) == 0
        ? new string('[', levels) + new string(']', levels)
        : string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < 32) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A body for POST /api/v1/calculations: a valid request with some of its parts broken, or something else entirely.</summary>
    public HttpContent CalculationBody()
    {
        string json;
        if (Chance(0.1))
        {
            json = Pick(["", " ", "null", "[]", "{}", "\"text\"", "1e400", "{", "}", "{\"district\":", "\uFEFF{}", "{\"district\":\"shijingshan\",\"district\":1}"]);
        }
        else
        {
            var fields = new List<(string Key, string Value)>
            {
                ("district", Quote("shijingshan")), ("year", "2026"),
                ("claims", "[" + string.Join(",", Enumerable.Range(0, Chance(0.05) ? Pick([0, 501, 3000]) : 1 + random.Next(3)).Select(_ => Claim())) + "]"),
            };
            if (Chance(0.3)) fields.Add(("priorAwards", "[{\"clause\":\"shijingshan.7.1\",\"project\":\"p\",\"year\":" + Pick(["2025", "2026", "1e400", "-1", "\"x\""]) + ",\"granted\":" + JsonValue(3) + "}]"));
            if (Chance(0.2)) fields.Add(("poolUsed", "{" + Quote(Text()) + ":" + JsonValue(3) + "}"));
            for (var i = 0; i < fields.Count; i++)
                if (Chance(0.3)) fields[i] = (fields[i].Key, JsonValue());
            if (Chance(0.15)) fields.RemoveAt(random.Next(fields.Count));
            if (Chance(0.15)) fields.Add((Pick(["status", "approvedFen", "owner", "District", "__proto__", Text()]), JsonValue()));
            json = "{" + string.Join(",", fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}";
            if (Chance(0.05)) json = json[..random.Next(json.Length)]; // truncated
        }
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        if (Chance(0.08)) bytes.InsertRange(random.Next(bytes.Count + 1), Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00], [0xE2, 0x82]]));
        var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = random.Next(12) switch
        {
            0 => null,
            1 => new MediaTypeHeaderValue("text/plain"),
            2 => new MediaTypeHeaderValue("application/x-www-form-urlencoded"),
            3 => MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz"),
            4 => MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1"),
            5 => new MediaTypeHeaderValue("application/xml"),
            _ => MediaTypeHeaderValue.Parse("application/json; charset=utf-8"),
        };
        return content;
    }

    private string Claim()
    {
        var fields = new List<(string Key, string Value)>
        {
            ("id", Quote("c" + random.Next(1000).ToString(CultureInfo.InvariantCulture))),
            ("clause", Quote(Pick(["shijingshan.7.1", "shijingshan.6.2", "shijingshan.1.1", "yizhuang.1.1", "nope", ""]))),
            ("project", Quote("项目")),
            ("amount", Pick(["400000", "-400000", "0", "1e400", "79228162514264337593543950335", "0.001", "\"400000\"", "null"])),
        };
        if (Chance(0.3)) fields.Add(("requested", JsonValue(3)));
        if (Chance(0.3)) fields.Add(("tier", JsonValue(3)));
        if (Chance(0.3)) fields.Add(("inputs", "{" + Quote(Pick(["area", "equipment", "software", "lpr", "interestPaid", Text()])) + ":" + JsonValue(3) + "}"));
        for (var i = 0; i < fields.Count; i++)
            if (Chance(0.2)) fields[i] = (fields[i].Key, JsonValue(2));
        if (Chance(0.1)) fields.RemoveAt(random.Next(fields.Count));
        return "{" + string.Join(",", fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}";
    }

    /// <summary>A query string from the base fields with values replaced, dropped, repeated and added.</summary>
    public string Query(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", Mutate(fields).Select(kv => $"{Escape(kv.Key)}={Escape(kv.Value)}"));

    /// <summary>The base form fields (plus the hidden ones, which are kept unless <paramref name="hidden"/> breaks are chosen) mutated.</summary>
    public List<KeyValuePair<string, string>> Mutate(IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string>? hidden = null)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in fields)
        {
            if (Chance(0.1)) continue; // missing
            list.Add(new(key, Chance(0.6) ? Text() : value));
            if (Chance(0.05)) list.Add(new(key, Text())); // repeated
        }
        if (Chance(0.2)) list.Add(new(Pick(["Input.Status", "Input.OwnerUserId", "Input.Id", "status", "amountFen", "__proto__", Text()]), Text()));
        foreach (var (key, value) in hidden ?? new Dictionary<string, string>())
        {
            if (Chance(0.03)) continue; // no token, no handler
            list.Add(new(key, Chance(0.03) ? Text() : value));
        }
        return list;
    }

    /// <summary>A form body: usually url-encoded, sometimes with invalid UTF-8 bytes, sometimes with the wrong content type.</summary>
    public HttpContent FormBody(List<KeyValuePair<string, string>> fields)
    {
        var encoded = string.Join("&", fields.Select(kv => $"{Escape(kv.Key)}={Escape(kv.Value)}"));
        var bytes = Encoding.ASCII.GetBytes(encoded).ToList();
        switch (random.Next(14))
        {
            case 0: bytes.AddRange("&x=%FF%FE%C3%28"u8.ToArray()); break; // percent-encoded invalid UTF-8
            case 1: bytes.InsertRange(random.Next(bytes.Count + 1), new byte[] { 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80 }); break; // raw invalid bytes
            case 2: bytes.AddRange("&%=%%&==&&a=%zz"u8.ToArray()); break; // broken escapes
        }
        var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = random.Next(20) switch
        {
            0 => new MediaTypeHeaderValue("application/json"),
            1 => new MediaTypeHeaderValue("text/plain"),
            2 => MediaTypeHeaderValue.Parse("multipart/form-data; boundary=----x"),
            3 => null,
            4 => MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-16"),
            _ => new MediaTypeHeaderValue("application/x-www-form-urlencoded"),
        };
        return content;
    }

    private static string Escape(string text)
    {
        // Uri.EscapeDataString refuses unpaired surrogates; the UTF-8 encoder turns them into U+FFFD, as a browser would.
        var bytes = Encoding.UTF8.GetBytes(text);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~') sb.Append((char)b);
            else sb.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }
        return sb.ToString();
    }
}
