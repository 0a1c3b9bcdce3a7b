using System.Globalization;
using Npgsql;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Web.Features.Benchmark;

/// <summary>
/// The review queue's query as raw Npgsql, for the benchmark's EF-against-raw comparison. <see cref="QueueSql"/> is, character
/// for character, what EF Core generates for the benchmark's filter (pending, a minimum amount, a keyset position, oldest
/// first) in one district; a test compares the two, so a change to <see cref="ReviewQueue"/> cannot leave this one behind.
/// </summary>
internal static class ReferenceQueries
{
    public const string QueueSql = """
        SELECT a."Id", a."TrackingNumber", a."District", e."Name", e."CreditCode", a."Status", a."SubmittedAt", a."FrozenTotalFen", a."ReviewDueDay", a."ContactName", a."ContactPhone"
        FROM "Applications" AS a
        INNER JOIN "Enterprises" AS e ON a."EnterpriseId" = e."Id"
        WHERE a."Status" <> 'Draft' AND a."District" = @district AND a."Status" IN ('Submitted', 'UnderReview', 'AwaitingSecondReview', 'ReturnedForSupplement') AND a."FrozenTotalFen" >= @minFen AND a."Id" > @id
        ORDER BY a."Id"
        LIMIT @p
        """;

    public static async Task<List<QueueRow>> QueueRawAsync(NpgsqlDataSource data, string district, QueueFilter filter, CancellationToken ct)
    {
        if (filter is not { Status: "pending", Sort: "oldest", Clause: null, Search: null, MaxWan: null, Overdue: false, MinWan: { } minWan, After: { } after }
            || !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            throw new BadHttpRequestException("the raw queue takes exactly the benchmark's filter: min=<wan>&after=<id>");
        await using var connection = await data.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(QueueSql, connection);
        cmd.Parameters.AddWithValue("district", district);
        cmd.Parameters.AddWithValue("minFen", (long)(minWan * 1_000_000m));
        cmd.Parameters.AddWithValue("id", afterId);
        cmd.Parameters.AddWithValue("p", ReviewQueue.PageSize + 1);
        await cmd.PrepareAsync(ct);
        var rows = new List<QueueRow>(ReviewQueue.PageSize + 1);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new QueueRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Enum.Parse<ApplicationStatus>(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetInt32(8),
                PolicyPortal.Domain.Enterprises.ContactMask.Person(reader.GetString(9), reader.GetString(10))));
        }
        return rows;
    }
}
