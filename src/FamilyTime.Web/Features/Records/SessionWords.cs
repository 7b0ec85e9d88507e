using FamilyTime.Domain.Sessions;

namespace FamilyTime.Web.Features.Records;

public static class SessionWords
{
    public static string Describe(SessionStatus s) => s switch
    {
        SessionStatus.Planned => "Planned",
        SessionStatus.TookPlace => "Took place",
        SessionStatus.EndedEarly => "Ended early",
        SessionStatus.CancelledByParent => "Cancelled by the family",
        SessionStatus.CancelledByCarer => "Cancelled by the carer",
        SessionStatus.CancelledByAuthority => "Cancelled by us",
        SessionStatus.ParentDidNotAttend => "The family member did not come",
        SessionStatus.ChildDeclined => "The child said no",
        SessionStatus.Rearranged => "Moved to another day",
        SessionStatus.Suspended => "Suspended",
        SessionStatus.IndirectContact => "Kept in touch another way",
        _ => s.ToString(),
    };
}
