namespace FamilyTime.Web.Features.Sessions;

public static class SessionServices
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionList>();
        services.AddScoped<AddSession>();
        services.AddScoped<CancellationReport>();
        return services;
    }
}
