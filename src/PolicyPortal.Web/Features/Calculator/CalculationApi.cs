using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>
/// The public calculation API (no sign-in, rate-limited): the clause parts of a district, and calculations with an
/// explanation of every yuan. Bad input answers 400 with bilingual problem details, never 500.
/// </summary>
internal static partial class CalculationApi
{
    public const string RateLimitPolicy = "public-api";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 16,
        // Numbers only as JSON numbers: "1e400" or "NaN" strings are refused, not guessed at.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapCalculationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("calculation");

        api.MapGet("/clauses", ListClausesAsync)
            .WithName("ListClauses")
            .WithSummary("某区全部条款 / All clause parts of a district")
            .WithDescription("Every clause part of the district's active catalog version: rates as fractions, money in yuan, null where not applicable; `inputs` documents the further named inputs a clause reads.");

        api.MapPost("/calculations", CalculateAsync)
            .WithName("Calculate")
            .WithSummary("测算补贴金额 / Calculate subsidies")
            .WithDescription("Runs the calculation engine: each claim's eligible and granted amounts with a step-by-step explanation citing the article, in Chinese and English. `amount` is the base the rate applies to; `inputs` holds further named inputs the clause documents.")
            .Accepts<CalculationRequestDto>("application/json")
            .Produces<CalculationResponseDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<IEnumerable<ClauseDto>>, ProblemHttpResult>> ListClausesAsync(string? district, CatalogStore catalogs, CancellationToken ct)
    {
        if (!Districts.IsKnown(district))
            return ApiProblems.Invalid("参数 district 无效", "the district parameter is invalid", "district",
                $"未知的区“{district}”，可选：{string.Join("、", Districts.All)}", $"unknown district; one of {string.Join(", ", Districts.All)}");
        var active = await catalogs.GetActiveAsync(district!, ct);
        return TypedResults.Ok(ClauseListing.From(active.Document, active.Version));
    }

    private static async Task<Results<Ok<CalculationResponseDto>, ProblemHttpResult>> CalculateAsync(
        HttpRequest request, IValidator<CalculationRequestDto> validator, CatalogStore catalogs, CancellationToken ct)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Invalid("请求体须为 JSON", "the body must be JSON", "body", "Content-Type 应为 application/json", "Content-Type must be application/json");

        CalculationRequestDto? dto;
        try
        {
            dto = await JsonSerializer.DeserializeAsync<CalculationRequestDto>(request.Body, Json, ct);
        }
        catch (JsonException ex)
        {
            // The message names .NET types; the path and position say enough, in both languages.
            var path = ex.Path?.TrimStart('$', '.') is { Length: > 0 } p ? p : "body";
            var at = $"第 {(ex.LineNumber ?? 0) + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 字节";
            var atEn = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            return ApiProblems.Invalid("JSON 格式或类型错误", "malformed JSON or a value of the wrong type", path,
                $"无法读取：JSON 格式错误、值的类型不对、数值超出范围或嵌套过深（{at}）",
                $"could not be read: malformed JSON, a value of the wrong type, a number out of range or nesting too deep ({atEn})");
        }
        catch (Exception ex) when (ex is System.Text.DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            return ApiProblems.Invalid("请求体无法解析", "the body could not be parsed", "body", "请求体不是有效的 UTF-8 JSON", "the body is not valid UTF-8 JSON");
        }
        if (dto is null)
            return ApiProblems.Invalid("请求体为空", "the body is empty", "body", "缺少请求体", "a JSON body is required");

        var shape = await validator.ValidateAsync(dto, ct);
        if (!shape.IsValid)
            return ApiProblems.Invalid("请求内容不完整或不合法", "the request is incomplete or invalid",
                shape.Errors.Select(e => (JsonPath(e.PropertyName), e.ErrorMessage, e.ErrorMessage)));

        var active = await catalogs.GetActiveAsync(dto.District!, ct);
        CalculationResult result;
        try
        {
            result = active.Engine.Calculate(dto.ToDomain());
        }
        catch (CalculationInputException ex)
        {
            return ApiProblems.Invalid("申报内容与条款不符", "the claims do not fit the clauses", ex.Errors.Select(e => (e.Field, e.MessageZh, e.MessageEn)));
        }

        var claims = result.Claims.Select(c => new ClaimResultDto(
            c.Id, c.Clause, c.Tier, c.Project, c.Eligible, c.Granted, c.Cap, c.Article,
            c.ExplanationLines(ExplanationLanguage.Chinese), c.ExplanationLines(ExplanationLanguage.English))).ToList();
        return TypedResults.Ok(new CalculationResponseDto(result.District, result.Year, active.Version, claims, result.TotalGranted));
    }

    /// <summary>"Claims[0].Id" → "claims[0].id", the request's own spelling.</summary>
    private static string JsonPath(string property) =>
        FirstLetter().Replace(property, m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex FirstLetter();
}
