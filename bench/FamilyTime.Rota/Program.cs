using System.Globalization;
using FamilyTime.Rota;

// Usage: dotnet run -c Release --project bench/FamilyTime.Rota -- [sizes...] [options]
//   sizes            session counts, default 400 1500 2000 (400, 1,500 and 2,000 are the generator's presets)
//   --seed N         generator seed (default 1)
//   --load X         1 = an ordinary week; above 1 fewer rooms and workers (default 1)
//   --overloaded     the same as --load 1.5
//   --solvers a,b    greedy, cpsat (default both)
//   --time-limit S   CP-SAT's limit in seconds (default 60)
//   --threads N      CP-SAT's search workers (default 2)
//   --replan         also re-plan the week after publishing it (a few workers off sick, a room shut): rule 10's moves
//   --out FILE       also write the Markdown table to FILE
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
var rows = new List<BenchRow>();
foreach (var size in options.Sizes)
{
    foreach (var solver in options.Solvers)
    {
        foreach (var row in BenchRun.Run(size, solver, options))
        {
            rows.Add(row);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size} sessions, {row.Solver}: {row.Placed} placed in {row.SolveTime.TotalSeconds:0.0} s, {row.Violations} violations{(row.Failed is null ? "" : $" ({row.Failed})")}"));
            foreach (var v in row.FirstViolations) Console.Error.WriteLine($"  {v.Rule}: {v.Detail}");
        }
    }
}
var table = BenchTable.Markdown(rows, options);
Console.WriteLine(table);
if (options.Out is { } path) File.WriteAllText(path, table);
// A plan that breaks a hard rule is a bug, whatever its figures: fail the run.
return rows.Any(r => r.Violations > 0 || r.Failed is not null) ? 1 : 0;
