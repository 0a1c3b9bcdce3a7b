using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>
/// The one-time token in a staff invitation link: Identity's data-protected token with a lifespan of its own
/// (<see cref="Lifespan"/>, not the one-day default of password resets). It is bound to the account's security stamp, so it
/// stops working once the password is set, when the invitation is sent again, or when the account is disabled.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "StaffInvitation";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = InvitationTokenProvider.Lifespan;
    }
}
