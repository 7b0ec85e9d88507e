namespace FamilyTime.Web.Features.Retention;

public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<DisposalReview>();
        services.AddScoped<LegalHolds>();
        services.AddScoped<DatesOfDeath>();
        return services;
    }
}
