using System.Net;
using System.Security.Claims;
using Claim = PolicyPortal.Infrastructure.Data.Applications.Claim;
using SecurityClaim = System.Security.Claims.Claim;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Admin.Catalog;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Integration.Tests.Admin;

/// <summary>
/// Clause editing under maker-checker on PostgreSQL: a lowered cap applies to new submissions and not to submitted ones, the
/// what-if figures are what the engine gives after the change, a district admin reaches no other district, and a catalog
/// exported and imported again is the same, byte for byte.
/// </summary>
public sealed class CatalogAdminTests() : PostgresAppTest("catalogadmin")
{
    private const string Clause = "shijingshan.6.2"; // 第六条（二）：运营经费，每年不超过 500 万元

    private static ClaimsPrincipal Admin(string id, string? district = null) => new(new ClaimsIdentity(
        new[] { new SecurityClaim(ClaimTypes.NameIdentifier, id), new SecurityClaim(ClaimTypes.Name, id), new SecurityClaim(ClaimTypes.Role, PortalRoles.Admin) }
            .Concat(district is null ? [] : [new SecurityClaim(PortalRoles.DistrictClaim, district)]), "test"));

    private static ClaimsPrincipal Reviewer() => new(new ClaimsIdentity(
    [
        new SecurityClaim(ClaimTypes.NameIdentifier, "r1"), new SecurityClaim(ClaimTypes.Name, "r1"),
        new SecurityClaim(ClaimTypes.Role, PortalRoles.Reviewer), new SecurityClaim(PortalRoles.DistrictClaim, "shijingshan"),
    ], "test"));

    private async Task<long> SeedSubmittedAsync()
    {
        _ = Factory.Services;
        await using var db = Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
        var application = new Application
        {
            EnterpriseId = enterprise.Id, District = "shijingshan", Year = year, Status = ApplicationStatus.Submitted, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("shijingshan", year, 1).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
            FrozenTotalFen = 400_000_000,
            Projects = [new Project { Name = "平台运营", Claims = [new Claim { Clause = Clause, AmountFen = 400_000_000, FrozenGrantedFen = 400_000_000 }] }],
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private static PolicyDocument LowerCap(PolicyDocument doc, decimal yuan)
    {
        var part = doc.Articles.SelectMany(a => a.Parts).Single(p => p.Code == Clause);
        var figures = ClauseFigures.Of(doc, part);
        return CatalogEdit.Apply(doc, Clause, figures with { Limits = [figures.Limits.Single() with { Amount = yuan }] });
    }

    [Fact]
    public async Task A_lowered_cap_applies_to_new_submissions_not_submitted_ones_and_the_what_if_is_what_the_engine_gives_after()
    {
        var submitted = await SeedSubmittedAsync();
        var today = BeijingTime.DateOf(DateTimeOffset.UtcNow);
        var v1 = await InScopeAsync(sp => sp.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan"));
        var proposed = LowerCap(v1.Document, 3_000_000m);

        // What-if before saving: the pending ¥4,000,000 claim would drop to ¥3,000,000.
        var report = await InScopeAsync(sp => sp.GetRequiredService<WhatIf>().RunAsync("shijingshan", today.Year, v1.Document, proposed));
        var row = report.Rows.Single(r => r.ApplicationId == submitted);
        Assert.Equal((400_000_000L, 300_000_000L), (row.BeforeFen, row.AfterFen));
        Assert.Equal(-100_000_000, report.AfterFen - report.BeforeFen);

        // Maker-checker: the maker cannot approve; a second admin can; a reason is required.
        Assert.False((await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("maker"), "shijingshan", v1.Version, proposed, today, " "))).Ok);
        var proposal = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("maker"), "shijingshan", v1.Version, proposed, today, "财政预算调整"));
        Assert.True(proposal.Ok, proposal.Error?.Zh);
        var own = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ApproveAsync(Admin("maker"), proposal.Id!.Value, null));
        Assert.Equal("不能审批自己提交的修改，须由另一名管理员审批", own.Error!.Zh);
        Assert.Equal(1, (await InScopeAsync(sp => sp.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan"))).Version);
        Assert.True((await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ApproveAsync(Admin("checker"), proposal.Id!.Value, "同意"))).Ok);
        var v2 = await InScopeAsync(sp => sp.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan"));
        Assert.Equal(2, v2.Version);

        // The what-if figures are the engine's after the change, for the same application and ledger.
        await using (var db = Database.CreateContext())
        {
            var application = await db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync(a => a.Id == submitted);
            var request = await InScopeAsync(sp => sp.GetRequiredService<ApplicationLedger>().BuildAsync(application, v2.Document));
            Assert.Equal(row.AfterFen, v2.Engine.Calculate(request).Find(ApplicationLedger.EngineId(application.Projects[0].Claims[0].Id))!.Value.GrantedFen);
        }

        // The submitted application keeps version 1: the reviewer may still approve ¥4,000,000.
        var claimId = (await InScopeAsync(async sp => await sp.GetRequiredService<PortalDbContext>().Claims.SingleAsync())).Id;
        Assert.True((await InScopeAsync(sp => sp.GetRequiredService<ReviewDecisions>().StartReviewAsync(Reviewer(), submitted, true))).Ok);
        var approved = await InScopeAsync(sp => sp.GetRequiredService<ReviewDecisions>().ApproveAsync(Reviewer(), claimId, null, null));
        Assert.True(approved.Ok, approved.Error?.Zh);
        await using (var db = Database.CreateContext())
            Assert.Equal(400_000_000, (await db.Claims.SingleAsync(c => c.Id == claimId)).ApprovedFen);

        // A new submission is calculated under version 2.
        var newId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var other = new PolicyPortal.Infrastructure.Data.Enterprises.Enterprise
            {
                CreditCode = PolicyPortal.Domain.Enterprises.CreditCode.WithCheckCharacter("91110107MA01ABCD1"), Name = "新申报科技有限公司", District = "shijingshan",
                ContactName = "王五", ContactPhone = "13900000000", OwnerUserId = "owner-new", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Enterprises.Add(other);
            var draft = new Application
            {
                EnterpriseId = 0, District = "shijingshan", Year = today.Year, Status = ApplicationStatus.Draft, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Projects = [new Project { Name = "平台运营", Claims = [new Claim { Clause = Clause, AmountFen = 400_000_000, AttestationsJson = AttestationsFor(v2.Document) }] }],
            };
            await db.SaveChangesAsync();
            draft.EnterpriseId = other.Id;
            db.Applications.Add(draft);
            await db.SaveChangesAsync();
            var outcome = await sp.GetRequiredService<ApplicationService>().SubmitAsync(draft, Guid.NewGuid(), PolicyPortal.Infrastructure.Audit.AuditActor.System);
            Assert.True(outcome.Ok, outcome.Error?.Zh);
            return draft.Id;
        });
        await using var check = Database.CreateContext();
        var fresh = await check.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).SingleAsync(a => a.Id == newId);
        Assert.Equal(2, fresh.CatalogVersion);
        Assert.Equal(300_000_000, fresh.Projects[0].Claims[0].FrozenGrantedFen);
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.Entity == "Catalog" && (e.Action == "ProposeVersion" || e.Action == "ApproveVersion")));
    }

    private static string AttestationsFor(PolicyDocument doc) =>
        System.Text.Json.JsonSerializer.Serialize(doc.Articles.SelectMany(a => a.Parts).Single(p => p.Code == Clause).Attestations);

    [Fact]
    public async Task A_district_admin_reaches_no_other_districts_catalog()
    {
        _ = Factory.Services;
        var v1 = await InScopeAsync(sp => sp.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan"));
        var refused = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("fengtai-admin", "fengtai"), "shijingshan", 1, LowerCap(v1.Document, 1_000_000m),
            BeijingTime.DateOf(DateTimeOffset.UtcNow), "越权"));
        Assert.False(refused.Ok);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = "admin-fengtai", District = "fengtai", DisplayName = "丰台管理员" };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Admin)).Succeeded);
        }
        using var fengtai = await Forms.SignedInAsync(Factory, "admin-fengtai");
        foreach (var path in new[] { "/admin/catalog/shijingshan/shijingshan.6.2", "/admin/catalog/shijingshan/export/1", "/admin/catalog/shijingshan/import" })
        {
            using var response = await fengtai.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var own = await fengtai.GetAsync(new Uri("/admin/catalog/fengtai/export/1", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var list = await fengtai.GetStringAsync(new Uri("/admin/catalog?district=shijingshan", UriKind.Relative));
        Assert.DoesNotContain("shijingshan.6.2", list, StringComparison.Ordinal); // falls back to its own district

        using var reviewer = await Forms.SignedInAsync(Factory, DemoAccounts.ReviewerUser("shijingshan"));
        using var denied = await reviewer.GetAsync(new Uri("/admin/catalog/shijingshan/export/1", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task A_catalog_exported_and_imported_again_is_the_same_byte_for_byte()
    {
        _ = Factory.Services;
        using var admin = await Forms.SignedInAsync(Factory, DemoAccounts.AdminUser);
        var exported = await admin.GetStringAsync(new Uri("/admin/catalog/shijingshan/export/1", UriKind.Relative));
        var v1 = CatalogJson.Parse(exported);

        // Importing it unchanged is refused as no change; a change and then a return to the exported file round-trips exactly.
        var today = BeijingTime.DateOf(DateTimeOffset.UtcNow);
        Assert.Equal("与当前版本相比没有任何改动", (await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("a"), "shijingshan", 1, v1, today, "导入"))).Error!.Zh);
        var changed = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("a"), "shijingshan", 1, LowerCap(v1, 2_000_000m), today, "调整"));
        Assert.True((await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ApproveAsync(Admin("b"), changed.Id!.Value, null))).Ok);
        var back = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("a"), "shijingshan", 2, CatalogJson.Parse(exported), today, "恢复原文数值"));
        Assert.True((await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ApproveAsync(Admin("b"), back.Id!.Value, null))).Ok);

        var again = await admin.GetStringAsync(new Uri("/admin/catalog/shijingshan/export/3", UriKind.Relative));
        Assert.Equal(exported, again);
        Assert.Equal(3, (await InScopeAsync(sp => sp.GetRequiredService<CatalogStore>().GetActiveAsync("shijingshan"))).Version);

        // A stale proposal (made from v2 after v3 took effect) is refused at approval.
        var stale = await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ProposeAsync(Admin("a"), "shijingshan", 2, LowerCap(v1, 1_000_000m), today, "过时"));
        Assert.Contains("基于 v2", (await InScopeAsync(sp => sp.GetRequiredService<CatalogAdmin>().ApproveAsync(Admin("b"), stale.Id!.Value, null))).Error!.Zh, StringComparison.Ordinal);
    }
}
