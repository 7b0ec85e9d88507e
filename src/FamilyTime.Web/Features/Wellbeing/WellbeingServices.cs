using FamilyTime.Web.Features.Wellbeing;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class WellbeingServices
{
    public static IServiceCollection AddWellbeing(this IServiceCollection services)
    {
        services.AddScoped<WellbeingReader>();
        services.AddScoped<RecordObservation>();
        services.AddSingleton(Domain.Wellbeing.ReviewThresholds.Default);
        return services;
    }
}
