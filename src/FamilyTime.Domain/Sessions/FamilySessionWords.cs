using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Sessions;

/// <summary>
/// What became of a session and who is with the family, said to a parent: kind words, no blame, and nothing the
/// staff wrote in their own words (a reason typed by a worker may name the carers or the street). A cancellation by
/// the service gives its coded reason; the carers are never named, nor said to have cancelled.
/// </summary>
public static class FamilySessionWords
{
    /// <summary>What became of a session, or null for one still to come as planned.</summary>
    /// <param name="childName">The name the child goes by.</param>
    /// <param name="past">The session's day has gone.</param>
    public static string? Outcome(SessionStatus status, ServiceCancellationReason? reason, string childName, bool past) => status switch
    {
        SessionStatus.Planned => past ? "We have not updated this yet" : null,
        SessionStatus.TookPlace => "Took place",
        SessionStatus.EndedEarly => "Took place, and ended early",
        SessionStatus.CancelledByParent => "You let us know you couldn’t come",
        // The carer's side: said as the child's, never as the carers'.
        SessionStatus.CancelledByCarer => $"Cancelled – {childName} wasn’t able to come",
        SessionStatus.CancelledByAuthority => $"Cancelled by us – {Why(reason, childName)}",
        SessionStatus.ParentDidNotAttend => "You weren’t able to come",
        SessionStatus.ChildDeclined => $"{childName} didn’t want to come this time",
        SessionStatus.Rearranged => "Moved to another day",
        SessionStatus.Suspended => "Family time was paused",
        SessionStatus.IndirectContact => "You kept in touch another way",
        // A status added later reads as a change, never as an error on a parent's page.
        _ => "Changed – your social worker can tell you more",
    };

    /// <summary>Cancelled, paused or moved: not happening as planned.</summary>
    public static bool IsCancelled(SessionStatus status) =>
        status is SessionStatus.CancelledByParent or SessionStatus.CancelledByCarer or SessionStatus.CancelledByAuthority
            or SessionStatus.Rearranged or SessionStatus.Suspended;

    /// <summary>The coded reason for a cancellation by the service, in words for the family.</summary>
    public static string Why(ServiceCancellationReason? reason, string childName) => reason switch
    {
        ServiceCancellationReason.WorkerUnavailable => "no worker was free to be with you",
        ServiceCancellationReason.VenueUnavailable => "the room was not available",
        ServiceCancellationReason.TransportUnavailable => "we could not arrange transport",
        ServiceCancellationReason.ChildUnwell => $"{childName} was unwell",
        ServiceCancellationReason.ChildHasAnotherCommitment => $"{childName} had something else on",
        ServiceCancellationReason.CourtHearingOrMeeting => "a court hearing or meeting clashed",
        ServiceCancellationReason.AssessedRiskToSafety => "to keep everyone safe",
        ServiceCancellationReason.SevereWeatherOrEmergency => "of severe weather or an emergency",
        _ => "your social worker can tell you why",
    };

    /// <summary>
    /// Who is with the family, as a parent reads it: "Supervised by Tom" (a worker's first name only), "Supported by
    /// Tom" for facilitated family time, or only "Supervised" when a carer supervises or no name is known. Null when
    /// no one supervises.
    /// </summary>
    /// <param name="workerName">The supervising worker's or family member's full name; never a carer's.</param>
    public static string? SupervisedBy(ArrangementType type, Plans.SupervisedBy by, string? workerName)
    {
        if (type == ArrangementType.Unsupervised)
        {
            return null;
        }
        var verb = type == ArrangementType.Facilitated ? "Supported" : "Supervised";
        // A carer is never shown to a family as the one with them, by name or by role.
        if (by == Plans.SupervisedBy.Carer || FirstName(workerName) is not { } first)
        {
            return verb;
        }
        return $"{verb} by {first}";
    }

    /// <summary>The first word of a name: "Tom" from "Tom Bradley".</summary>
    public static string? FirstName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? null : fullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
