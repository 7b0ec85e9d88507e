namespace FamilyTime.Web.Features.Travel;

public static class TravelServices
{
    public static IServiceCollection AddTravel(this IServiceCollection services)
    {
        services.AddScoped<OwnSessions>();
        services.AddScoped<TravelNotices>();
        services.AddScoped<ClaimTravel>();
        services.AddScoped<ClaimMileage>();
        services.AddScoped<DecideTravelClaim>();
        services.AddScoped<TravelClaimLists>();
        services.AddScoped<ExportPayments>();
        services.AddScoped<TravelFiles>();
        services.AddScoped<Portfolio.PortfolioReader>();
        services.AddScoped<Portfolio.PortfolioChanges>();
        services.AddScoped<Portfolio.Diary>();
        return services;
    }
}
