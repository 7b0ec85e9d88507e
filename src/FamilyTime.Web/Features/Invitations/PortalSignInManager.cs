using System.Security.Claims;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>
/// Refuses a suspended account before its password is looked at: the sign-in page and the token endpoint then give
/// their usual "not right" answer (Identity's NotAllowed), saying nothing of a suspension. The lockout set on
/// suspension holds every other way in (two-factor, single sign-on) as well.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    FamilyTimeDbContext db,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// Every way in (password, second factor, single sign-on, API token) ends here: the time is kept for the
    /// administrators' list of accounts. Written straight to the row, so it never clashes with an administrator saving
    /// the same account.
    /// </summary>
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now));
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SuspendedAt is null && await base.CanSignInAsync(user);
    }
}
