using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services);
app.UseWeb();
app.Lifetime.ApplicationStarted.Register(() => PortalLog.Started(app));
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
