using FamilyTime.Web.Features.Account;
using FamilyTime.Web.Features.Admin.Teams;
using FamilyTime.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

// In the host's namespace so Startup registers the feature with one line.
namespace FamilyTime.Web;

public static class StaffAdminServices
{
    /// <summary>Staff accounts, areas and teams: their handlers, the add page's route and the set-up link's lifespan.</summary>
    public static IServiceCollection AddStaffAdmin(this IServiceCollection services)
    {
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<Organisation>();
        // The set-up link is Identity's password-reset token; a new starter may not read their e-mail the same day.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(SetUpLink.LifespanDays));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Users/Account", "/Admin/Users/Add"));
        return services;
    }
}
