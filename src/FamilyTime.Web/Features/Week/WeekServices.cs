namespace FamilyTime.Web.Features.Week;

public static class WeekServices
{
    public static IServiceCollection AddWeekViews(this IServiceCollection services)
    {
        services.AddScoped<WeekSessions>();
        services.AddScoped<AreaWeek>();
        return services;
    }
}
