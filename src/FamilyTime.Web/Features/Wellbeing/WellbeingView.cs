using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>How the reader stands to the child here: the carer they live with, or someone who holds the case.</summary>
public enum WellbeingRole
{
    Carer,
    CaseHolder,
}

/// <summary>How the child has been around family time: prompts for a review, sessions to rate, and the trend per person.</summary>
public sealed record WellbeingView(
    Guid ChildId,
    string ChildName,
    WellbeingRole Role,
    DateOnly From,
    DateOnly Today,
    IReadOnlyList<ReviewSignal> Signals,
    IReadOnlyList<RecentSession> Recent,
    IReadOnlyList<WellbeingSeries> Charts,
    IReadOnlyDictionary<Guid, DateOnly> SessionDates);

/// <summary>A session of the last weeks, with what the carer has recorded about it so far.</summary>
public sealed record RecentSession(Guid Id, DateOnly Date, TimeOnly StartTime, string With, SessionStatus Status, bool BeforeRecorded, bool AfterRecorded)
{
    /// <summary>Only a session that took place (or ended early) has a before and after to record.</summary>
    public bool CanRate => FamilyTimeSession.IsHeld(Status);
}

/// <summary>The rated sessions with one person (or group seen together), oldest first: one small chart and table each.</summary>
public sealed record WellbeingSeries(string Key, string With, IReadOnlyList<RatedSession> Sessions);

public sealed record RatedSession(Guid SessionId, DateOnly Date, CarerObservation? Before, CarerObservation? After);

/// <summary>One session for the carer to record about, and what is already recorded for it.</summary>
public sealed record SessionToRate(
    Guid ChildId,
    string ChildName,
    Guid SessionId,
    DateOnly Date,
    TimeOnly StartTime,
    string With,
    IReadOnlyList<RecordedMoment> Recorded,
    SessionStatus Status)
{
    /// <summary>Why before and after cannot be recorded for this session (it did not take place), or null.</summary>
    public string? NotHeld => CarerObservation.NotHeldRefusal(Status);
}

public sealed record RecordedMoment(CarerObservation Observation, string RecordedBy);
