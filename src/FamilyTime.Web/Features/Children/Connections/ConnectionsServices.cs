using FamilyTime.Web.Features.Children.Connections;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class ConnectionsServices
{
    public static IServiceCollection AddChildConnections(this IServiceCollection services)
    {
        services.AddScoped<ConnectionsReader>();
        return services;
    }
}
