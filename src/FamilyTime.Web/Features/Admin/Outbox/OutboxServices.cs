namespace FamilyTime.Web.Features.Admin.Outbox;

public static class OutboxServices
{
    public static IServiceCollection AddOutboxPages(this IServiceCollection services)
    {
        services.AddScoped<OutboxLog>();
        return services;
    }
}
