using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Access;

/// <summary>
/// Signing out ends every sign-in of the account, not only this browser's cookie: a new security stamp makes every
/// cookie, bearer token and refresh token issued before it fail (<see cref="SecurityStampCheck"/>, and the refresh
/// endpoint's own check), and forgetting what this server read of the stamp makes it take effect at once. Someone who
/// signs out on a shared computer or a lost phone's browser is signed out there too.
/// </summary>
public sealed class EndSessions(UserManager<ApplicationUser> users, SecurityStampCheck stamps)
{
    public async Task EndAllAsync(string? userId)
    {
        if (userId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }
        await users.UpdateSecurityStampAsync(user);
        stamps.Forget(userId);
    }
}
