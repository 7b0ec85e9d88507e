using FamilyTime.Domain.Sessions;

namespace FamilyTime.Web.Features.Records;

public static class SessionWords
{
    /// <summary>What became of a session, in words that do not blame; a past session still planned was never closed off.</summary>
    public static string Describe(SessionStatus s, bool past = false) => s switch
    {
        SessionStatus.Planned => past ? "Not closed off yet" : "Planned",
        SessionStatus.TookPlace => "Took place",
        SessionStatus.EndedEarly => "Ended early",
        SessionStatus.CancelledByParent => "Cancelled by the family",
        SessionStatus.CancelledByCarer => "Cancelled by the carer",
        SessionStatus.CancelledByAuthority => "Cancelled by us",
        SessionStatus.ParentDidNotAttend => "The family member wasn't able to come",
        SessionStatus.ChildDeclined => "The child said no",
        SessionStatus.Rearranged => "Moved to another day",
        SessionStatus.Suspended => "Suspended",
        SessionStatus.IndirectContact => "Kept in touch another way",
        SessionStatus.PlanChanged => "No longer planned: the plan changed",
        _ => s.ToString(),
    };
}
