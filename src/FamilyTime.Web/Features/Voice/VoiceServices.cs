using FamilyTime.Web.Features.Voice;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class VoiceServices
{
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddScoped<MyFamilyTime>();
        services.AddScoped<NameFamilyTime>();
        services.AddScoped<SayHowItFelt>();
        services.AddScoped<SayWhoToSee>();
        services.AddScoped<AskToTalk>();
        services.AddScoped<ChildsVoiceReader>();
        return services;
    }
}
