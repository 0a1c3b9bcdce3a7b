using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Web.Features.Benchmark;

/// <summary>
/// The load benchmark's reference endpoints (docs/performance.md, "Load benchmarks"): the yardsticks the real pages are
/// measured against in the same run, on the same database. They exist only when <c>Benchmark:ReferenceEndpoints=true</c>
/// and the database is PostgreSQL: otherwise nothing is registered or mapped, so production has no such routes at all.
/// They are anonymous (wrk sends no cookie to them) and must never be switched on where the portal faces users.
/// </summary>
internal static class ReferenceEndpoints
{
    public const string Flag = "Benchmark:ReferenceEndpoints";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool>(Flag) && string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static void AddReferenceEndpoints(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration)) return;
        var connectionString = InfrastructureSetup.PostgresConnectionString(builder.Configuration.GetConnectionString(InfrastructureSetup.ConnectionStringName)!);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
    }

    public static void MapReferenceEndpoints(this WebApplication app)
    {
        if (!Enabled(app.Configuration)) return;
        var bench = app.MapGroup("/bench").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();

        // TechEmpower's "single query": one row by a random primary key, a prepared statement on a pooled connection.
        bench.MapGet("/single-row", async (NpgsqlDataSource data, CancellationToken ct) =>
        {
            var (min, max) = await IdRange.GetAsync(data, ct);
            await using var connection = await data.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT \"Id\", \"TrackingNumber\", \"Status\", \"FrozenTotalFen\" FROM \"Applications\" WHERE \"Id\" = $1", connection);
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Random.Shared.NextInt64(min, max + 1) });
            await cmd.PrepareAsync(ct);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return Results.NotFound();
            return Results.Json(new
            {
                id = reader.GetInt64(0), trackingNumber = reader.IsDBNull(1) ? null : reader.GetString(1), status = reader.GetString(2),
                frozenTotalFen = reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3),
            });
        });

        // The queue page's query (same filter from the same query string) run raw: the SQL EF Core generates, through Npgsql.
        bench.MapGet("/queue-raw", async (HttpContext http, NpgsqlDataSource data, CancellationToken ct) =>
            Results.Json(await ReferenceQueries.QueueRawAsync(data, District(http), QueueFilter.Read(http.Request.Query), ct)));

        // The same query through EF Core alone (no page around it): EF against raw on identical SQL.
        bench.MapGet("/queue-ef", async (HttpContext http, ReviewQueue queue, CancellationToken ct) =>
            Results.Json(await queue.Query(ReviewerOf(District(http)), QueueFilter.Read(http.Request.Query)).ToListAsync(ct)));

        // The enterprise's submission as the editor's submit button runs it (ApplicationService.SubmitAsync: the engine, the
        // frozen figures, the tracking number, the audit entry and the inbox notice, in one SaveChanges), without the
        // sign-in cookie, the antiforgery check and the page re-render around it.
        bench.MapPost("/submit/{id:long}", async (long id, HttpContext http, PortalDbContext db, ApplicationService applications, CancellationToken ct) =>
        {
            var owner = await db.Enterprises.SingleOrDefaultAsync(e => db.Applications.Any(a => a.Id == id && a.EnterpriseId == e.Id), ct);
            var application = owner is null ? null : await applications.FindAsync(owner, id, ct);
            if (owner is null || application is null) return Results.NotFound();
            var outcome = await applications.SubmitAsync(application, Guid.NewGuid(),
                new Infrastructure.Audit.AuditActor(owner.OwnerUserId, owner.CreditCode, http.Connection.RemoteIpAddress?.ToString()), ct);
            return outcome.Ok ? Results.Ok(new { id, application.TrackingNumber }) : Results.Conflict(new { id, error = outcome.Error?.En });
        });
    }

    private static string District(HttpContext http) => http.Request.Query["district"].ToString() is { Length: > 0 } d ? d : "shijingshan";

    /// <summary>A reviewer of the district, as the queue page's signed-in user would be.</summary>
    private static ClaimsPrincipal ReviewerOf(string district) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, PortalRoles.Reviewer), new Claim(PortalRoles.DistrictClaim, district)], "benchmark"));

    /// <summary>The applications' id range, read once: the single-row endpoint picks a random id inside it.</summary>
    private static class IdRange
    {
        private static (long Min, long Max)? _range;

        public static async ValueTask<(long Min, long Max)> GetAsync(NpgsqlDataSource data, CancellationToken ct)
        {
            if (_range is { } known) return known;
            await using var cmd = data.CreateCommand("SELECT coalesce(min(\"Id\"), 0), coalesce(max(\"Id\"), 0) FROM \"Applications\"");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var range = (reader.GetInt64(0), reader.GetInt64(1));
            _range = range;
            return range;
        }
    }
}
