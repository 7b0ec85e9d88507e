using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>
/// Who to invite: <paramref name="Kind"/> with <paramref name="PersonId"/> (a family member on the child's record);
/// <paramref name="Name"/> for a carer; how to send it and where.
/// </summary>
public sealed record InviteCommand(InvitationKind? Kind, Guid? PersonId, string? Name, InvitationChannel? Channel, string? SendTo);

public sealed record InvitationSent(Guid Id, string InviteeName, InvitationChannel Channel, string SentTo, DateTime ExpiresAt);

/// <summary>
/// Staff (the child's editors) invite a family member, a carer of the child's current home or the young person by
/// e-mail or text; re-sending makes a new link and revokes the old one. The message holds the link and nothing about
/// the child, and passes the family guard on its way to a family member or young person.
/// </summary>
public sealed class SendInvitation(FamilyTimeDbContext db, Notifier notifier, AuditedSave audit, TimeProvider clock,
    IOptions<PortalOptions> options, IConfiguration config)
{
    public const string PersonField = nameof(InviteCommand.PersonId);

    public async Task<Outcome<InvitationSent>> InviteAsync(ChildContext child, InviteCommand command, string linkBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<InvitationSent>(ChildOperation.EditChild) is { } refused)
        {
            return refused;
        }
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Outcome<InvitationSent>.Invalid(nameof(InviteCommand.Kind), "Choose who you are inviting");
        }
        var invitee = await InviteeAsync(child, kind, command.PersonId, command.Name, ct);
        if (invitee.Refusal is { } problem)
        {
            return Outcome<InvitationSent>.Invalid(problem.Field, problem.Message);
        }
        var to = Domain.Common.Text.Clean(command.SendTo) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Invitations.FirstOrDefaultAsync(i => i.OpenKey == Invitation.KeyFor(child.ChildId, kind, command.PersonId, to), ct);
        if (open is not null && open.CanBeAcceptedAt(now))
        {
            return Outcome<InvitationSent>.Invalid(kind == InvitationKind.FamilyMember ? PersonField : nameof(InviteCommand.Kind),
                $"{invitee.Name} was already invited on {InvitationWords.Date(open.SentAt)}; the link works until {InvitationWords.Date(open.ExpiresAt)}. Re-send it from the list of invitations if it did not arrive.");
        }
        open?.Supersede();
        return await IssueAsync(child, kind, command.PersonId, invitee.Name, command.Channel, to, open, linkBase, ct);
    }

    /// <summary>Sends a sent, expired or revoked invitation again with a new link; the old link stops working.</summary>
    public async Task<Outcome<InvitationSent>> ResendAsync(ChildContext child, Guid invitationId, string linkBase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<InvitationSent>(ChildOperation.EditChild) is { } refused)
        {
            return refused;
        }
        var old = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ChildId == child.ChildId, ct);
        if (old is null)
        {
            return Outcome<InvitationSent>.NotFound();
        }
        if (old.AcceptedAt is not null)
        {
            return Outcome<InvitationSent>.Invalid(nameof(InviteCommand.Kind), $"{old.InviteeName} has already accepted this invitation and has an account.");
        }
        var invitee = await InviteeAsync(child, old.Kind, old.PersonId, old.InviteeName, ct);
        if (invitee.Refusal is { } problem)
        {
            return Outcome<InvitationSent>.Invalid(problem.Field, problem.Message);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!old.Revoke(child.Actor.UserId, now))
        {
            // Revoked already: a newer invitation for the same person may be open, which this one must not clash with.
            var newer = await db.Invitations.FirstOrDefaultAsync(i => i.OpenKey == Invitation.KeyFor(child.ChildId, old.Kind, old.PersonId, old.SentTo), ct);
            if (newer is not null && newer.CanBeAcceptedAt(now))
            {
                newer.Revoke(child.Actor.UserId, now);
            }
            newer?.Supersede();
        }
        return await IssueAsync(child, old.Kind, old.PersonId, old.InviteeName, old.Channel, old.SentTo, old, linkBase, ct);
    }

    private async Task<Outcome<InvitationSent>> IssueAsync(ChildContext child, InvitationKind kind, Guid? personId, string name,
        InvitationChannel? channel, string to, Invitation? replacing, string linkBase, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = InvitationToken.New();
        var (invitation, errors) = Invitation.Create(child.ChildId, kind, personId, child.CurrentCarerHouseholdId, name, channel, to,
            InvitationToken.Hash(token), child.Actor.UserId, now, options.Value.InvitationDays);
        if (invitation is null)
        {
            return Outcome<InvitationSent>.Invalid(errors);
        }
        db.Invitations.Add(invitation);
        await QueueMessageAsync(invitation, $"{linkBase.TrimEnd('/')}{AccountLinks.Invitation(token)}", ct);
        List<AuditNote> notes = [new(AuditAction.Create, AuditRecord.Invitation, invitation.Id, child.ChildId)];
        if (replacing is not null)
        {
            notes.Add(new(AuditAction.Update, AuditRecord.Invitation, replacing.Id, child.ChildId));
        }
        return await audit.SaveOutcomeAsync(child.Actor, notes,
            new InvitationSent(invitation.Id, invitation.InviteeName, invitation.Channel, invitation.SentTo, invitation.ExpiresAt), ct);
    }

    /// <summary>The link and how long it works: nothing about the child, so a message read by the wrong person tells them nothing.</summary>
    private async Task QueueMessageAsync(Invitation invitation, string link, CancellationToken ct)
    {
        var council = config["Council:Name"] ?? "Children's services";
        var until = InvitationWords.Date(invitation.ExpiresAt);
        var key = $"invitation:{invitation.Id:N}";
        var family = invitation.Kind != InvitationKind.Carer;
        if (invitation.Channel == InvitationChannel.Email)
        {
            var subject = "Set up your Family time account";
            var body = $"Hello {invitation.InviteeName},\n\n{council} has invited you to set up your own Family time account.\n\n"
                + $"Set up your account here:\n{link}\n\nThe link works once, until {until}. If it has stopped working, ask your social worker for a new one.\n\n"
                + "If you were not expecting this message, you can ignore it.";
            _ = family
                ? await notifier.EmailAsync(key, invitation.SentTo, invitation.InviteeName, subject, body, invitation.ChildId, ct)
                : await notifier.EmailCarerAsync(key, invitation.SentTo, invitation.InviteeName, subject, body, invitation.ChildId, ct);
        }
        else
        {
            var body = $"{council}: set up your Family time account at {link} (the link works once, until {until}).";
            _ = family
                ? await notifier.SmsAsync(key, invitation.SentTo, invitation.InviteeName, body, invitation.ChildId, ct)
                : await notifier.SmsCarerAsync(key, invitation.SentTo, invitation.InviteeName, body, invitation.ChildId, ct);
        }
    }

    private sealed record Invitee(string Name, (string Field, string Message)? Refusal);

    /// <summary>The person invited, or why they cannot be: not on the record, already with an account, too young, no carers.</summary>
    private async Task<Invitee> InviteeAsync(ChildContext child, InvitationKind kind, Guid? personId, string? name, CancellationToken ct)
    {
        switch (kind)
        {
            case InvitationKind.FamilyMember:
                var person = personId is null ? null : await db.SignificantPeople.AsNoTracking()
                    .Where(p => p.Id == personId && p.ChildId == child.ChildId).Select(p => new { p.FullName, p.PortalUserId }).FirstOrDefaultAsync(ct);
                if (person is null)
                {
                    return new("", (PersonField, "Choose the person you are inviting"));
                }
                return person.PortalUserId is null ? new(person.FullName, null)
                    : new(person.FullName, (PersonField, $"{person.FullName} already has an account. They can sign in with it; an administrator can help if they have forgotten their password."));
            case InvitationKind.YoungPerson:
                var fromAge = options.Value.YoungPersonFromAge;
                var age = InvitationList.AgeOn(child.DateOfBirth, clock.Today());
                if (PortalAge.RefusalFor(age, fromAge) is { } tooYoung)
                {
                    return new(child.Name, (nameof(InviteCommand.Kind), tooYoung));
                }
                var linked = await db.Children.AsNoTracking().Where(c => c.Id == child.ChildId).Select(c => c.YoungPersonUserId).FirstOrDefaultAsync(ct);
                return linked is null ? new(child.Name, null)
                    : new(child.Name, (nameof(InviteCommand.Kind), $"{child.Name} already has their own account."));
            default:
                if (child.CurrentCarerHouseholdId is null)
                {
                    return new("", (nameof(InviteCommand.Kind), $"{child.Name} does not live with carers now, so there is no carer to invite."));
                }
                var carer = Domain.Common.Text.Clean(name);
                return carer is null ? new("", (nameof(InviteCommand.Name), "Enter the carer’s name")) : new(carer, null);
        }
    }
}
