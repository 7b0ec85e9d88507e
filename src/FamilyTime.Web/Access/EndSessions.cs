using FamilyTime.Data.Identity;
using FamilyTime.Web.Api.Tokens;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Access;

/// <summary>
/// Signing out ends every sign-in of the account, not only this browser's cookie: a new security stamp makes every
/// cookie and bearer token issued before it fail (<see cref="SecurityStampCheck"/>), every stored refresh token of the
/// account is revoked, and forgetting what this server read of the stamp makes it take effect at once. Someone who
/// signs out on a shared computer or a lost phone's browser is signed out there too.
/// </summary>
public sealed class EndSessions(UserManager<ApplicationUser> users, SecurityStampCheck stamps, RefreshTokenStore refreshTokens)
{
    public const string DefaultReason = "sessions ended";

    /// <param name="reason">Kept on each revoked refresh token, for whoever later asks why it stopped working.</param>
    public async Task EndAllAsync(string? userId, string reason = DefaultReason)
    {
        if (userId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }
        await users.UpdateSecurityStampAsync(user);
        await refreshTokens.RevokeAllAsync(user.Id, reason, CancellationToken.None);
        stamps.Forget(userId);
    }
}
