using System.Security.Cryptography;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// RFC 6238 computed independently of the portal, as an authenticator app would: HMAC-SHA1 over the 30-second step count,
/// dynamic truncation (RFC 4226), six digits; the shared key in RFC 4648 base32. (Also compiled into the browser tests.)
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; HMAC keeps SHA-1 sound here
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A code for the current step, waiting for the next step when this one has under 3 s left (so it is not stale on
    /// arrival) or when its code is one already used (the portal accepts each code once).
    /// </summary>
    public static async Task<string> FreshCodeAsync(string base32Key, params string[] used)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var left = 30 - (now.ToUnixTimeMilliseconds() % 30_000) / 1000.0;
            var code = Code(base32Key, now);
            if (left >= 3 && !used.Contains(code, StringComparer.Ordinal)) return code;
            await Task.Delay(TimeSpan.FromSeconds(left + 0.2));
        }
    }

    /// <summary>The key as the portal shows it ("abcd efgh …") back to RFC 4648 base32.</summary>
    public static string KeyFromDisplay(string shown) => new string(shown.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static byte[] Base32(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = key.TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
