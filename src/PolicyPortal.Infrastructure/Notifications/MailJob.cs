using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Scheduling;
using Quartz;

namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>
/// Drains the e-mail outbox: notices with an address and no EmailedAt, oldest first, 50 a run. A notice is marked sent
/// only after the message went out, so a crash sends it again rather than never (at-least-once).
/// </summary>
[DisallowConcurrentExecution]
public sealed class MailJob(PortalDbContext db, TimeProvider clock, ILogger<MailJob> logger, IOptions<MailOptions> options, IOptions<DatabaseOptions> database,
    Microsoft.Extensions.Hosting.IHostEnvironment environment) : PortalJob(db, clock, logger)
{
    public static readonly JobKey Key = new("mail", "notifications");

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pending = await Db.Notifications.Where(n => n.EmailTo != null && n.EmailedAt == null).OrderBy(n => n.Id).Take(50).ToListAsync(cancellationToken);
        if (pending.Count == 0) return;
        using var smtp = CreateClient();
        foreach (var notice in pending)
        {
            using var message = new MailMessage(options.Value.From, notice.EmailTo!)
            {
                Subject = $"【政策兑现服务平台】{notice.Title}",
                Body = notice.Body + (notice.Link is null ? "" : $"\n\n{notice.Link}"),
                SubjectEncoding = System.Text.Encoding.UTF8,
                BodyEncoding = System.Text.Encoding.UTF8,
            };
            await smtp.SendMailAsync(message, cancellationToken);
            notice.EmailedAt = Clock.GetUtcNow();
            await Db.SaveChangesAsync(cancellationToken);
        }
        Logger.LogInformation("Mailed {Count} notices", pending.Count);
    }

    private SmtpClient CreateClient()
    {
        var mail = options.Value;
        if (!string.IsNullOrWhiteSpace(mail.SmtpHost))
        {
            return new SmtpClient(mail.SmtpHost, mail.SmtpPort)
            {
                EnableSsl = mail.EnableSsl,
                Credentials = mail.UserName is null ? null : new NetworkCredential(mail.UserName, mail.Password),
            };
        }
        var root = Path.IsPathRooted(database.Value.DataFolder) ? database.Value.DataFolder : Path.Combine(environment.ContentRootPath, database.Value.DataFolder);
        var folder = Path.IsPathRooted(mail.PickupFolder) ? mail.PickupFolder : Path.Combine(root, mail.PickupFolder);
        Directory.CreateDirectory(folder);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
    }
}
