using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;

namespace FamilyTime.Scheduling.Model;

/// <summary>
/// One area's week to plan: the sessions that need a room, a start time or workers, the rooms and workers that can be
/// given to them, and how long it takes to travel between places. Plain data so the web app, the tests and the
/// benchmark drive the same optimiser, and the independent <c>RotaChecker</c> can judge any plan against it.
/// </summary>
/// <remarks>
/// Times are whole minutes from midnight of the session's day; days are 0 (Monday of <see cref="WeekStart"/>) to 6.
/// Every list is read in order and may be indexed; ids are unique within their list.
/// </remarks>
public sealed record RotaProblem(
    string Area,
    DateOnly WeekStart,
    IReadOnlyList<RotaRoom> Rooms,
    IReadOnlyList<RotaWorker> Workers,
    IReadOnlyList<RotaSession> Sessions,
    TravelMatrix Travel,
    RotaWeights Weights,
    IReadOnlyList<RotaPin> Pins,
    IReadOnlyList<RotaAssignment> Published,
    RotaOptions Options)
{
    /// <summary>Minutes a worker needs between two sessions at the same venue (to write up, reset the room).</summary>
    public const int TurnaroundMinutes = 15;
}

/// <summary>A room that family time can be booked into, with when it is open this week (closures already taken out).</summary>
/// <param name="Area">The local area whose sessions may use the room, when the problem spans a city's areas (a city's
/// week in the benchmark); null: any session's (the app plans one area at a time).</param>
public sealed record RotaRoom(
    Guid Id,
    Guid VenueId,
    string Name,
    string VenueName,
    int Place,
    int Capacity,
    RoomFeatures Features,
    IReadOnlyList<DayWindow> Open,
    string? Area = null);

/// <summary>A worker who can supervise, with when they are available this week (working pattern less leave).</summary>
/// <param name="Area">The local area the worker's team covers; null: any area.</param>
public sealed record RotaWorker(
    string Id,
    string Name,
    WorkerSkills Skills,
    IReadOnlySet<string> Languages,
    IReadOnlyList<DayWindow> Available,
    int? BasePlace = null,
    int MaxMinutesPerWeek = 37 * 60,
    string? Area = null);

/// <summary>
/// A session to place. Its day is fixed by the plan; the optimiser chooses the start inside
/// [<see cref="EarliestStart"/>, <see cref="LatestStart"/>], a room when <see cref="NeedsRoom"/>, and
/// <see cref="WorkersNeeded"/> workers (0 when a carer or family member supervises, 2 where the plan says so).
/// </summary>
/// <param name="Area">The local area the session belongs to: it takes only rooms and workers of that area (or of none).
/// Null: any room and worker.</param>
public sealed record RotaSession(
    Guid Id,
    Guid ChildId,
    string ChildName,
    int Day,
    int EarliestStart,
    int LatestStart,
    int Duration,
    int People,
    bool NeedsRoom,
    RoomFeatures RoomNeeds,
    int WorkersNeeded,
    WorkerSkills SkillsNeeded,
    string? Language,
    IReadOnlyList<Guid> ParentIds,
    int HomePlace,
    bool IsInfant,
    string? PreviousSupervisorId,
    string? TogetherKey,
    Guid? FixedVenueId = null,
    string? Area = null)
{
    /// <summary>Whether a room or worker of <paramref name="area"/> may serve this session (rules 3 and 5): a session of
    /// an area takes that area's rooms and workers, or those of no area; a session of no area takes any.</summary>
    public bool TakesFrom(string? area) => Area is null || area is null || string.Equals(Area, area, StringComparison.Ordinal);
}

/// <summary>An open or available stretch of one day, in minutes from midnight.</summary>
public sealed record DayWindow(int Day, int From, int Until)
{
    public bool Holds(int day, int start, int end) => Day == day && From <= start && end <= Until;
}

/// <summary>
/// Minutes of travel between places (venues and homes, by postcode district in the app). <see cref="Minutes"/> is
/// square, indexed by the <c>Place</c> numbers of rooms, workers and sessions.
/// </summary>
public sealed record TravelMatrix(IReadOnlyList<string> Places, int[,] Minutes)
{
    public int Between(int from, int to) => Minutes[from, to];
}

/// <summary>How much each soft aim counts. Penalties are per session, per minute or per unit as named.</summary>
public sealed record RotaWeights(
    int Unplaced = 10_000,
    int NotSameSupervisor = 100,
    int InfantJourneyPerMinute = 5,
    int SiblingsApart = 200,
    int WorkloadSpreadPerHour = 10,
    int MovedFromPublished = 300);

/// <summary>What the coordinator fixed: any part given is kept exactly; parts left null are free.</summary>
public sealed record RotaPin(Guid SessionId, Guid? RoomId, int? Start, IReadOnlyList<string>? WorkerIds);

/// <summary>How the optimiser runs.</summary>
public sealed record RotaOptions(
    int TimeLimitSeconds = 30,
    int Workers = 2,
    int Seed = 1,
    /// <summary>A search stops once proven within this share of its bound: of what a plan can still change, the
    /// penalties every plan pays left out (a decomposed week's parts count them in; README "The gap limit is of what
    /// a plan can change").</summary>
    double RelativeGapLimit = 0.01,
    /// <summary>The share of <see cref="RotaProblem.Published"/> sessions that may move; null for no limit.</summary>
    double? MaxMovedShare = 0.05,
    /// <summary>
    /// Optional, for tests and benchmarks: a limit on CP-SAT's deterministic time (its own measure of work, about a
    /// second on a quiet core) instead of the clock, so a busy machine gives the same plan as a quiet one.
    /// <see cref="TimeLimitSeconds"/> still applies as a safety limit. Null: the clock alone.
    /// </summary>
    double? DeterministicTimeLimit = null,
    /// <summary>A week with more sessions than this is solved in parts, by day and by groups of sessions that share
    /// no room, worker or person (CP-SAT); smaller weeks as one model.</summary>
    int DecomposeAboveSessions = 150);
