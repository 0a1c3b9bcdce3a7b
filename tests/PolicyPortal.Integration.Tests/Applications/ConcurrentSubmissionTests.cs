using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Integration.Tests.Infrastructure;
using PolicyPortal.Web.Features.Applications;
using Xunit.Abstractions;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>
/// 200 enterprises of one district fill in and submit their applications at the same time on PostgreSQL, through the
/// service methods the pages call (each step in a scope of its own, as a request has): 1,000 draft saves and submissions,
/// plus a double click on "new application" and a second tab submitting again. No step fails, each enterprise ends with
/// one application with one 受理编号 (numbered 1…200 without gap or repeat), and every save that was acknowledged is in the
/// database as it was saved.
/// </summary>
public sealed class ConcurrentSubmissionTests(ITestOutputHelper output) : PostgresAppTest("storm")
{
    private const int Enterprises = 200;
    private const string District = "shijingshan";
    private const string Clause = "shijingshan.7.1"; // 评测合同额 × 50%, at most ¥500,000

    private static readonly string[] Attestations = [.. PolicyPortal.Infrastructure.Catalog.EmbeddedCatalog.All[District].Articles
        .SelectMany(a => a.Parts).Single(p => p.Code == Clause).Attestations];

    [Fact]
    public async Task Two_hundred_enterprises_saving_and_submitting_at_once_lose_nothing_and_duplicate_nothing()
    {
        var enterprises = await SeedEnterprisesAsync();
        var failures = new ConcurrentBag<string>();
        var operations = 0;
        var clock = Stopwatch.StartNew();

        async Task<T> Step<T>(int i, string what, Func<ApplicationService, Enterprise, Task<T>> step)
        {
            Interlocked.Increment(ref operations);
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolicyPortal.Infrastructure.Data.PortalDbContext>();
            var owner = await db.Enterprises.SingleAsync(e => e.Id == enterprises[i]);
            try
            {
                return await step(scope.ServiceProvider.GetRequiredService<ApplicationService>(), owner);
            }
            catch (Exception ex)
            {
                failures.Add($"enterprise {i}, {what}: {ex.GetType().Name}: {ex.Message} {ex.InnerException?.Message}");
                throw;
            }
        }

        async Task<Outcome> Edit(int i, string what, long id, Func<ApplicationService, PolicyPortal.Infrastructure.Data.Applications.Application, Task<Outcome>> edit) =>
            await Step(i, what, async (service, owner) =>
            {
                var application = await service.FindAsync(owner, id) ?? throw new InvalidOperationException($"application {id} not found");
                return await edit(service, application);
            });

        void Expect(int i, string what, Outcome outcome)
        {
            if (!outcome.Ok) failures.Add($"enterprise {i}, {what}: refused: {outcome.Error!.Zh}");
        }

        async Task Journey(int i)
        {
            var actor = new AuditActor($"storm-owner-{i}", $"storm-{i}", "127.0.0.1");
            // A double click on 新建申报: two requests at once must find one draft.
            var drafts = await Task.WhenAll(Step(i, "create", (s, o) => s.CreateDraftAsync(o, actor)), Step(i, "create again", (s, o) => s.CreateDraftAsync(o, actor)));
            foreach (var d in drafts) Expect(i, "create", d);
            if (drafts[0].Id != drafts[1].Id) failures.Add($"enterprise {i}: a double click made two drafts ({drafts[0].Id}, {drafts[1].Id})");
            var id = drafts[0].Id!.Value;

            Expect(i, "contact", await Edit(i, "contact", id, async (s, a) => ToOutcome(await s.SaveContactAsync(a, "初稿联系人", "13900000000"))));
            Expect(i, "project", await Edit(i, "project", id, (s, a) => s.AddProjectAsync(a, Project(i), "并发申报")));
            Expect(i, "claim", await Edit(i, "claim", id, (s, a) =>
            {
                var draft = new ClaimDraft { Clause = Clause, Amount = Amount(i) };
                foreach (var text in Attestations) draft.Attested.Add(text);
                return s.AddClaimAsync(a, a.Projects.Single().Id, draft);
            }));
            Expect(i, "contact", await Edit(i, "contact", id, async (s, a) => ToOutcome(await s.SaveContactAsync(a, ContactName(i), ContactPhone(i)))));
            // Two tabs submit at once, each with its own form key: one submission stands, both hear it was made.
            var submitted = await Task.WhenAll(
                Edit(i, "submit", id, (s, a) => s.SubmitAsync(a, Guid.NewGuid(), actor)),
                Edit(i, "submit in a second tab", id, (s, a) => s.SubmitAsync(a, Guid.NewGuid(), actor)));
            foreach (var s in submitted) Expect(i, "submit", s);
        }

        using var start = new ManualResetEventSlim();
        var journeys = Enumerable.Range(0, Enterprises).Select(i => Task.Run(async () => { start.Wait(); await Journey(i); })).ToList();
        start.Set();
        try
        {
            await Task.WhenAll(journeys);
        }
        catch (Exception)
        {
            // Recorded in failures with the enterprise and the step; asserted below.
        }
        output.WriteLine($"{Enterprises} enterprises, {operations} operations (saves, submissions and repeated clicks) in {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} failures)");

        await using var db = Database.CreateContext();
        var applications = await db.Applications.AsNoTracking().Include(a => a.Projects).ThenInclude(p => p.Claims).AsSplitQuery()
            .Where(a => enterprises.Contains(a.EnterpriseId)).ToListAsync();
        Assert.Equal(Enterprises, applications.Count);
        Assert.Equal(Enterprises, applications.Select(a => (a.EnterpriseId, a.District, a.Year)).Distinct().Count());
        var sequences = applications.Select(a => TrackingNumber.TryParse(a.TrackingNumber, out var n) ? n.Sequence : -1).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Enterprises).Select(n => (long)n), sequences); // one each, no gap, no repeat
        for (var i = 0; i < Enterprises; i++)
        {
            var application = applications.Single(a => a.EnterpriseId == enterprises[i]);
            Assert.Equal(ApplicationStatus.Submitted, application.Status);
            Assert.Equal((ContactName(i), ContactPhone(i)), (application.ContactName, application.ContactPhone));
            var project = Assert.Single(application.Projects);
            Assert.Equal(Project(i), project.Name);
            var claim = Assert.Single(project.Claims);
            Assert.Equal((long)(Amount(i) * 100), claim.AmountFen);
            Assert.Equal((long)(Amount(i) * 50), claim.FrozenGrantedFen); // 50% of the contract value, under the ¥500,000 cap
            Assert.Equal(claim.FrozenGrantedFen, application.FrozenTotalFen);
            Assert.NotNull(claim.FrozenExplanationJson);
            Assert.Equal(1, application.CatalogVersion);
        }
        var ids = applications.Select(a => a.Id).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.ApplicationId != null && ids.Contains(e.ApplicationId.Value))
            .GroupBy(e => new { e.ApplicationId, e.Action }).Select(g => new { g.Key.Action, Count = g.Count() }).ToListAsync();
        Assert.All(audit.Where(a => a.Action is "Create" or "Submit"), a => Assert.Equal(1, a.Count));
        Assert.Equal(Enterprises, audit.Count(a => a.Action == "Submit"));
        Assert.Equal(Enterprises, audit.Count(a => a.Action == "Create"));
        Assert.Equal(Enterprises, await db.Notifications.CountAsync(n => n.UserId.StartsWith("storm-owner-") && n.Title.StartsWith("申报已受理")));
    }

    private static Outcome ToOutcome(IReadOnlyList<(string Field, string Message)> errors) =>
        errors.Count == 0 ? Outcome.Done() : Outcome.Refused(string.Join("；", errors.Select(e => e.Message)), "invalid");

    private static decimal Amount(int i) => 400_000m + i;
    private static string Project(int i) => string.Create(CultureInfo.InvariantCulture, $"评测项目{i}");
    private static string ContactName(int i) => string.Create(CultureInfo.InvariantCulture, $"联系人{i}");
    private static string ContactPhone(int i) => string.Create(CultureInfo.InvariantCulture, $"139{i:D8}");

    private async Task<List<long>> SeedEnterprisesAsync()
    {
        _ = Factory.Services; // migrations, catalog and the year's windows
        await using var db = Database.CreateContext();
        var list = Enumerable.Range(0, Enterprises).Select(i => new Enterprise
        {
            CreditCode = CreditCode.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"91110107MA{i:D3}RT0{i % 10}")),
            Name = string.Create(CultureInfo.InvariantCulture, $"并发申报企业{i}"), District = District, ContactName = "初始", ContactPhone = "13000000000",
            OwnerUserId = string.Create(CultureInfo.InvariantCulture, $"storm-owner-{i}"), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Enterprises.AddRange(list);
        await db.SaveChangesAsync();
        return [.. list.Select(e => e.Id)];
    }
}
