using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.DataProtection;

/// <summary>
/// Data Protection's key ring in the portal's database (table DataProtectionKeys), so every instance reads and writes
/// the same keys: a cookie or antiforgery token issued by one instance is readable by all. The key manager holds this
/// repository as a singleton, so each call takes its own scope and DbContext. The key manager caches what it reads
/// (24 hours, or until a key it does not know turns up within two minutes of start), so these calls are rare.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return rows.Where(xml => !string.IsNullOrWhiteSpace(xml)).Select(xml => XElement.Parse(xml)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName is { Length: > 200 } ? friendlyName[..200] : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
