using FamilyTime.Web.Features.Feedback;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class FeedbackServices
{
    /// <summary>Feedback on sessions and venues, and the language check page, so the host needs one line for both.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<FeedbackTargets>();
        services.AddScoped<GiveFeedback>();
        services.AddScoped<FeedbackInbox>();
        services.AddScoped<RespondToFeedback>();
        services.AddScoped<FamilyFeedback>();
        return services;
    }
}
