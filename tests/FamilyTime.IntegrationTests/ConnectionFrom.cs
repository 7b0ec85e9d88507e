using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The test server has no client address of its own: this startup filter gives every request <paramref name="address"/>,
/// standing for the proxy's (or the client's, with no proxy), before the app's own pipeline runs.
/// </summary>
internal sealed class ConnectionFrom(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following();
        });
        next(app);
    };
}
