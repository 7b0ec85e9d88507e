using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Rota;

/// <summary>The planners the benchmark compares, by name.</summary>
internal static class SolverFactory
{
    public const string Greedy = "greedy";
    public const string CpSat = "cpsat";
    public static readonly IReadOnlySet<string> Names = new HashSet<string>([Greedy, CpSat], StringComparer.Ordinal);

    public static IRotaSolver Create(string name) => name switch
    {
        Greedy => new GreedyRotaSolver(),
        CpSat => CreateCpSat(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "greedy or cpsat"),
    };

    /// <summary>
    /// The CP-SAT optimiser lives in FamilyTime.Scheduling.CpSat (the solver package); found by name so this harness
    /// builds before that package is merged, and says so plainly when it is not there.
    /// </summary>
    private static IRotaSolver CreateCpSat()
    {
        var type = typeof(IRotaSolver).Assembly.GetType("FamilyTime.Scheduling.CpSat.CpSatRotaSolver")
            ?? throw new InvalidOperationException("CP-SAT is not in this build yet (FamilyTime.Scheduling.CpSat.CpSatRotaSolver): merge the solver's branch.");
        return (IRotaSolver)(Activator.CreateInstance(type)
            ?? throw new InvalidOperationException("CpSatRotaSolver could not be created."));
    }
}
