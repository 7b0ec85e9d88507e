using System.Globalization;
using System.Text;

namespace FamilyTime.Rota;

/// <summary>The benchmark's answer as a Markdown table, one row per week and planner.</summary>
internal static class BenchTable
{
    public static string Markdown(IReadOnlyList<BenchRow> rows, BenchOptions options)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.AppendLine(inv, $"Seed {options.Seed}, load {options.Load:0.##}, CP-SAT limit {options.TimeLimitSeconds} s on {options.Threads} workers, {Environment.ProcessorCount} cores.");
        b.AppendLine();
        b.AppendLine("| sessions | areas | rooms | workers | solver | placed | unplaced | moved | same supervisor | infants' journeys (min) | solve time | objective | bound | gap | re-scored | violations |");
        b.AppendLine("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            if (r.Failed is not null)
            {
                b.AppendLine(inv, $"| {r.Sessions:N0} | {r.Spec.Areas} | {r.Rooms} | {r.Workers} | {r.Solver} | – | – | – | – | – | – | – | – | – | – | not run: {r.Failed} |");
                continue;
            }
            b.AppendLine(inv,
                $"| {r.Sessions:N0} | {r.Spec.Areas} | {r.Rooms} | {r.Workers} | {r.Solver} | {r.Placed:N0} ({r.Placed / (double)Math.Max(1, r.Sessions):P1}) | {r.Unplaced:N0} | {r.Moved:N0} | {r.SameSupervisorRate:P1} | {r.InfantJourneyMinutes:N0} | {r.SolveTime.TotalSeconds:0.0} s | {r.Objective:N0} | {r.Bound:N0} | {r.Gap:P2} | {r.Rescored:N0} | {r.Violations} |");
        }
        b.AppendLine();
        b.AppendLine("Objective, bound and gap are the planner's own (`RotaStats`); \"re-scored\" is the same plan counted by `RotaScorer`, independently of the planner; moved counts published sessions moved (re-plan rows only; rule 10 allows 5 %, those that had to move not counted); violations are the `RotaChecker`'s hard-rule count (must be 0).");
        return b.ToString();
    }
}
