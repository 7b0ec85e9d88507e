using FamilyTime.Data.Identity;
using FamilyTime.Web.Features.Invitations;
using Microsoft.AspNetCore.Identity;

// In the host's namespace so Startup registers the feature with one line and no using (others edit Startup too).
namespace FamilyTime.Web;

public static class InvitationServices
{
    /// <summary>Accounts by invitation and their suspension, with the sign-in manager that refuses a suspended account.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PortalOptions>(config.GetSection("Portal"));
        services.AddScoped<InvitationList>();
        services.AddScoped<SendInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<SuspendAccount>();
        // Registered after AddIdentity, so this is the SignInManager every sign-in path is given.
        services.AddScoped<SignInManager<ApplicationUser>, PortalSignInManager>();
        return services;
    }
}
