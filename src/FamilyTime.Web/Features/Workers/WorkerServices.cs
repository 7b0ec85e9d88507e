using FamilyTime.Web.Features.Workers;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class WorkerServices
{
    /// <summary>Workers' profiles, leave and the list of workers.</summary>
    public static IServiceCollection AddWorkers(this IServiceCollection services)
    {
        services.AddScoped<WorkerDirectory>();
        services.AddScoped<SaveWorkerProfile>();
        services.AddScoped<ChangeLeave>();
        return services;
    }
}
