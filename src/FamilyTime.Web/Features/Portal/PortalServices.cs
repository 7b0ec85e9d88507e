namespace FamilyTime.Web.Features.Portal;

public static class PortalServices
{
    /// <summary>The parent's own family time, for the portal pages and the portal API.</summary>
    public static IServiceCollection AddParentPortal(this IServiceCollection services)
    {
        services.AddScoped<ParentFamilyTime>();
        services.AddScoped<FamilyLetters>();
        return services;
    }
}
