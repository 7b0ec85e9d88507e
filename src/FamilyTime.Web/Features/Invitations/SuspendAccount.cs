using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Invitations;

public sealed record SuspendCommand(string UserId, bool Suspend, string? Reason);

public sealed record AccountState(string UserId, string UserName, bool Suspended, DateTime? SuspendedAt);

/// <summary>
/// Suspends a portal account, or lifts the suspension, with a reason for the audit log. The child's editors may do it
/// for a family member's or the young person's account linked to their child; an administrator for any account.
/// A suspended account is locked for good and its security stamp renewed, so a sign-in already open ends on its next
/// request and no new one is let in (<see cref="PortalSignInManager"/>).
/// </summary>
public sealed class SuspendAccount(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock, SecurityStampCheck stamps)
{
    public const string ReasonField = "Reason";

    public async Task<Outcome<AccountState>> ForChildAsync(ChildContext child, SuspendCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<AccountState>(ChildOperation.EditChild) is { } refused)
        {
            return refused;
        }
        var linked = await db.SignificantPeople.AnyAsync(p => p.ChildId == child.ChildId && p.PortalUserId == command.UserId, ct)
            || await db.Children.AnyAsync(c => c.Id == child.ChildId && c.YoungPersonUserId == command.UserId, ct);
        return linked ? await ApplyAsync(child.Actor, child.ChildId, command, ct) : Outcome<AccountState>.NotFound();
    }

    public async Task<Outcome<AccountState>> AsAdministratorAsync(Actor actor, SuspendCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!actor.Scope.Is(Roles.Administrator))
        {
            return Outcome<AccountState>.NotFound();
        }
        if (command.UserId == actor.UserId)
        {
            return Outcome<AccountState>.Invalid(ReasonField, "You cannot suspend your own account");
        }
        return await ApplyAsync(actor, null, command, ct);
    }

    private async Task<Outcome<AccountState>> ApplyAsync(Actor actor, Guid? childId, SuspendCommand command, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, ct);
        if (user is null)
        {
            return Outcome<AccountState>.NotFound();
        }
        var reason = Text.Clean(command.Reason);
        var errors = new ValidationErrors();
        if (command.Suspend)
        {
            errors.Required(ReasonField, reason, "Enter why the account is suspended");
        }
        errors.MaxLength(ReasonField, reason, 500, "The reason");
        if (!errors.IsValid)
        {
            return Outcome<AccountState>.Invalid(errors);
        }
        if ((user.SuspendedAt is not null) == command.Suspend)
        {
            // Already as asked: a retried request changes nothing and writes nothing.
            return Outcome<AccountState>.Ok(new AccountState(user.Id, user.UserName ?? "", command.Suspend, user.SuspendedAt));
        }
        if (command.Suspend)
        {
            user.Suspend(clock.GetUtcNow().UtcDateTime, reason);
        }
        else
        {
            user.LiftSuspension();
        }
        var changes = JsonSerializer.Serialize(new Dictionary<string, string?> { ["suspended"] = command.Suspend ? "yes" : "no", ["reason"] = reason });
        var outcome = await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.PortalAccount, AccountAudit.RecordId(user.Id), childId, changes)],
            new AccountState(user.Id, user.UserName ?? "", command.Suspend, user.SuspendedAt), ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            stamps.Forget(user.Id);
        }
        return outcome;
    }
}
