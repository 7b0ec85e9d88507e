using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Admin.Users;
using FamilyTime.Web.Features.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Account.SingleSignOn;

/// <summary>The account a council sign-in opens, or why none.</summary>
public sealed record CouncilSignIn(ApplicationUser? User, string? Problem);

/// <summary>
/// Finds the staff account a council sign-in belongs to. Single sign-on never creates an account. A token from a tenant
/// not allowed is refused, whoever it names. An account is found by its link (issuer, tenant and object id); the first
/// link is made only by the administrator's set-up link for that account, or, from an allowed tenant, by a verified
/// e-mail address that belongs to exactly one staff account not linked yet. With group mapping set, each sign-in gives
/// the account the staff roles its groups map to. Every link and role change is audited.
/// </summary>
public sealed class LinkCouncilAccount(UserManager<ApplicationUser> users, FamilyTimeDbContext db, SingleSignOnSettings settings, AuditedSave audit)
{
    public const string SetUpUserItem = "setup-user";
    public const string SetUpTokenItem = "setup-token";

    public const string NotLinked = "Your council account is not linked to a Family time account. Ask an administrator to set one up for you, or to send you a set-up link.";

    public async Task<CouncilSignIn> FindAsync(ExternalLoginInfo info, string? setUpUser, string? setUpToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(info);
        var tenant = CouncilIdentity.Tenant(info.Principal);
        var allowed = settings.Tenants;
        if (allowed.Count > 0 && (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            return new(null, "Your council account belongs to an organisation that cannot sign in to Family time here. Sign in with a user name and password, or ask an administrator.");
        }
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey)
            ?? await ByInvitationAsync(info, setUpUser, setUpToken, ct)
            ?? await ByEmailAsync(info, tenant, ct);
        if (user is null)
        {
            return new(null, NotLinked);
        }
        if (settings.GroupRoles.Count > 0 && await GiveGroupRolesAsync(user, info, ct) is { } problem)
        {
            return new(null, problem);
        }
        return new(user, null);
    }

    /// <summary>The administrator's set-up link, used with the council's sign-in instead of a password; spent by it.</summary>
    private async Task<ApplicationUser?> ByInvitationAsync(ExternalLoginInfo info, string? userId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { SuspendedAt: null } user
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token)
            || await LinkedElsewhereAsync(user, info, ct))
        {
            return null;
        }
        return await LinkAsync(user, info, "set-up link", ct);
    }

    private async Task<ApplicationUser?> ByEmailAsync(ExternalLoginInfo info, string? tenant, CancellationToken ct)
    {
        // Only a tenant the council named vouches for its addresses; without that list no account is linked by e-mail.
        if (settings.Tenants.Count == 0 || tenant is null || CouncilIdentity.Email(info.Principal) is not { } email)
        {
            return null;
        }
        var normalised = users.NormalizeEmail(email);
        var staffRoleIds = (await db.StaffRoleIdsAsync(ct)).Values.ToList();
        var matches = await db.Users.Where(u => u.NormalizedEmail == normalised && u.SuspendedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId))).ToListAsync(ct);
        // Two accounts with one address: which is meant is not for the token to say.
        if (matches is not [var user] || await LinkedElsewhereAsync(user, info, ct))
        {
            return null;
        }
        return await LinkAsync(user, info, "e-mail", ct);
    }

    /// <summary>An account already linked to another council identity is not linked again: that would be a takeover.</summary>
    private async Task<bool> LinkedElsewhereAsync(ApplicationUser user, ExternalLoginInfo info, CancellationToken ct) =>
        await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == info.LoginProvider, ct);

    private async Task<ApplicationUser?> LinkAsync(ApplicationUser user, ExternalLoginInfo info, string by, CancellationToken ct)
    {
        db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = info.LoginProvider, ProviderKey = info.ProviderKey, ProviderDisplayName = info.ProviderDisplayName });
        // A set-up link works once, whichever way it is used.
        if (by == "set-up link")
        {
            user.RenewSecurityStamp();
        }
        try
        {
            await audit.SaveAsync(user.Id, "single sign-on",
                new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null,
                    JsonSerializer.Serialize(new { singleSignOn = "linked", by, tenant = CouncilIdentity.Tenant(info.Principal) })), ct);
        }
        catch (DbUpdateException)
        {
            // The same identity linked a moment ago by another tab.
            db.ChangeTracker.Clear();
            return await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        }
        return user;
    }

    /// <summary>The account's staff roles become those its groups map to; null when it may sign in, else why not.</summary>
    private async Task<string?> GiveGroupRolesAsync(ApplicationUser user, ExternalLoginInfo info, CancellationToken ct)
    {
        var mapped = CouncilIdentity.Groups(info.Principal).Where(settings.GroupRoles.ContainsKey)
            .Select(g => settings.GroupRoles[g]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (mapped.Count == 0)
        {
            return "Your council account is in no group that gives a role in Family time. Ask an administrator.";
        }
        var was = await db.StaffRolesOfAsync(user.Id, ct);
        if (was.SequenceEqual(mapped, StringComparer.Ordinal))
        {
            return null;
        }
        await db.ReplaceStaffRolesAsync(user.Id, mapped, ct);
        await audit.SaveAsync(user.Id, "single sign-on",
            new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null,
                JsonSerializer.Serialize(new { roles = new { was, now = mapped }, by = "council groups" })), ct);
        return null;
    }
}
