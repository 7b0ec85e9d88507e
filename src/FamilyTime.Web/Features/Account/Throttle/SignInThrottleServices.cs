namespace FamilyTime.Web.Features.Account.Throttle;

public static class SignInThrottleServices
{
    /// <summary>The throttle (one per process, see <see cref="SignInThrottle"/>) and the password step that uses it.</summary>
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(SignInThrottleOptions.From(config));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }
}
