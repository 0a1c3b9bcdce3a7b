using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Notices;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Web.Features.Admin.Notices;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.Payments;

/// <summary>Where a published award stands for payment.</summary>
public enum PaymentState
{
    /// <summary>公示中: its notice period has not ended.</summary>
    InNotice,
    /// <summary>待拨付: the notice period has ended and nothing has been paid.</summary>
    Payable,
    /// <summary>已拨付.</summary>
    Paid,
    /// <summary>The decision or amount changed after publication: it must be published again before it can be paid.</summary>
    Changed,
}

/// <summary>One award of a district and year's notices, with its payment state.</summary>
public sealed record PaymentRow(NoticeRow Line, int NoticeSequence, int EndsDay, PaymentState State, Payment? Payment);

/// <summary>The outcome of a payment request: every award paid, or none (with each refusal).</summary>
public sealed record PaymentResult(bool Ok, int Count, long TotalFen, IReadOnlyList<BilingualText> Errors);

/// <summary>
/// 拨付: awards on a published notice whose period has ended are marked paid with the day and the voucher number (凭证号), one
/// at a time or many under one voucher. All or nothing: if any award of a batch is refused, none is recorded. An award is paid
/// at most once — checked first, and backed by the unique index on the claim, which also settles two administrators paying at
/// the same moment. Each payment is audited with before and after, and the enterprise is told.
/// </summary>
internal sealed class PaymentDesk(PortalDbContext db, AuditLog audit, Notifier notifier, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxBatch = 500;

    public int Today => DayNumber.Of(BeijingTime.DateOf(clock.GetUtcNow()));

    /// <summary>Every award on the district and year's notices (its latest line), with its state.</summary>
    public async Task<List<PaymentRow>> ListAsync(string district, int year, CancellationToken ct = default)
    {
        var lines = await (from l in db.NoticeLines
                           join n in db.Notices on l.NoticeId equals n.Id
                           where n.District == district && n.Year == year
                           select new { Line = l, n.Sequence, n.EndsDay }).AsNoTracking().ToListAsync(ct);
        var claimIds = lines.Select(l => l.Line.ClaimId).Distinct().ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id)).Select(c => new { c.Id, c.Decision, c.ApprovedFen }).ToDictionaryAsync(c => c.Id, ct);
        var payments = await db.Payments.AsNoTracking().Where(p => claimIds.Contains(p.ClaimId)).ToDictionaryAsync(p => p.ClaimId, ct);
        var today = Today;
        var rows = new List<PaymentRow>();
        foreach (var group in lines.GroupBy(l => l.Line.ClaimId))
        {
            var latest = group.MaxBy(l => l.Sequence)!;
            var paid = payments.GetValueOrDefault(group.Key);
            PaymentState state;
            if (paid is not null) state = PaymentState.Paid;
            else if (!claims.TryGetValue(group.Key, out var claim) || claim.Decision != ClaimDecision.Approved || claim.ApprovedFen != latest.Line.AmountFen) state = PaymentState.Changed;
            else state = group.Any(l => l.Line.AmountFen == claim.ApprovedFen && l.EndsDay < today) ? PaymentState.Payable : PaymentState.InNotice;
            rows.Add(new PaymentRow(NoticeRow.From(latest.Line), latest.Sequence, group.Where(l => l.Line.AmountFen == latest.Line.AmountFen).Min(l => l.EndsDay), state, paid));
        }
        return [.. rows.OrderBy(r => r.Line.ApplicationId).ThenBy(r => r.Line.ClaimId)];
    }

    public async Task<PaymentResult> PayAsync(ClaimsPrincipal admin, string district, IReadOnlyCollection<long> claimIds, DateOnly? paidOn, string? reference, CancellationToken ct = default)
    {
        if (AdminScope.Resolve(admin, district) != district) return Refused(new("无权办理该区的拨付", "No such district"));
        var ids = claimIds.Distinct().ToList();
        if (ids.Count == 0) return Refused(new("请先勾选要拨付的奖补", "Tick the awards to pay first"));
        if (ids.Count > MaxBatch) return Refused(new($"一次最多拨付 {MaxBatch} 项", $"At most {MaxBatch} awards at a time"));
        var voucher = reference?.Trim() ?? "";
        if (voucher.Length == 0) return Refused(new("请填写拨付凭证号", "Enter the payment voucher number"));
        if (voucher.Length > 64) return Refused(new("凭证号不能超过 64 个字符", "The voucher number is at most 64 characters"));
        if (paidOn is not { } day) return Refused(new("请填写拨付日期", "Enter the payment date"));
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        if (day > today) return Refused(new("拨付日期不能晚于今天", "The payment date cannot be in the future"));

        var actor = AuditActors.For(admin, http.HttpContext);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var claims = await (from c in db.Claims
                                join p in db.Set<Project>() on c.ProjectId equals p.Id
                                join a in db.Applications on p.ApplicationId equals a.Id
                                where ids.Contains(c.Id) && a.District == district
                                select new { c.Id, c.Clause, c.Decision, c.ApprovedFen, ApplicationId = a.Id, a.EnterpriseId, a.TrackingNumber })
                .AsNoTracking().ToDictionaryAsync(c => c.Id, token);
            var lines = await (from l in db.NoticeLines
                               join n in db.Notices on l.NoticeId equals n.Id
                               where ids.Contains(l.ClaimId) && n.District == district
                               select new { l.ClaimId, l.AmountFen, l.NoticeId, n.Year, n.Sequence, n.EndsDay }).AsNoTracking().ToListAsync(token);
            var paid = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.ClaimId)).ToDictionaryAsync(p => p.ClaimId, token);

            var errors = new List<BilingualText>();
            var payments = new List<(Payment Payment, long ApplicationId, long EnterpriseId, string? TrackingNumber, string Clause)>();
            var todayNumber = DayNumber.Of(today);
            foreach (var id in ids)
            {
                var label = id.ToString(CultureInfo.InvariantCulture);
                if (!claims.TryGetValue(id, out var claim)) { errors.Add(new($"奖补 {label}：不存在", $"Award {label}: not found")); continue; }
                label = $"{claim.TrackingNumber} {claim.Clause}";
                if (paid.TryGetValue(id, out var earlier))
                {
                    errors.Add(new($"{label}：已于 {earlier.PaidOn:yyyy-MM-dd} 拨付（凭证号 {earlier.Reference}），不能重复拨付",
                        $"{label}: already paid on {earlier.PaidOn:yyyy-MM-dd} (voucher {earlier.Reference}); it cannot be paid twice"));
                    continue;
                }
                if (claim.Decision != ClaimDecision.Approved || claim.ApprovedFen is not > 0)
                {
                    errors.Add(new($"{label}：当前未处于核定通过状态，不能拨付", $"{label}: not approved at present, so it cannot be paid"));
                    continue;
                }
                var published = lines.Where(l => l.ClaimId == id && l.AmountFen == claim.ApprovedFen).ToList();
                if (published.Count == 0)
                {
                    errors.Add(new($"{label}：尚未以核定金额公示，须先发布公示名单", $"{label}: not published at its approved amount; publish the notice first"));
                    continue;
                }
                var ended = published.Where(l => l.EndsDay < todayNumber).OrderBy(l => l.EndsDay).FirstOrDefault();
                if (ended is null)
                {
                    var ends = DayNumber.Format(published.Min(l => l.EndsDay));
                    errors.Add(new($"{label}：公示期至 {ends} 结束，公示期满后方可拨付", $"{label}: the notice period runs until {ends}; it can be paid only after that"));
                    continue;
                }
                if (DayNumber.Of(day) <= ended.EndsDay)
                {
                    var ends = DayNumber.Format(ended.EndsDay);
                    errors.Add(new($"{label}：拨付日期须在公示期满（{ends}）之后", $"{label}: the payment date must be after the notice period ({ends})"));
                    continue;
                }
                payments.Add((new Payment
                {
                    ClaimId = id, NoticeId = ended.NoticeId, District = district, AmountFen = claim.ApprovedFen.Value, PaidOn = day, Reference = voucher,
                    RecordedAt = clock.GetUtcNow(), RecordedBy = actor.Name,
                }, claim.ApplicationId, claim.EnterpriseId, claim.TrackingNumber, claim.Clause));
            }
            if (errors.Count > 0) return new PaymentResult(false, 0, 0, errors);

            foreach (var (payment, applicationId, _, _, clause) in payments)
            {
                db.Payments.Add(payment);
                audit.Claim(actor, applicationId, district, payment.ClaimId, "PayClaim",
                    new { clause, paid = false },
                    new { clause, paid = true, paidOn = payment.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reference = voucher, amountFen = payment.AmountFen, noticeId = payment.NoticeId },
                    $"{clause} 拨付 ¥{payment.AmountFen / 100m:N2}，凭证号 {voucher}，拨付日期 {payment.PaidOn:yyyy-MM-dd}");
            }
            foreach (var application in payments.GroupBy(p => (p.ApplicationId, p.EnterpriseId, p.TrackingNumber)))
            {
                var total = application.Sum(p => p.Payment.AmountFen);
                await notifier.NotifyEnterpriseAsync(application.Key.EnterpriseId, $"奖补已拨付：{application.Key.TrackingNumber}",
                    $"您的申报 {application.Key.TrackingNumber} 有 {application.Count()} 项奖补已于 {day:yyyy-MM-dd} 拨付，合计 ¥{total / 100m:N2}，凭证号 {voucher}。",
                    "/enterprise/awards", token);
            }
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException)
            {
                // The unique index on the claim: another administrator paid one of these a moment ago. Nothing is recorded.
                return Refused(new("其中有奖补刚刚已被拨付，本次未记录任何拨付，请刷新后重试", "One of these awards has just been paid by someone else; nothing was recorded: reload and try again"));
            }
            await tx.CommitAsync(token);
            return new PaymentResult(true, payments.Count, payments.Sum(p => p.Payment.AmountFen), []);
        }, ct);
    }

    private static PaymentResult Refused(BilingualText error) => new(false, 0, 0, [error]);
}
