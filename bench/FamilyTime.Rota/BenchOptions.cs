using System.Globalization;

namespace FamilyTime.Rota;

/// <summary>What to run: sizes, seed, load, which solvers and CP-SAT's limits.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes, int Seed, double Load, IReadOnlyList<string> Solvers, int TimeLimitSeconds, int Threads, bool Replan, string? Out, int? Areas = null)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/FamilyTime.Rota -- [sizes...] [options]
          sizes            session counts (default 400 1500 2000)
          --seed N         generator seed (default 1)
          --load X         1 = an ordinary week; above 1, fewer rooms and workers (default 1)
          --overloaded     the same as --load 1.5
          --areas N        the city's local areas, each with its own venues and team (default: the size's preset,
                           1 for 400 sessions, 5 for 1,500, 6 for 2,000); 1 = one pool of rooms and workers
          --solvers a,b    greedy and/or cpsat (default greedy,cpsat)
          --time-limit S   CP-SAT's time limit in seconds (default 60)
          --threads N      CP-SAT's search workers (default 2)
          --replan         also re-plan the week after publishing it, with a few workers off sick and a room shut
          --out FILE       also write the Markdown table to FILE
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var sizes = new List<int>();
        var seed = 1;
        var load = 1.0;
        IReadOnlyList<string> solvers = [SolverFactory.Greedy, SolverFactory.CpSat];
        var timeLimit = 60;
        var threads = 2;
        string? output = null;
        var replan = false;
        int? areas = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--load": load = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--overloaded": load = Scheduling.Generation.GeneratorSpec.OverloadedLoad; break;
                    case "--solvers": solvers = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--time-limit": timeLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--out": output = Next(); break;
                    case "--replan": replan = true; break;
                    case "--areas": areas = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "-h" or "--help": return null;
                    default: sizes.Add(int.Parse(args[i].Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)); break;
                }
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return null;
            }
        }
        if (sizes.Count == 0) sizes.AddRange([400, 1500, 2000]);
        if (solvers.Any(s => !SolverFactory.Names.Contains(s)) || load <= 0 || sizes.Any(s => s < 1) || areas < 1) return null;
        return new BenchOptions(sizes, seed, load, solvers, timeLimit, threads, replan, output, areas);
    }
}
