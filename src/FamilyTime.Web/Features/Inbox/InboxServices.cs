namespace FamilyTime.Web.Features.Inbox;

public static class InboxServices
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddScoped<Records.Inbox>();
        services.AddScoped<Records.InboxTasks>();
        return services;
    }
}
