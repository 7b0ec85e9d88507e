namespace FamilyTime.Harness;

/// <summary>What to run and against what; every value has a default that works from the repository root.</summary>
internal sealed record HarnessOptions(
    string Mode,
    string Engine,
    string WebDll,
    string BaseUrl,
    string SqliteFile,
    string Postgres,
    int Rounds,
    int Iterations,
    int Requests,
    int Writers,
    int Seed,
    string OutFile,
    TimeSpan StartTimeout)
{
    public const string Usage = """
        FamilyTime.Harness crash|races|fuzz [options]
          --engine sqlite|postgres   (default sqlite)
          --web-dll PATH             FamilyTime.Web.dll of a Release build
          --postgres CONN            Npgsql connection string (an empty database) for --engine postgres
          --sqlite FILE              SQLite file (default: a fresh one under bench/harness-output/work)
          --rounds N                 crash: kill -9 rounds (default 100)
          --iterations N             races: two-writer iterations (default 1000)
          --requests N               fuzz: malformed requests (default 100000)
          --writers N                crash: concurrent writers (default 8)
          --seed N                   random seed (default 1)
          --out FILE                 where the Markdown report goes
        """;

    public static HarnessOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("crash" or "races" or "fuzz"))
        {
            throw new HarnessException(Usage);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new HarnessException($"'{args[i]}' needs a value.\n{Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Int(string name, int fallback, int min, int max)
        {
            var text = Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return int.TryParse(text, out var n) && n >= min && n <= max ? n : throw new HarnessException($"--{name} must be a whole number from {min} to {max}.");
        }

        var engine = Get("engine", "sqlite");
        if (engine is not ("sqlite" or "postgres"))
        {
            throw new HarnessException("--engine must be sqlite or postgres.");
        }

        var work = Path.GetFullPath(Path.Combine("bench", "harness-output", "work"));
        Directory.CreateDirectory(work);
        var dll = Path.GetFullPath(Get("web-dll", Path.Combine("src", "FamilyTime.Web", "bin", "Release", "net10.0", "FamilyTime.Web.dll")));
        if (!File.Exists(dll))
        {
            throw new HarnessException($"{dll} does not exist: build src/FamilyTime.Web in Release first.");
        }

        var postgres = Get("postgres", "");
        if (engine == "postgres" && postgres.Length == 0)
        {
            throw new HarnessException("--engine postgres needs --postgres with a connection string to an empty database.");
        }

        return new HarnessOptions(
            args[0], engine, dll, Get("url", "http://127.0.0.1:5091/"),
            Path.GetFullPath(Get("sqlite", Path.Combine(work, $"{args[0]}-{engine}.db"))),
            postgres,
            Int("rounds", 100, 1, 100_000),
            Int("iterations", 1000, 1, 1_000_000),
            Int("requests", 100_000, 1, 10_000_000),
            Int("writers", 8, 1, 256),
            Int("seed", 1, 0, int.MaxValue),
            Path.GetFullPath(Get("out", Path.Combine("bench", "harness-output", $"{args[0]}-{engine}.md"))),
            TimeSpan.FromMinutes(15));
    }
}

/// <summary>A problem the person running the harness can act on; printed without a stack trace.</summary>
internal sealed class HarnessException(string message) : Exception(message);
