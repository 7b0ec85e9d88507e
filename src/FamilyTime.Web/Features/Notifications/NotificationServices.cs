namespace FamilyTime.Web.Features.Notifications;

public static class NotificationServices
{
    /// <summary>Telling people: every e-mail, text and letter is put in the outbox first (delivery is Infrastructure/Messaging).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<FamilyOutputGuard>();
        return services;
    }
}
