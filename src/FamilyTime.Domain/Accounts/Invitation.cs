using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Accounts;

/// <summary>
/// An invitation to set up a portal account, sent by a link: single-use, it expires, staff may revoke it, and
/// re-sending makes a new one and revokes this. Only the hash of its token is kept (<see cref="InvitationToken"/>).
/// </summary>
public sealed class Invitation : IVersioned
{
    private Invitation() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public InvitationKind Kind { get; private set; }

    /// <summary>The significant person invited (a family member).</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The carer household the account will belong to (a carer).</summary>
    public Guid? CarerHouseholdId { get; private set; }

    public string InviteeName { get; private set; } = "";
    public InvitationChannel Channel { get; private set; }

    /// <summary>The e-mail address or mobile number the link was sent to.</summary>
    public string SentTo { get; private set; } = "";

    public string TokenHash { get; private set; } = "";
    public DateTime SentAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public string SentByUserId { get; private set; } = "";

    public DateTime? AcceptedAt { get; private set; }
    public string? AcceptedUserId { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedByUserId { get; private set; }

    /// <summary>
    /// Who this invitation is for ("child:kind:person") while it is neither accepted nor revoked, else null. A unique
    /// index on it means a retried or doubled request cannot leave two open invitations for one person.
    /// </summary>
    public string? OpenKey { get; private set; }

    public int Version { get; set; }

    /// <summary>Makes an invitation for <paramref name="tokenHash"/>; null with the problems when the details will not do.</summary>
    public static (Invitation? Invitation, ValidationErrors Errors) Create(
        Guid childId, InvitationKind kind, Guid? personId, Guid? carerHouseholdId, string? inviteeName,
        InvitationChannel? channel, string? sendTo, string tokenHash, string sentByUserId, DateTime now, int days)
    {
        var errors = new ValidationErrors();
        var name = Text.Clean(inviteeName);
        errors.Required(nameof(InviteeName), name, "Enter the name of the person you are inviting");
        errors.MaxLength(nameof(InviteeName), name, 150, "Name");
        var to = Text.Clean(sendTo);
        if (channel is null || !Enum.IsDefined(channel.Value))
        {
            errors.Add(nameof(Channel), "Choose how to send the invitation: by e-mail or by text");
        }
        else if (channel == InvitationChannel.Email && !InvitationAddress.IsEmail(to))
        {
            errors.Add(nameof(SentTo), to is null ? "Enter the e-mail address to send the invitation to" : "Enter an e-mail address in the right format, like name@example.com");
        }
        else if (channel == InvitationChannel.Text && !InvitationAddress.IsMobile(to))
        {
            errors.Add(nameof(SentTo), to is null ? "Enter the mobile number to send the invitation to" : "Enter a UK mobile number, like 07700 900 982");
        }
        if (kind == InvitationKind.FamilyMember && personId is null)
        {
            errors.Add(nameof(PersonId), "Choose the person you are inviting");
        }
        if (kind == InvitationKind.Carer && carerHouseholdId is null)
        {
            errors.Add(nameof(Kind), "The child does not live with carers now, so there is no carer to invite");
        }
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "An invitation must last at least a day.");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            Kind = kind,
            PersonId = kind == InvitationKind.FamilyMember ? personId : null,
            CarerHouseholdId = kind == InvitationKind.Carer ? carerHouseholdId : null,
            InviteeName = name!,
            Channel = channel!.Value,
            SentTo = to!,
            TokenHash = tokenHash,
            SentAt = now,
            ExpiresAt = now.AddDays(days),
            SentByUserId = sentByUserId,
        };
        invitation.OpenKey = KeyFor(childId, kind, invitation.PersonId, invitation.SentTo);
        return (invitation, errors);
    }

    /// <summary>The open key of an invitation for this person: one open invitation per family member, per young person, per carer's address.</summary>
    public static string KeyFor(Guid childId, InvitationKind kind, Guid? personId, string sentTo) => kind switch
    {
        InvitationKind.FamilyMember => $"{childId:N}:family:{personId:N}",
        InvitationKind.YoungPerson => $"{childId:N}:young",
        _ => $"{childId:N}:carer:{sentTo.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}",
    };

    public InvitationState StateAt(DateTime now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Sent;

    /// <summary>Only a sent invitation, not yet expired, used or revoked, can be accepted.</summary>
    public bool CanBeAcceptedAt(DateTime now) => StateAt(now) == InvitationState.Sent;

    public void Accept(string userId, DateTime now)
    {
        if (!CanBeAcceptedAt(now))
        {
            throw new DomainRuleException(nameof(AcceptedAt), "This invitation can no longer be accepted.");
        }
        AcceptedAt = now;
        AcceptedUserId = userId;
        OpenKey = null;
    }

    /// <summary>An expired invitation gives its place to a new one for the same person; it stays expired in the list.</summary>
    public void Supersede() => OpenKey = null;

    /// <summary>Revokes a sent invitation; answers false when it was already accepted or revoked.</summary>
    public bool Revoke(string byUserId, DateTime now)
    {
        if (AcceptedAt is not null || RevokedAt is not null)
        {
            return false;
        }
        RevokedAt = now;
        RevokedByUserId = byUserId;
        OpenKey = null;
        return true;
    }
}
