using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
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
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SuspendedAt is null && await base.CanSignInAsync(user);
    }
}
