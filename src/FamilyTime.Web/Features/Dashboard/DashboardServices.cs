namespace FamilyTime.Web.Features.Dashboard;

public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<TeamDashboard>();
        return services;
    }
}
