using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Records;

namespace FamilyTime.Domain.Wellbeing;

/// <summary>Someone the child sees, by the name the team knows them by.</summary>
public sealed record SignalPerson(Guid Id, string Name);

/// <summary>What the signals need to know about one session.</summary>
public sealed record SessionFacts(Guid Id, DateOnly Date, TimeOnly StartTime, Guid? ArrangementId, SessionStatus Status);

/// <summary>What the current version of a session's record says about arrival and ending.</summary>
public sealed record SessionRecordFacts(Guid SessionId, TimeOnly? ParentArrivedAt, bool EndedEarly)
{
    /// <summary>The current version is the one that counts: a correction replaces what an earlier version said.</summary>
    public static SessionRecordFacts From(Guid sessionId, RecordVersion current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new SessionRecordFacts(sessionId, current.ParentArrivedAt, current.EndedEarly);
    }
}

/// <summary>Everything the team knows about a child's family time that may prompt a review.</summary>
public sealed record ReviewEvidence(
    DateOnly Today,
    IReadOnlyList<SessionFacts> Sessions,
    IReadOnlyDictionary<Guid, IReadOnlyList<SignalPerson>> PeopleByArrangement,
    IReadOnlyList<CarerObservation> Observations,
    IReadOnlyList<SessionRecordFacts> Records,
    IReadOnlyDictionary<Guid, IReadOnlySet<DifficultFamilyTimeFactor>> FactorsByArrangement,
    IReadOnlyList<DriftArrangement>? Running = null);

/// <summary>
/// How much it takes for a pattern to prompt a review. The defaults follow the issue ("3 of the last 5"); a service
/// may set its own, as the right sensitivity is a practice decision, not a technical one.
/// </summary>
public sealed record ReviewThresholds
{
    public static ReviewThresholds Default { get; } = new();

    public int DistressWindow { get; init; } = 5;
    public int DistressCount { get; init; } = 3;
    public int LateWindow { get; init; } = 4;
    public int LateCount { get; init; } = 2;
    public int LateAfterMinutes { get; init; } = Lateness.CountsAsLateAfterMinutes;
    public int EndedEarlyWindow { get; init; } = 5;
    public int EndedEarlyCount { get; init; } = 2;

    /// <summary>Days without a session held before an arrangement prompts a look, and then a review (drift and fading).</summary>
    public int DriftDays { get; init; } = 14;
    public int FadingDays { get; init; } = 30;
}

public enum ReviewSignalKind
{
    FullRiskAssessmentNeeded = 1,
    DistressAfterSessions = 2,
    LateOrNotAttending = 3,
    EndedEarly = 4,
    DifficultFactors = 5,
    NothingHeldForTwoWeeks = 6,
    NothingHeldForAMonth = 7,
}

/// <summary>
/// A prompt for the team to talk about at a review, never a decision: what fired, for whom, why in plain words, and
/// the sessions that show it.
/// </summary>
public sealed record ReviewSignal(ReviewSignalKind Kind, IReadOnlyList<Guid> PersonIds, string Why, IReadOnlyList<Guid> EvidenceSessionIds);
