namespace FamilyTime.Web.Features.Inbox;

public static class InboxServices
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddScoped<InboxReader>();
        services.AddScoped<InboxTasks>();
        return services;
    }
}
