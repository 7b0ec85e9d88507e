namespace FamilyTime.Web.Features.Changes;

public static class ChangeServices
{
    public static IServiceCollection AddChanges(this IServiceCollection services)
    {
        services.AddScoped<ChangeWorkflow>();
        services.AddScoped<ChangeNotices>();
        services.AddScoped<ChangeReader>();
        return services;
    }
}
