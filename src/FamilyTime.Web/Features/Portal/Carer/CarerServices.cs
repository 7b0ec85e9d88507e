namespace FamilyTime.Web.Features.Portal.Carer;

public static class CarerServices
{
    /// <summary>The carer portal: what's next, alerts and their choices, the indirect-contact log.</summary>
    public static IServiceCollection AddCarerPortal(this IServiceCollection services)
    {
        services.AddScoped<CarerFamilyTime>();
        services.AddScoped<CarerAlerts>();
        services.AddScoped<AlertPreferences>();
        services.AddScoped<IndirectContactLog>();
        return services;
    }
}
