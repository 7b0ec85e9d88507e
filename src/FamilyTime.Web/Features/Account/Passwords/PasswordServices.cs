using FamilyTime.Web.Features.Account.Passwords;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

// In the host's namespace so Startup registers the feature with one line.
namespace FamilyTime.Web;

public static class PasswordServices
{
    /// <summary>Password change, reset by e-mail, and the proof asked before security changes.</summary>
    public static IServiceCollection AddPasswords(this IServiceCollection services)
    {
        services.AddScoped<PasswordChange>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<PasswordResetLinks>();
        services.AddScoped<RecentProof>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var before = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async context =>
            {
                await RecentProof.NoteSignIn(context);
                await before(context);
            };
        });
        return services;
    }
}
