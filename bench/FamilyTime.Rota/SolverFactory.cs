using FamilyTime.Scheduling.CpSat;
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
        CpSat => new CpSatRotaSolver(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "greedy or cpsat"),
    };
}
