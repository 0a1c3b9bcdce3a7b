using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Scheduling;
using Quartz;

namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>
/// Tells the subscribers of a district when one of its application windows has opened. Idempotent: each window is
/// announced once (OpeningAnnouncedAt is set in the same save as the notices); a window that opened while the portal
/// was down is announced at the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WindowOpeningJob(PortalDbContext db, TimeProvider clock, ILogger<WindowOpeningJob> logger, Notifier notifier) : PortalJob(db, clock, logger)
{
    public static readonly JobKey Key = new("window-opening", "deadlines");

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => await AnnounceAsync(cancellationToken);

    public async Task<int> AnnounceAsync(CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var opened = await Db.PolicyWindows.Where(w => w.OpeningAnnouncedAt == null && w.Opens <= today && w.Closes >= today).ToListAsync(cancellationToken);
        foreach (var window in opened)
        {
            var subscribers = await Db.Subscriptions.Where(s => s.District == window.District).Select(s => s.UserId).Distinct().ToListAsync(cancellationToken);
            foreach (var user in subscribers)
                await notifier.NotifyAsync(user, $"申报期已开放：{window.Year} 年度",
                    $"{window.District} 的 {window.Year} 年度申报期已开放（{window.Opens:yyyy-MM-dd} 至 {window.Closes:yyyy-MM-dd} 北京时间 23:59:59）。", "/enterprise/matches", cancellationToken);
            window.OpeningAnnouncedAt = now;
        }
        await Db.SaveChangesAsync(cancellationToken);
        return opened.Count;
    }
}
