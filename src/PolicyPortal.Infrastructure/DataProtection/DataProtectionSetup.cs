using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyPortal.Infrastructure.DataProtection;

/// <summary>
/// Data Protection (auth cookies, antiforgery tokens, Identity's tokens) with its keys in the portal's database and one
/// application name, so any number of instances on one database protect and unprotect with the same keys.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The application discriminator: the same on every instance whatever its content root.</summary>
    public const string ApplicationName = "PolicyPortal";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, bool postgres)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddHostedService(sp => new KeyRingWarmup(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IDataProtectionProvider>(),
            sp.GetRequiredService<ILogger<KeyRingWarmup>>(), postgres));
        return services;
    }
}
