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

    /// <summary>
    /// Withdrawn because the plan changed (an arrangement's days or frequency changed, or it ended): never due, so
    /// reports, drift and the cancellation report leave it out as if it had never been planned, but kept, so a
    /// calendar shows it cancelled and the case shows what had been planned. Set only by <see cref="SessionPlanner"/>.
    /// </summary>
    PlanChanged = 12,
}
