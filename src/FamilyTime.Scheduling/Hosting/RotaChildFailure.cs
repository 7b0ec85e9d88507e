using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// One solver host that ended without a plan, for the app to log (the rota library logs nothing itself).
/// </summary>
/// <param name="Problem">The week being planned (the same instance given to <c>Solve</c>), so the app can tell its runs apart.</param>
/// <param name="Attempt">1 for the first child, 2 for the fresh one tried after it.</param>
/// <param name="Reason">What happened, in plain words ("it ended with exit code 134 without writing a plan").</param>
/// <param name="ExitCode">The child's exit code, when it ended by itself.</param>
/// <param name="ErrorTail">The last lines the child wrote on its standard error (a native crash's message is there).</param>
/// <param name="FallingBack">True when no other child follows: the plan returned is the greedy first-fit.</param>
public sealed record RotaChildFailure(
    RotaProblem Problem,
    int Attempt,
    string Reason,
    int? ExitCode,
    string ErrorTail,
    bool FallingBack);

/// <summary>A solver host started: its process id (the tests check it is gone afterwards).</summary>
public sealed record RotaChildStarted(int ProcessId, int Attempt);
