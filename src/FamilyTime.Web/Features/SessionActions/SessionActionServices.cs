using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.SessionActions;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class SessionActionServices
{
    /// <summary>The family's actions on their own sessions, the worker's decisions on requests to move one, and ringing in.</summary>
    public static IServiceCollection AddSessionActions(this IServiceCollection services)
    {
        services.AddScoped<FamilySessions>();
        services.AddScoped<FamilySessionReader>();
        services.AddScoped<SessionAlerts>();
        services.AddScoped<ConfirmSession>();
        services.AddScoped<SayRunningLate>();
        services.AddScoped<CantCome>();
        services.AddScoped<AskToRearrange>();
        services.AddScoped<DecideRearrangement>();
        services.AddScoped<IJobHandler, RingingInSweep>();
        return services;
    }
}
