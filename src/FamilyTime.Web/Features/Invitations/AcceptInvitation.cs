using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>What the "Set up your account" page shows for a usable link: who it is for and a user name to suggest.</summary>
public sealed record InvitationView(string InviteeName, InvitationKind Kind, string SuggestedUserName);

public sealed record AcceptCommand(string? Token, string? UserName, string? Password, string? ConfirmPassword);

public sealed record AccountCreated(ApplicationUser User, string Role, Guid ChildId);

/// <summary>
/// Turns a usable invitation into an account: the user with the right role and household, the link to the person
/// on the child's record, and the invitation marked used, all in one transaction. Any link that cannot be used
/// (unknown, used, revoked, expired) answers not found, the same for each, so tokens cannot be probed.
/// </summary>
public sealed class AcceptInvitation(FamilyTimeDbContext db, UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store,
    AuditedSave audit, TimeProvider clock)
{
    public const string UserNameField = "UserName";
    public const string PasswordField = "Password";
    public const string ConfirmField = "ConfirmPassword";

    public async Task<InvitationView?> FindAsync(string? token, CancellationToken ct)
    {
        var invitation = await UsableAsync(token, tracked: false, ct);
        return invitation is null ? null
            : new InvitationView(invitation.InviteeName, invitation.Kind, await FreeUserNameAsync(UserNameSuggestion.From(invitation.InviteeName), ct));
    }

    public async Task<Outcome<AccountCreated>> AcceptAsync(AcceptCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invitation = await UsableAsync(command.Token, tracked: true, ct);
        if (invitation is null)
        {
            return Outcome<AccountCreated>.NotFound();
        }
        var errors = new ValidationErrors();
        var userName = command.UserName?.Trim();
        errors.Required(UserNameField, userName, "Enter a user name");
        errors.MaxLength(UserNameField, userName, 60, "User name");
        errors.Required(PasswordField, command.Password, "Enter a password");
        if (!string.IsNullOrEmpty(command.Password) && command.Password != command.ConfirmPassword)
        {
            errors.Add(ConfirmField, "The two passwords are not the same: type the same password twice");
        }
        if (!errors.IsValid)
        {
            return Outcome<AccountCreated>.Invalid(errors);
        }

        var (role, link) = await LinkAsync(invitation, ct);
        if (link is null)
        {
            // The person has an account by now, or the child has moved from the carers' home: the link is spent.
            return Outcome<AccountCreated>.NotFound();
        }
        var user = new ApplicationUser
        {
            UserName = userName,
            DisplayName = invitation.InviteeName,
            Email = invitation.Channel == InvitationChannel.Email ? invitation.SentTo : null,
            EmailConfirmed = invitation.Channel == InvitationChannel.Email,
            PhoneNumber = invitation.Channel == InvitationChannel.Text ? invitation.SentTo : null,
            PhoneNumberConfirmed = invitation.Channel == InvitationChannel.Text,
            CarerHouseholdId = invitation.Kind == InvitationKind.Carer ? invitation.CarerHouseholdId : null,
        };
        // The user is only staged here: it is saved with its role, its link and the used invitation in one transaction below.
        EfStore().AutoSaveChanges = false;
        var created = await users.CreateAsync(user, command.Password!);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Outcome<AccountCreated>.Invalid(await DescribeAsync(created, userName!, ct));
        }
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        link(user.Id);
        invitation.Accept(user.Id, clock.GetUtcNow().UtcDateTime);

        List<AuditNote> notes =
        [
            new(AuditAction.Create, AuditRecord.PortalAccount, AccountAudit.RecordId(user.Id), invitation.ChildId, $"{{\"role\":\"{role}\"}}"),
            new(AuditAction.Update, AuditRecord.Invitation, invitation.Id, invitation.ChildId),
        ];
        if (invitation.PersonId is { } personId)
        {
            notes.Add(new(AuditAction.Update, AuditRecord.SignificantPerson, personId, invitation.ChildId));
        }
        try
        {
            await audit.SaveAsync(user.Id, user.UserName!, notes, ct);
        }
        catch (DbUpdateException)
        {
            // Another tab accepted the same link a moment ago (the invitation's version moved), or took this user name.
            return await UsableAsync(command.Token, tracked: false, ct) is null
                ? Outcome<AccountCreated>.NotFound()
                : Outcome<AccountCreated>.Invalid(UserNameField, $"The user name {userName} is taken. Choose another, such as {await FreeUserNameAsync(userName!, ct)}");
        }
        return Outcome<AccountCreated>.Ok(new AccountCreated(user, role, invitation.ChildId));
    }

    private async Task<Invitation?> UsableAsync(string? token, bool tracked, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = InvitationToken.Hash(token.Trim());
        var query = tracked ? db.Invitations : db.Invitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.CanBeAcceptedAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>The role for the account and how to link it, or no link when the invitation can no longer be honoured.</summary>
    private async Task<(string Role, Action<string>? Link)> LinkAsync(Invitation invitation, CancellationToken ct)
    {
        switch (invitation.Kind)
        {
            case InvitationKind.FamilyMember:
                var person = await db.SignificantPeople.FirstOrDefaultAsync(p => p.Id == invitation.PersonId && p.ChildId == invitation.ChildId, ct);
                return (Roles.Parent, person is null || person.PortalUserId is not null ? null : person.LinkPortalAccount);
            case InvitationKind.YoungPerson:
                var child = await db.Children.FirstOrDefaultAsync(c => c.Id == invitation.ChildId, ct);
                return (Roles.YoungPerson, child is null || child.YoungPersonUserId is not null ? null : child.LinkYoungPersonAccount);
            default:
                var stillThere = await db.Placements.AnyAsync(p => p.ChildId == invitation.ChildId && p.EndDate == null && p.CarerHouseholdId == invitation.CarerHouseholdId, ct);
                return (Roles.Carer, stillThere ? _ => { } : null);
        }
    }

    /// <summary><paramref name="wanted"/>, or with the first number after it that nobody has taken.</summary>
    private async Task<string> FreeUserNameAsync(string wanted, CancellationToken ct)
    {
        var normalised = users.NormalizeName(wanted) ?? wanted.ToUpperInvariant();
        var taken = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName != null && u.NormalizedUserName.StartsWith(normalised))
            .Select(u => u.NormalizedUserName!).ToListAsync(ct);
        if (!taken.Contains(normalised, StringComparer.Ordinal))
        {
            return wanted;
        }
        var n = 2;
        while (taken.Contains(normalised + n, StringComparer.Ordinal))
        {
            n++;
        }
        return wanted + n;
    }

    /// <summary>Identity's refusals, in plain words and under the field they are about.</summary>
    private async Task<ValidationErrors> DescribeAsync(IdentityResult result, string userName, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var options = users.Options;
        foreach (var e in result.Errors)
        {
            _ = e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) => errors.Add(UserNameField, $"The user name {userName} is taken. Choose another, such as {await FreeUserNameAsync(userName, ct)}"),
                nameof(IdentityErrorDescriber.InvalidUserName) => errors.Add(UserNameField, "A user name can only have letters, numbers and the signs . - _ @ +, with no spaces"),
                _ => Account.PasswordWords.Describe(e, options.Password) is { } password ? errors.Add(PasswordField, password) : errors.Add(UserNameField, e.Description),
            };
        }
        return errors;
    }

    private UserStore<ApplicationUser, IdentityRole, FamilyTimeDbContext, string, IdentityUserClaim<string>, IdentityUserRole<string>,
        IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>, IdentityUserPasskey<string>> EfStore() =>
        store as UserStore<ApplicationUser, IdentityRole, FamilyTimeDbContext, string, IdentityUserClaim<string>, IdentityUserRole<string>,
            IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>, IdentityUserPasskey<string>>
        ?? throw new InvalidOperationException("Accepting an invitation needs Identity's Entity Framework user store, not " + store.GetType());
}

/// <summary>An account's audit entries use its id as the record id (Identity's ids are GUIDs written as text).</summary>
public static class AccountAudit
{
    public static Guid RecordId(string userId) => Guid.TryParse(userId, out var id) ? id : Guid.Empty;
}
