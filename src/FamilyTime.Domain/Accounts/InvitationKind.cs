namespace FamilyTime.Domain.Accounts;

/// <summary>Who an invitation is for, which decides the account's role and what it is linked to.</summary>
public enum InvitationKind
{
    /// <summary>A parent or family member on the child's record (a significant person): the Parent role.</summary>
    FamilyMember,

    /// <summary>A carer in the child's current carer household: the Carer role, in that household.</summary>
    Carer,

    /// <summary>The child themself, from the age the service sets: the YoungPerson role.</summary>
    YoungPerson,
}

/// <summary>How the link is sent.</summary>
public enum InvitationChannel
{
    Email,
    Text,
}

/// <summary>Where an invitation stands, as staff see it in the child's list.</summary>
public enum InvitationState
{
    Sent,
    Accepted,
    Expired,
    Revoked,
}
