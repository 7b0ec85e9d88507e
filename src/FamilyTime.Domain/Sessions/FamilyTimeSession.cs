using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Sessions;

/// <summary>
/// One planned meeting of the child with the people of an arrangement, at a venue. Assigned to the child's
/// allocated social worker, who sees it closed off.
/// </summary>
public sealed class FamilyTimeSession : IVersioned
{
    private FamilyTimeSession() { }

    public FamilyTimeSession(Guid childId, Guid? arrangementId, SessionSlot slot, string socialWorkerId)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Id = Guid.NewGuid();
        ChildId = childId;
        ArrangementId = arrangementId;
        Date = slot.Date;
        StartTime = slot.StartTime;
        DurationMinutes = slot.DurationMinutes;
        VenueId = slot.VenueId;
        RoomId = slot.RoomId;
        SupervisorId = slot.SupervisorId;
        SocialWorkerId = socialWorkerId;
        Status = SessionStatus.Planned;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public int DurationMinutes { get; private set; }
    public Guid? VenueId { get; private set; }
    public Guid? RoomId { get; private set; }
    public string? SupervisorId { get; private set; }
    public string SocialWorkerId { get; private set; } = "";
    public SessionStatus Status { get; private set; }

    /// <summary>When a record of the session was first written; a recorded session is never regenerated.</summary>
    public DateTime? RecordedAt { get; private set; }
    public int Version { get; set; }

    public TimeOnly EndTime => StartTime.AddMinutes(DurationMinutes);

    /// <summary>Only a future session still as planned and never written about may be replaced when the plan changes.</summary>
    public bool IsReplaceable(DateOnly today) => Status == SessionStatus.Planned && RecordedAt is null && Date >= today;

    /// <summary>Marks that a record was written for the session, which then stays whatever the plan does.</summary>
    public void MarkRecorded(DateTime at, SessionStatus status)
    {
        RecordedAt ??= at;
        Status = status;
    }
}

/// <summary>Where and when one session happens.</summary>
public sealed record SessionSlot(DateOnly Date, TimeOnly StartTime, int DurationMinutes, Guid? VenueId, Guid? RoomId, string? SupervisorId);
