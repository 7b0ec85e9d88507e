using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Invitations;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Users;

public sealed record StaffAccountSaved(string Id, string UserName, string Version, bool SetUpLinkSent);

/// <summary>Deactivate (with a reason) or reactivate an account.</summary>
public sealed record StaffActiveCommand(bool Active, string? Reason, string? Version);

/// <summary>
/// An administrator's changes to staff accounts: create (the account and its set-up link, sent to the work e-mail
/// address), change details, roles, team and area, deactivate and reactivate, reset two-factor sign-in, send the set-up
/// link again. Each change and its audit entry are saved together; an account changed by someone else since the form
/// was opened answers a conflict (Identity's concurrency stamp is the version). A change of roles or a deactivation
/// renews the security stamp, which ends the account's open sessions within seconds (<see cref="SecurityStampCheck"/>).
/// An administrator cannot deactivate themselves or take away their own administrator role, so the service always
/// keeps one way in.
/// </summary>
public sealed class StaffAccounts(FamilyTimeDbContext db, UserManager<ApplicationUser> users, AuditedSave audit, Notifier notifier, TimeProvider clock)
{
    public const string ReasonField = "Reason";

    public async Task<Outcome<StaffAccountSaved>> CreateAsync(Actor actor, StaffAccountDetails details, string linkBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(details);
        if (!actor.Scope.Is(Roles.Administrator))
        {
            return Outcome<StaffAccountSaved>.Forbidden("Only an administrator can add staff accounts.");
        }
        var errors = await CheckAsync(details, null, ct);
        if (!errors.IsValid)
        {
            return Outcome<StaffAccountSaved>.Invalid(errors);
        }
        var userName = Text.Clean(details.UserName)!;
        var email = Text.Clean(details.Email)!;
        var user = new ApplicationUser
        {
            UserName = userName,
            NormalizedUserName = users.NormalizeName(userName),
            DisplayName = Text.Clean(details.DisplayName)!,
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),
            // The administrator vouches for the work address; the set-up link sent there proves it.
            EmailConfirmed = true,
            TeamId = details.TeamId,
            AreaId = details.AreaId,
            LockoutEnabled = true,
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.RenewSecurityStamp();
        // The account, its roles, its set-up e-mail and the audit entry in one save: none without the others.
        db.Users.Add(user);
        await db.ReplaceStaffRolesAsync(user.Id, details.Roles!, ct);
        await QueueSetUpLinkAsync(user, linkBase, ct);
        var note = new AuditNote(AuditAction.Create, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null,
            JsonSerializer.Serialize(new { userName, name = user.DisplayName, roles = details.Roles, team = user.TeamId, area = user.AreaId }));
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, note, ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the user name between the check and the save.
            db.ChangeTracker.Clear();
            return Outcome<StaffAccountSaved>.Invalid(StaffAccountRules.UserNameField, $"The user name {userName} is taken. Choose another");
        }
        return Outcome<StaffAccountSaved>.Ok(new StaffAccountSaved(user.Id, userName, user.ConcurrencyStamp, true));
    }

    public async Task<Outcome<StaffAccountSaved>> ChangeAsync(Actor actor, string id, StaffAccountDetails details, string? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrEmpty(version))
        {
            return Outcome<StaffAccountSaved>.Invalid("Version", "Send the version of the account you are changing (from its answer), so that nobody's change is overwritten");
        }
        var (user, refused) = await FindAsync(actor, id, version, ct);
        if (refused is not null)
        {
            return refused.As<StaffAccountSaved>();
        }
        var errors = await CheckAsync(details, user!.Id, ct);
        if (id == actor.UserId && details.Roles?.Contains(Roles.Administrator) != true)
        {
            errors.Add(StaffAccountRules.RolesField, "You cannot take away your own administrator role: ask another administrator");
        }
        if (!errors.IsValid)
        {
            return Outcome<StaffAccountSaved>.Invalid(errors);
        }
        var before = await db.StaffRolesOfAsync(user.Id, ct);
        var userName = Text.Clean(details.UserName)!;
        var email = Text.Clean(details.Email);
        var changes = new Dictionary<string, object?>();
        void Note(string field, object? was, object? now)
        {
            if (!Equals(was, now))
            {
                changes[field] = new { was, now };
            }
        }
        Note("userName", user.UserName, userName);
        Note("name", user.DisplayName, Text.Clean(details.DisplayName));
        Note("email", user.Email, email);
        Note("team", user.TeamId, details.TeamId);
        Note("area", user.AreaId, details.AreaId);
        var after = details.Roles!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rolesChanged = !before.SequenceEqual(after, StringComparer.Ordinal);
        if (rolesChanged)
        {
            changes["roles"] = new { was = before, now = after };
        }
        if (changes.Count == 0)
        {
            return Outcome<StaffAccountSaved>.Ok(new StaffAccountSaved(user.Id, user.UserName ?? "", user.ConcurrencyStamp ?? "", false));
        }
        user.UserName = userName;
        user.NormalizedUserName = users.NormalizeName(userName);
        user.DisplayName = Text.Clean(details.DisplayName)!;
        user.Email = email;
        user.NormalizedEmail = email is null ? null : users.NormalizeEmail(email);
        user.TeamId = details.TeamId;
        user.AreaId = details.AreaId;
        if (rolesChanged || changes.ContainsKey("team") || changes.ContainsKey("area"))
        {
            // What the account may reach is in its sign-in's claims: a new stamp makes every session read them again.
            user.RenewSecurityStamp();
            await db.ReplaceStaffRolesAsync(user.Id, after, ct);
        }
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var outcome = await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null, JsonSerializer.Serialize(changes))],
            new StaffAccountSaved(user.Id, userName, user.ConcurrencyStamp, false), ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            db.ChangeTracker.Clear();
            // A user name taken meanwhile is a unique index, not a version: say which.
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName) && u.Id != id, ct))
            {
                return Outcome<StaffAccountSaved>.Invalid(StaffAccountRules.UserNameField, $"The user name {userName} is taken. Choose another");
            }
        }
        return outcome;
    }

    public async Task<Outcome<StaffAccountSaved>> SetActiveAsync(Actor actor, string id, StaffActiveCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var (user, refused) = await FindAsync(actor, id, command.Version, ct);
        if (refused is not null)
        {
            return refused.As<StaffAccountSaved>();
        }
        var reason = Text.Clean(command.Reason);
        var errors = new ValidationErrors();
        if (!command.Active)
        {
            errors.Required(ReasonField, reason, "Enter why the account is deactivated, for example that they have left the service");
            if (id == actor.UserId)
            {
                errors.Add(ReasonField, "You cannot deactivate your own account: ask another administrator");
            }
        }
        errors.MaxLength(ReasonField, reason, 500, "The reason");
        if (!errors.IsValid)
        {
            return Outcome<StaffAccountSaved>.Invalid(errors);
        }
        if ((user!.SuspendedAt is null) == command.Active)
        {
            // Already as asked: a repeated request writes nothing.
            return Outcome<StaffAccountSaved>.Ok(new StaffAccountSaved(user.Id, user.UserName ?? "", user.ConcurrencyStamp ?? "", false));
        }
        if (command.Active)
        {
            user.LiftSuspension();
        }
        else
        {
            user.Suspend(clock.GetUtcNow().UtcDateTime, reason);
        }
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null,
                JsonSerializer.Serialize(new { active = command.Active, reason }))],
            new StaffAccountSaved(user.Id, user.UserName ?? "", user.ConcurrencyStamp ?? "", false), ct);
    }

    /// <summary>For someone who lost their phone: the authenticator and its recovery codes are removed and their sessions
    /// end; at the next sign-in they set up a new app (their role may require it).</summary>
    public async Task<Outcome<StaffAccountSaved>> ResetMfaAsync(Actor actor, string id, string? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (user, refused) = await FindAsync(actor, id, version, ct);
        if (refused is not null)
        {
            return refused.As<StaffAccountSaved>();
        }
        user!.TwoFactorEnabled = false;
        user.RenewSecurityStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        // Identity keeps the authenticator key and the recovery codes as the account's tokens.
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(ct));
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null, "{\"twoFactor\":\"reset\"}")],
            new StaffAccountSaved(user.Id, user.UserName ?? "", user.ConcurrencyStamp, false), ct);
    }

    /// <summary>A new set-up link by e-mail (the last one stops working when the password is set with either).</summary>
    public async Task<Outcome<StaffAccountSaved>> SendSetUpLinkAsync(Actor actor, string id, string linkBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (user, refused) = await FindAsync(actor, id, null, ct);
        if (refused is not null)
        {
            return refused.As<StaffAccountSaved>();
        }
        if (user!.SuspendedAt is not null)
        {
            return Outcome<StaffAccountSaved>.Invalid(ReasonField, "The account is deactivated: reactivate it first");
        }
        if (string.IsNullOrEmpty(user.Email))
        {
            return Outcome<StaffAccountSaved>.Invalid(StaffAccountRules.EmailField, "Add their work e-mail address first: the link is sent there");
        }
        await QueueSetUpLinkAsync(user, linkBase, ct);
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.StaffAccount, AccountAudit.RecordId(user.Id), null, "{\"setUpLink\":\"sent\"}")],
            new StaffAccountSaved(user.Id, user.UserName ?? "", user.ConcurrencyStamp ?? "", true), ct);
    }

    /// <summary>The staff account to change, tracked, or why not: not an administrator, no such staff account, or changed
    /// since <paramref name="version"/> (when given).</summary>
    private async Task<(ApplicationUser? User, Outcome<bool>? Refused)> FindAsync(Actor actor, string id, string? version, CancellationToken ct)
    {
        if (!actor.Scope.Is(Roles.Administrator))
        {
            return (null, Outcome<bool>.Forbidden("Only an administrator can change staff accounts."));
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || (await db.StaffRolesOfAsync(user.Id, ct)).Count == 0)
        {
            return (null, Outcome<bool>.NotFound());
        }
        if (version is not null && version != user.ConcurrencyStamp)
        {
            return (null, Outcome<bool>.Conflict());
        }
        return (user, null);
    }

    /// <summary>The domain's checks, then what only the database knows: the team and area exist, the user name is free.</summary>
    private async Task<ValidationErrors> CheckAsync(StaffAccountDetails details, string? userId, CancellationToken ct)
    {
        var errors = StaffAccountRules.Validate(details, isNew: userId is null);
        if (details.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            errors.Add(StaffAccountRules.TeamField, "Choose a team from the list");
        }
        if (details.AreaId is { } area && !await db.Areas.AnyAsync(a => a.Id == area, ct))
        {
            errors.Add(StaffAccountRules.AreaField, "Choose an area from the list");
        }
        if (Text.Clean(details.UserName) is { } name && errors.IsValid
            && await db.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(name) && u.Id != userId, ct))
        {
            errors.Add(StaffAccountRules.UserNameField, $"The user name {name} is taken. Choose another");
        }
        return errors;
    }

    private async Task QueueSetUpLinkAsync(ApplicationUser user, string linkBase, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{linkBase.TrimEnd('/')}/Account/SetUp?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var now = clock.GetUtcNow().UtcDateTime;
        await notifier.EmailStaffAsync($"staff-setup:{user.Id}:{now.Ticks}", user.Email!, user.DisplayName, "Set up your FamilyTime account",
            $"Dear {user.DisplayName},\n\nAn account has been set up for you on FamilyTime. Your user name is {user.UserName}.\n\n"
            + $"Choose your password here (the link works once, for {Account.SetUpLink.LifespanDays} days):\n{link}\n\n"
            + "If you were not expecting this, tell your service's administrator.", ct);
    }
}
