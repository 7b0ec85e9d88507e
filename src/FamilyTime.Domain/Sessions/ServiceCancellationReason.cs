namespace FamilyTime.Domain.Sessions;

/// <summary>
/// Why the service cancelled a session, from a coded list. Children say family time is stopped as a punishment, so
/// the list has no entry for the child's or the family's behaviour: family time is the child's, never a reward.
/// A risk to the child is a reason only when it is assessed and recorded, which is a decision about safety.
/// </summary>
public enum ServiceCancellationReason
{
    WorkerUnavailable = 1,
    VenueUnavailable = 2,
    TransportUnavailable = 3,
    ChildUnwell = 4,
    ChildHasAnotherCommitment = 5,
    CourtHearingOrMeeting = 6,
    AssessedRiskToSafety = 7,
    SevereWeatherOrEmergency = 8,
    SomethingElse = 9,
}

public static class ServiceCancellationReasons
{
    public static IReadOnlyList<ServiceCancellationReason> All { get; } = Enum.GetValues<ServiceCancellationReason>();

    public static string Describe(ServiceCancellationReason reason) => reason switch
    {
        ServiceCancellationReason.WorkerUnavailable => "No worker was available to supervise",
        ServiceCancellationReason.VenueUnavailable => "The room or venue was not available",
        ServiceCancellationReason.TransportUnavailable => "Transport could not be arranged",
        ServiceCancellationReason.ChildUnwell => "The child was unwell",
        ServiceCancellationReason.ChildHasAnotherCommitment => "The child had something else on (a school trip, an appointment)",
        ServiceCancellationReason.CourtHearingOrMeeting => "A court hearing or meeting clashed",
        ServiceCancellationReason.AssessedRiskToSafety => "An assessed risk to someone’s safety, recorded with the risk assessment",
        ServiceCancellationReason.SevereWeatherOrEmergency => "Severe weather or an emergency",
        ServiceCancellationReason.SomethingElse => "Something else (say what below)",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason"),
    };
}
