using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;
using PolicyPortal.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>
/// The review desk on PostgreSQL. The applications are written straight to the database (the enterprise side is tested
/// elsewhere); an approval made meanwhile changes today's calculation, and the desk shows the difference.
/// </summary>
public sealed class ReviewDeskTests() : PostgresAppTest("desk")
{
    private async Task<(long ApplicationId, long EvidenceId)> SeedAsync()
    {
        _ = Factory.Services;
        await using var db = Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        Application Make(ApplicationStatus status, long sequence, long approvedFen, long frozenFen) => new()
        {
            EnterpriseId = enterprise.Id, District = "shijingshan", Year = year, Status = status, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("shijingshan", year, sequence).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow, FrozenTotalFen = frozenFen,
            Projects = [new Project { Name = $"平台运营{sequence}", Claims = [new Claim
            {
                Clause = "shijingshan.6.2", AmountFen = 400_000_000, FrozenEligibleFen = 400_000_000, FrozenGrantedFen = frozenFen,
                FrozenExplanationJson = "{\"zh\":[\"石景山区第六条：100% × ¥4,000,000 = ¥4,000,000\"],\"en\":[\"Art. 6\"]}",
                ApprovedFen = approvedFen > 0 ? approvedFen : null, Decision = approvedFen > 0 ? ClaimDecision.Approved : null,
            }] }],
        };
        // An earlier application of the same year got ¥3,000,000 under 第六条's ¥5,000,000 yearly cap …
        db.Applications.Add(Make(ApplicationStatus.Approved, 1, 300_000_000, 300_000_000));
        // … so this one, frozen at ¥4,000,000 when submitted, can have at most ¥2,000,000 today.
        var pending = Make(ApplicationStatus.Submitted, 2, 0, 400_000_000);
        db.Applications.Add(pending);
        await db.SaveChangesAsync();
        var claim = pending.Projects[0].Claims[0];
        var store = Factory.Services.GetRequiredService<IEvidenceStore>();
        var key = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        await using (var bytes = new MemoryStream("%PDF-1.4 test"u8.ToArray())) await store.SaveAsync(key, bytes);
        var evidence = new Evidence { ClaimId = claim.Id, FileName = "运营经费凭证.pdf", ContentType = "application/pdf", Size = 13, StorageKey = key, Sha256 = "x", UploadedAt = DateTimeOffset.UtcNow };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync();
        return (pending.Id, evidence.Id);
    }

    private Task<HttpClient> SignInAsync(string user) => Forms.SignedInAsync(Factory, user);

    [Fact]
    public async Task The_district_reviewer_sees_the_frozen_and_todays_calculation_with_the_difference_flagged_and_the_evidence()
    {
        var (id, evidenceId) = await SeedAsync();
        using var reviewer = await SignInAsync(DemoAccounts.ReviewerUser("shijingshan"));
        var html = await reviewer.GetStringAsync(new Uri($"/review/{id}", UriKind.Relative));
        Assert.Contains("data-testid=\"frozen-granted\">4,000,000 元", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fresh-granted\">2,000,000 元", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"desk-changed\"", html, StringComparison.Ordinal);
        Assert.Contains("运营经费凭证.pdf", html, StringComparison.Ordinal);
        using var download = await reviewer.GetAsync(new Uri($"/review/evidence/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Another_districts_reviewer_and_the_enterprise_reach_nothing_of_it()
    {
        var (id, evidenceId) = await SeedAsync();
        using var other = await SignInAsync(DemoAccounts.ReviewerUser("binjiang"));
        using var page = await other.GetAsync(new Uri($"/review/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var file = await other.GetAsync(new Uri($"/review/evidence/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);

        using var enterprise = await SignInAsync(DemoAccounts.EnterpriseUser);
        using var desk = await enterprise.GetAsync(new Uri($"/review/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.Contains("/account/denied", desk.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var reviewerFile = await enterprise.GetAsync(new Uri($"/review/evidence/{evidenceId}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, reviewerFile.StatusCode);
    }
}
