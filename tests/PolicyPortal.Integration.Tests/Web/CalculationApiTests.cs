using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Web;

/// <summary>The public calculation API on PostgreSQL: listing, calculation with explanation, bilingual 400s (never 500), 429, OpenAPI.</summary>
public sealed class CalculationApiTests() : PostgresAppTest("api"), IDisposable
{
    private HttpClient? _http;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PublicApiPerMinute"] = "10000" };

    private HttpClient Client => _http ??= Factory.CreateClient();

    public void Dispose() => _http?.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/v1/calculations", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Clauses_of_a_district_are_listed_with_rates_as_fractions_and_money_in_yuan()
    {
        var clauses = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/clauses?district=yizhuang", UriKind.Relative));
        Assert.Equal(19, clauses.GetArrayLength());
        var standards = clauses.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "yizhuang.14.1");
        Assert.Equal(14, standards.GetProperty("article").GetInt32());
        Assert.Equal(1, standards.GetProperty("part").GetInt32());
        Assert.Equal(JsonValueKind.Null, standards.GetProperty("rate").ValueKind);
        var tiers = standards.GetProperty("tiers").EnumerateArray().ToList();
        Assert.Equal(5, tiers.Count);
        Assert.Equal(1_000_000m, tiers.Single(t => t.GetProperty("key").GetString() == "international").GetProperty("amount").GetDecimal());
        var compute = clauses.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "yizhuang.1.1");
        Assert.Equal(0.3m, compute.GetProperty("rate").GetDecimal());
        Assert.Equal(20_000_000m, compute.GetProperty("cap").GetDecimal());
        Assert.True(compute.GetProperty("open").GetBoolean());
        Assert.Contains("算力券", compute.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calculation_caps_applies_most_favourable_not_twice_and_explains_with_the_article()
    {
        var (status, body) = await PostAsync("""
            { "district": "shijingshan", "year": 2026, "claims": [
              { "id": "c1", "clause": "shijingshan.4.1", "project": "p1", "amount": 50000000 },
              { "id": "c2", "clause": "shijingshan.4.2", "project": "p1", "amount": 8000000 } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var c1 = body.GetProperty("claims")[0];
        Assert.Equal(10_000_000m, c1.GetProperty("eligible").GetDecimal());
        Assert.Equal(10_000_000m, c1.GetProperty("granted").GetDecimal());
        Assert.Equal("石景山区第四条：30% × ¥50,000,000 = ¥15,000,000，超过上限 ¥10,000,000，按 ¥10,000,000", c1.GetProperty("explanation")[0].GetString());
        var c2 = body.GetProperty("claims")[1];
        Assert.Equal(2_400_000m, c2.GetProperty("eligible").GetDecimal());
        Assert.Equal(0m, c2.GetProperty("granted").GetDecimal());
        Assert.Contains(c2.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("从优不重复", StringComparison.Ordinal));
        Assert.Equal(10_000_000m, body.GetProperty("totalGranted").GetDecimal());
        Assert.Equal(1, body.GetProperty("catalogVersion").GetInt32());
    }

    [Theory]
    [InlineData("""{ "district": "nowhere", "year": 2026, "claims": [ { "id": "a", "clause": "x", "project": "p" } ] }""", "district")]
    [InlineData("""{ "district": "binjiang", "year": 2026, "claims": [ { "id": "a", "clause": "binjiang.6.1", "project": "p", "amount": 1000 } ] }""", "claims[0].tier")]
    [InlineData("""{ "district": "binjiang", "year": 2026, "claims": [ { "id": "a", "clause": "binjiang.99.1", "project": "p", "amount": 1000 } ] }""", "claims[0].clause")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ { "id": "a", "clause": "shijingshan.4.1", "project": "p", "amount": -5 } ] }""", "claims[0].amount")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ { "id": "a", "clause": "shijingshan.4.1", "project": "p", "amount": 1e400 } ] }""", "claims[0].amount")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ { "id": "a", "clause": "shijingshan.4.1", "project": "p", "amount": 99999999999999999 } ] }""", "claims[0].amount")]
    [InlineData("""{ "district": "shijingshan", "year": "abc" }""", "year")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [] }""", "claims")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ { "id": "a", "clause": "shijingshan.6.1", "tier": "national", "project": "p", "amount": 100 } ] }""", "claims[0].inputs.area")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ null ] }""", "claims[0]")]
    [InlineData("""{ "district": "shijingshan", "year": 2026, "claims": [ { "id": "a", "clause": "shijingshan.7.1", "project": "p", "amount": 1 } ], "priorAwards": [ null ] }""", "priorAwards[0]")]
    [InlineData("not json", "body")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "body")]
    public async Task Bad_input_answers_400_with_problem_details_in_Chinese_and_English_naming_the_field(string json, string field)
    {
        var (status, body) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请求无效 / Invalid request", body.GetProperty("title").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"expected an error on '{field}', got {errors}");
        var message = messages[0].GetString()!;
        Assert.Contains(" / ", message, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_district_when_listing_answers_400()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/clauses?district=mars", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_calculation_endpoints_and_the_browser_is_public()
    {
        var doc = await Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/calculations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/clauses", out _));
        using var browser = await Client.GetAsync(new Uri("/api/docs/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
    }
}

/// <summary>The public API is rate-limited per client: past the limit, 429 with Retry-After and a problem body.</summary>
public sealed class CalculationApiRateLimitTests
{
    [Fact]
    public async Task Past_the_limit_the_api_answers_429_with_retry_after()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, "ratelimit");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["RateLimits:PublicApiPerMinute"] = "3" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri("/api/v1/clauses?district=tongzhou", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null);
        Assert.Contains("请求过于频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
    }
}
