using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// The in-process test server has no client address. Installed with ConfigureTestServices, this gives every request the
/// address named in its <see cref="Header"/> (or <see cref="Default"/>), so tests can act as several clients.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    public static readonly IPAddress Default = IPAddress.Parse("203.0.113.7");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address) ? address : Default;
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client whose requests all come from the given address.</summary>
    public static HttpClient From(HttpClient client, string address)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
