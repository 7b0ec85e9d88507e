using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// How long the optimiser may think about one area's week (`Rota:TimeLimitSeconds`, default 30) and, for tests and
/// benchmarks that must give the same answer on a busy machine, a limit in CP-SAT's own deterministic work units
/// (`Rota:DeterministicTimeLimit`) instead of the clock. `Rota:InProcess` (default false) runs the optimiser inside the
/// web app instead of in a child process (see the Scheduling README, "Running out of process: why").
/// </summary>
public sealed record RotaSettings(int TimeLimitSeconds, double? DeterministicTimeLimit, int SearchWorkers = 2, bool InProcess = false)
{
    public static RotaSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var seconds = config.GetValue<int?>("Rota:TimeLimitSeconds") ?? 30;
        // `Rota:SearchWorkers` (default 2, one per core here): CP-SAT's parallel searches; the tests use one, so a plan
        // being made never starves the other tests of the machine's two cores.
        var workers = Math.Clamp(config.GetValue<int?>("Rota:SearchWorkers") ?? 2, 1, 8);
        return new RotaSettings(Math.Clamp(seconds, 1, 600), config.GetValue<double?>("Rota:DeterministicTimeLimit"), workers,
            config.GetValue<bool?>("Rota:InProcess") ?? false);
    }

    /// <summary>A published week moves at most 5 % of its sessions unless the coordinator allows more.</summary>
    public RotaOptions For(bool allowMoreChanges) =>
        new(TimeLimitSeconds: TimeLimitSeconds, Workers: SearchWorkers, MaxMovedShare: allowMoreChanges ? null : 0.05, DeterministicTimeLimit: DeterministicTimeLimit);
}
