using System.Globalization;
using Microsoft.AspNetCore.Identity;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Web.Features.Account;

/// <summary>
/// A TOTP code is accepted once (RFC 6238 §5.2, ASVS 2.8.4). Identity accepts a code for a couple of 30-second steps either
/// side of now and does not remember it, so the last accepted code is kept with the user (AspNetUserTokens) and refused
/// again for five minutes — longer than Identity's whole window.
/// </summary>
internal sealed class TotpReplayGuard(UserManager<PortalUser> users, TimeProvider clock)
{
    private const string Provider = "[PolicyPortal]";
    private const string Name = "LastAuthenticatorCode";
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(5);

    public async Task<bool> WasUsedAsync(PortalUser user, string code)
    {
        var last = await users.GetAuthenticationTokenAsync(user, Provider, Name);
        var parts = last?.Split(':');
        return parts is [var at, var used]
               && string.Equals(used, code, StringComparison.Ordinal)
               && long.TryParse(at, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
               && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) < Memory;
    }

    public Task RememberAsync(PortalUser user, string code) => users.SetAuthenticationTokenAsync(user, Provider, Name,
        $"{clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:{code}");
}
