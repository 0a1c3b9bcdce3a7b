using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Migrations;
using Quartz;

namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>
/// Quartz: in-memory store on the embedded default, clustered ADO.NET store on PostgreSQL (tables from the
/// QuartzStore migration, validated at start). Every trigger is declared here, in one place, in Asia/Shanghai.
/// </summary>
internal static class SchedulerSetup
{
    public static void AddPortalScheduler(this IHostApplicationBuilder builder, DatabaseOptions database, string? connectionString)
    {
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById(SchedulerOptions.TimeZoneId);
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = QuartzStore.SchedulerName;
                s.GenerateInstanceId = true;
                s.DefaultTimeZone = shanghai;
            });
            if (database.IsPostgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString!);
                    store.UseClustering(c =>
                    {
                        c.Enabled = true;
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                    });
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(s =>
                    {
                        s.StoreJobDataAsStrings = true;
                        // The migration owns the schema; Quartz only checks it is there.
                        s.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore(_ => { });
            }

            q.AddJob<HeartbeatJob>(j => j.WithIdentity(HeartbeatJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(HeartbeatJob.Key)
                .WithIdentity("heartbeat-trigger", "housekeeping")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.HeartbeatSeconds)).RepeatForever()));

            q.AddJob<Notifications.WindowOpeningJob>(j => j.WithIdentity(Notifications.WindowOpeningJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(Notifications.WindowOpeningJob.Key)
                .WithIdentity("window-opening-trigger", "deadlines")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()));

            q.AddJob<Notifications.DeadlineJob>(j => j.WithIdentity(Notifications.DeadlineJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(Notifications.DeadlineJob.Key)
                .WithIdentity("deadlines-trigger", "deadlines")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.DeadlineSeconds)).RepeatForever()));

            q.AddJob<Notifications.MailJob>(j => j.WithIdentity(Notifications.MailJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(Notifications.MailJob.Key)
                .WithIdentity("mail-trigger", "notifications")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.MailSeconds)).RepeatForever()));
        });
        if (options.Enabled)
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
