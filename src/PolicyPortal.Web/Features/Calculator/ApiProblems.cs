using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>RFC 7807 problem details in Chinese and English: title and detail in both, each error "中文 / English".</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Invalid(string detailZh, string detailEn, IEnumerable<(string Field, string Zh, string En)> errors)
    {
        var list = errors.ToList();
        var problem = new ProblemDetails
        {
            Type = "https://policyportal.example/problems/invalid-request",
            Title = "请求无效 / Invalid request",
            Status = StatusCodes.Status400BadRequest,
            Detail = $"{detailZh} / {detailEn}",
        };
        problem.Extensions["detailZh"] = detailZh;
        problem.Extensions["detailEn"] = detailEn;
        problem.Extensions["errors"] = list.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => string.Equals(e.Zh, e.En, StringComparison.Ordinal) ? e.Zh : $"{e.Zh} / {e.En}").ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Invalid(string detailZh, string detailEn, string field, string zh, string en) =>
        Invalid(detailZh, detailEn, [(field, zh, en)]);
}
