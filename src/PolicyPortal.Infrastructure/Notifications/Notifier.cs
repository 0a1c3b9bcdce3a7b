using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>
/// Adds an inbox notice for a user, in the caller's unit of work (it is saved with the change it reports, or not at
/// all). When the user has an e-mail address the notice also waits in the outbox for <see cref="MailJob"/>.
/// </summary>
public sealed class Notifier(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Notifies the account that owns an enterprise's file.</summary>
    public async Task NotifyEnterpriseAsync(long enterpriseId, string title, string body, string? link, CancellationToken cancellationToken = default)
    {
        var owner = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.OwnerUserId).SingleAsync(cancellationToken);
        await NotifyAsync(owner, title, body, link, cancellationToken);
    }

    public async Task NotifyAsync(string userId, string title, string body, string? link, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        db.Notifications.Add(new Notification
        {
            UserId = userId, At = clock.GetUtcNow(), Title = title[..Math.Min(title.Length, 200)], Body = body[..Math.Min(body.Length, 2000)],
            Link = link, EmailTo = string.IsNullOrWhiteSpace(email) ? null : email,
        });
    }
}
