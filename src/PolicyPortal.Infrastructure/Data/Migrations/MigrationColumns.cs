using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Column helpers shared by the hand-written migrations.</summary>
internal static class MigrationColumns
{
    /// <summary>A database-generated key on both providers: identity on PostgreSQL, AUTOINCREMENT on SQLite.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
        .Annotation("Sqlite:Autoincrement", true);
}
