using FamilyTime.Domain.Sessions;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>What became of a session, in words that do not blame.</summary>
public static class SessionWords
{
    public static string Describe(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Not closed off yet",
        SessionStatus.TookPlace => "Took place",
        SessionStatus.EndedEarly => "Ended early",
        SessionStatus.CancelledByParent => "Cancelled by the family",
        SessionStatus.CancelledByCarer => "Cancelled by the carers",
        SessionStatus.CancelledByAuthority => "Cancelled by the council",
        SessionStatus.ParentDidNotAttend => "Family not able to come",
        SessionStatus.ChildDeclined => "Did not want to go",
        SessionStatus.Rearranged => "Rearranged",
        SessionStatus.Suspended => "Suspended",
        SessionStatus.IndirectContact => "Calls, messages or letters instead",
        _ => status.ToString(),
    };
}
