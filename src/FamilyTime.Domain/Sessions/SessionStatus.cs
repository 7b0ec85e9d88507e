namespace FamilyTime.Domain.Sessions;

/// <summary>What became of a session: the activity types a session is closed off with.</summary>
public enum SessionStatus
{
    Planned = 1,
    TookPlace = 2,
    EndedEarly = 3,
    CancelledByParent = 4,
    CancelledByCarer = 5,
    CancelledByAuthority = 6,
    ParentDidNotAttend = 7,
    ChildDeclined = 8,
    Rearranged = 9,
    Suspended = 10,
    IndirectContact = 11,
}
