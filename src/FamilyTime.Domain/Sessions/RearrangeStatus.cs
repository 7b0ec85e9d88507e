namespace FamilyTime.Domain.Sessions;

/// <summary>Where a family's request to move a session stands.</summary>
public enum RearrangeStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}
