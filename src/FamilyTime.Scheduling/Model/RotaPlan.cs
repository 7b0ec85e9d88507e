namespace FamilyTime.Scheduling.Model;

/// <summary>What the optimiser (or the greedy baseline) answers: every session is either placed or explained.</summary>
public sealed record RotaPlan(
    IReadOnlyList<RotaAssignment> Assignments,
    IReadOnlyList<UnplacedSession> Unplaced,
    RotaStats Stats);

/// <summary>
/// A placed session: its room (null when it needs none), start and workers, with the reasons in plain words a
/// coordinator reads ("Same supervisor as last time", "12 minutes from home: the nearest room that suits (babies need short journeys)", "Pinned").
/// </summary>
public sealed record RotaAssignment(
    Guid SessionId,
    Guid? RoomId,
    int Start,
    IReadOnlyList<string> WorkerIds,
    IReadOnlyList<string> Reasons);

/// <summary>A session the plan could not place, and why, in words a coordinator can act on.</summary>
public sealed record UnplacedSession(Guid SessionId, string Reason);

/// <summary>Figures about a plan: what the benchmark reports and the coordinator's page shows.</summary>
public sealed record RotaStats(
    string Solver,
    string Status,
    long Objective,
    long Bound,
    double Gap,
    TimeSpan SolveTime,
    int Placed,
    int Unplaced,
    int Moved,
    double SameSupervisorRate,
    int InfantJourneyMinutes);

/// <summary>A broken hard rule found by the checker.</summary>
public sealed record RotaViolation(string Rule, Guid? SessionId, string Detail);

/// <summary>Progress while a plan is being solved: the best so far and the bound, for the coordinator's page.</summary>
public sealed record RotaProgress(TimeSpan Elapsed, long Objective, long Bound, int Placed);

/// <summary>Something that plans a week.</summary>
public interface IRotaSolver
{
    RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default);
}
