using FamilyTime.Web.Features.Wellbeing;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class WellbeingServices
{
    public static IServiceCollection AddWellbeing(this IServiceCollection services)
    {
        services.AddScoped<WellbeingReader>();
        services.AddScoped<RecordObservation>();
        // A service sets its own sensitivity ("Wellbeing:ReviewThresholds:DriftDays" and the rest); the defaults otherwise.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Wellbeing:ReviewThresholds").Get<Domain.Wellbeing.ReviewThresholds>()
            ?? Domain.Wellbeing.ReviewThresholds.Default);
        services.AddScoped<DriftReader>();
        services.AddScoped<TrendReader>();
        return services;
    }
}
