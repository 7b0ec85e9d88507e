using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// How long the optimiser may think about one area's week (`Rota:TimeLimitSeconds`, default 30) and, for tests and
/// benchmarks that must give the same answer on a busy machine, a limit in CP-SAT's own deterministic work units
/// (`Rota:DeterministicTimeLimit`) instead of the clock.
/// </summary>
public sealed record RotaSettings(int TimeLimitSeconds, double? DeterministicTimeLimit)
{
    public static RotaSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var seconds = config.GetValue<int?>("Rota:TimeLimitSeconds") ?? 30;
        return new RotaSettings(Math.Clamp(seconds, 1, 600), config.GetValue<double?>("Rota:DeterministicTimeLimit"));
    }

    /// <summary>A published week moves at most 5 % of its sessions unless the coordinator allows more.</summary>
    public RotaOptions For(bool allowMoreChanges) =>
        new(TimeLimitSeconds: TimeLimitSeconds, MaxMovedShare: allowMoreChanges ? null : 0.05, DeterministicTimeLimit: DeterministicTimeLimit);
}
