using Microsoft.EntityFrameworkCore;

namespace PolicyPortal.Infrastructure.DataProtection;

/// <summary>One ASP.NET Core Data Protection key (its XML element as written by the key manager), shared by every instance.</summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }
    /// <summary>The key manager's name for the element ("key-&lt;guid&gt;", "revocation-…").</summary>
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";

    /// <summary>The table's model; must match the DataProtectionKeys migration exactly (MigrationSchemaTests).</summary>
    internal static void Configure(ModelBuilder builder) => builder.Entity<DataProtectionKey>(key =>
    {
        key.ToTable("DataProtectionKeys");
        key.Property(k => k.FriendlyName).HasMaxLength(200);
    });
}
