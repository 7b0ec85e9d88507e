using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Features.Rota;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class RotaServices
{
    /// <summary>The rota page's use cases, the background runner and the solver.</summary>
    public static IServiceCollection AddRota(this IServiceCollection services)
    {
        services.AddSingleton(sp => RotaSettings.From(sp.GetRequiredService<IConfiguration>()));
        // The optimiser in a child process by default: a native crash in OR-Tools then ends the child, not the service.
        services.AddSingleton<IRotaSolver>(sp => sp.GetRequiredService<RotaSettings>().InProcess ? new CpSatRotaSolver() : new ProcessRotaSolver());
        services.AddScoped<RotaInputBuilder>();
        services.AddScoped<StartRotaRun>();
        services.AddScoped<PinRotaSession>();
        services.AddScoped<PublishRota>();
        services.AddScoped<RotaReader>();
        services.AddSingleton<RotaRunQueue>();
        services.AddSingleton<RotaRunner>();
        services.AddHostedService<RotaRunService>();
        return services;
    }
}
