using System.Globalization;

namespace FamilyTime.Load;

/// <summary>Command-line options. Hand-parsed to keep the tool free of NuGet packages.</summary>
internal sealed class LoadOptions
{
    public static readonly string[] ServerScenarios = ["mychildren", "child", "api"];

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1:5080");
    public IReadOnlyList<int> UserCounts { get; private set; } = [20];
    public int Seconds { get; private set; } = 30;
    public int WarmupSeconds { get; private set; } = 5;
    public IReadOnlyList<string> Scenarios { get; private set; } = ServerScenarios;
    public string UserName { get; private set; } = "socialworker1";
    public string Password { get; private set; } = "Demo-family-time-2026";
    public string? OutPath { get; private set; } = "results.json";
    public string? MarkdownPath { get; private set; }
    public int ReadyTimeoutSeconds { get; private set; } = 60;
    public int RequestTimeoutSeconds { get; private set; } = 30;
    public bool AllowRemote { get; private set; }

    public const string Usage = """
        FamilyTime.Load - closed-loop HTTP load generator for FamilyTime.

          --base URL          server base address            (default http://127.0.0.1:5080)
          --users N[,N...]    concurrent virtual users; a list runs each level in turn,
                              signing users in only once       (default 20)
          --seconds S         measured seconds per run          (default 30)
          --warmup S          unmeasured seconds before each run (default 5)
          --scenario NAME     all|mychildren|child|api|ceiling  (default all = mychildren,child,api)
                              a comma list is accepted too
          --user NAME         FamilyTime user name              (default socialworker1)
          --password PW       password                          (default Demo-family-time-2026)
          --out FILE          JSON results ('-' = none)         (default results.json)
          --md FILE           also write the Markdown table to FILE
          --ready-timeout S   wait this long for the server to answer (default 60)
          --timeout S         per-request timeout               (default 30)
          --allow-remote      permit a non-loopback --base (off: a load test must not hit shared servers)
        """;

    /// <summary>Returns null (after printing why) when the arguments are unusable.</summary>
    public static LoadOptions? Parse(string[] args)
    {
        try
        {
            return ParseCore(args);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static LoadOptions? ParseCore(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                Console.WriteLine(Usage);
                return null;
            }

            if (name == "--allow-remote")
            {
                o.AllowRemote = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return Fail($"missing value after {name}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--base":
                    if (!Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
                        || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    {
                        return Fail($"--base must be an absolute http(s) URL, got '{value}'");
                    }

                    o.BaseUri = uri;
                    break;
                case "--users":
                    var counts = new List<int>();
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1000)
                        {
                            return Fail($"--users wants integers 1..1000, got '{value}'");
                        }

                        counts.Add(n);
                    }

                    if (counts.Count == 0)
                    {
                        return Fail("--users is empty");
                    }

                    o.UserCounts = counts;
                    break;
                case "--seconds":
                    o.Seconds = ParseBounded(value, name, 1, 3600);
                    break;
                case "--warmup":
                    o.WarmupSeconds = ParseBounded(value, name, 0, 600);
                    break;
                case "--ready-timeout":
                    o.ReadyTimeoutSeconds = ParseBounded(value, name, 0, 3600);
                    break;
                case "--timeout":
                    o.RequestTimeoutSeconds = ParseBounded(value, name, 1, 600);
                    break;
                case "--scenario":
                    var scenarios = ParseScenarios(value);
                    if (scenarios is null)
                    {
                        return Fail($"unknown --scenario '{value}' (all|mychildren|child|api|ceiling)");
                    }

                    o.Scenarios = scenarios;
                    break;
                case "--user":
                    o.UserName = value;
                    break;
                case "--password":
                    o.Password = value;
                    break;
                case "--out":
                    o.OutPath = value == "-" ? null : value;
                    break;
                case "--md":
                    o.MarkdownPath = value;
                    break;
                default:
                    return Fail($"unknown option '{name}'");
            }
        }

        if (!o.AllowRemote && !o.BaseUri.IsLoopback)
        {
            return Fail($"{o.BaseUri} is not a loopback address; pass --allow-remote if you really mean it");
        }

        return o;
    }

    private static List<string>? ParseScenarios(string value)
    {
        var result = new List<string>();
        foreach (var part in value.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "all")
            {
                result.AddRange(ServerScenarios);
            }
            else if (part is "mychildren" or "child" or "api" or "ceiling")
            {
                result.Add(part);
            }
            else
            {
                return null;
            }
        }

        return result.Count == 0 ? null : result.Distinct().ToList();
    }

    private static int ParseBounded(string value, string name, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new ArgumentException($"{name} wants an integer {min}..{max}, got '{value}'");
        }

        return n;
    }

    private static LoadOptions? Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return null;
    }
}
