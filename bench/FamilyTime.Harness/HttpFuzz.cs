using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FamilyTime.Harness;

/// <summary>
/// Malformed requests over every route the route matrix lists (pages and API), as nobody, a social worker (bearer and
/// cookie with a real antiforgery token) and a parent: odd ids, broken and hostile bodies, wrong content types and
/// query strings. Any 5xx, or the server stopping answering, is a failure.
/// </summary>
internal static partial class HttpFuzz
{
    // Routes that end the caller's own sessions are sent only without credentials, so the run keeps its identities.
    [GeneratedRegex("sign-?out|password|/Mfa|TwoFactor|/Security|suspend", RegexOptions.IgnoreCase)]
    private static partial Regex EndsOwnSession();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|name="__RequestVerificationToken" value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryValue();

    public static async Task<int> RunAsync(HarnessOptions options, CancellationToken ct)
    {
        var log = ServerProcess.FreshStart(options);

        var routes = Routes();
        var fields = FieldNames();
        await using var server = await ServerProcess.StartAsync(options, log, ct);
        using var http = Api.Client(options);
        using var identities = new Identities(options, http);
        await identities.RefreshAsync(ct);
        var childIds = (await Api.GetJsonAsync(http, "api/v1/children", identities.Staff, ct)).AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToArray();

        var byClass = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentDictionary<string, int>();
        var examples = new ConcurrentQueue<string>();
        long sent = 0, transportErrors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var random = new Random(options.Seed * 1000 + w);
            while (true)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > options.Requests)
                {
                    return;
                }

                if (n % 5000 == 0)
                {
                    await identities.KeepAsync(ct);
                }

                var (method, template) = routes[random.Next(routes.Count)];
                using var request = Build(random, method, template, childIds, fields, identities);
                try
                {
                    using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    var status = (int)answer.StatusCode;
                    byClass.AddOrUpdate($"{status / 100}xx", 1, (_, c) => c + 1);
                    if (status >= 500)
                    {
                        failures.AddOrUpdate($"{method} {template} → {status}", 1, (_, c) => c + 1);
                        if (examples.Count < 20)
                        {
                            examples.Enqueue($"{request.Method} {Shorten(request.RequestUri?.ToString())} ({request.Content?.Headers.ContentType}) → {status}");
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref transportErrors);
                    failures.AddOrUpdate($"{method} {template} → no answer", 1, (_, c) => c + 1);
                    if (examples.Count < 20)
                    {
                        examples.Enqueue($"{request.Method} {Shorten(request.RequestUri?.ToString())} → {e.GetType().Name}: {e.GetBaseException().Message}");
                    }
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        var alive = await StillAnswersAsync(http, ct);
        var errorLines = ServerProcess.CountErrorLines(log);
        var total = byClass.Values.Sum() + transportErrors;

        var report = new StringBuilder()
            .AppendLine($"# HTTP fuzz on {(options.Engine == "sqlite" ? "SQLite" : "PostgreSQL")}")
            .AppendLine()
            .AppendLine("| figure | value |")
            .AppendLine("|---|---|")
            .AppendLine($"| requests sent | {total} |")
            .AppendLine($"| routes (from the route matrix: pages and API) | {routes.Count} |")
            .AppendLine($"| 2xx / 3xx / 4xx | {byClass.GetValueOrDefault("2xx")} / {byClass.GetValueOrDefault("3xx")} / {byClass.GetValueOrDefault("4xx")} |")
            .AppendLine($"| **5xx** | **{byClass.GetValueOrDefault("5xx")}** |")
            .AppendLine($"| no answer (connection dropped or timed out) | {transportErrors} |")
            .AppendLine($"| server error lines logged (fail/crit) | {errorLines} |")
            .AppendLine($"| server still answering at the end | {(alive ? "yes" : "**no**")} |")
            .AppendLine($"| identities renewed during the run | {identities.Renewals} |")
            .AppendLine($"| wall time (s) / requests per second | {clock.Elapsed.TotalSeconds:0} / {total / clock.Elapsed.TotalSeconds:0} |")
            .AppendLine($"| seed | {options.Seed} |")
            .AppendLine()
            .AppendLine("Each request takes a random route and fills its placeholders with a real child id, a random id or hostile text; sends it as nobody, a social worker (bearer token, or cookie with a real antiforgery token) or a parent; and carries one of: no body, an empty body, random JSON built from the API's own field names with wrong types, impossible dates and huge numbers, truncated JSON, JSON nested 5,000 deep, invalid UTF-8, a form body, or the wrong content type, with a random query string. Routes that end the caller's own sessions are sent without credentials.");
        if (!failures.IsEmpty)
        {
            report.AppendLine().AppendLine("## Failures").AppendLine();
            foreach (var (route, count) in failures.OrderByDescending(f => f.Value))
            {
                report.AppendLine($"- {route}: {count}");
            }

            report.AppendLine().AppendLine("Examples:").AppendLine();
            foreach (var example in examples)
            {
                report.AppendLine($"- `{example}`");
            }
        }

        await File.WriteAllTextAsync(options.OutFile, report.ToString(), ct);
        Console.Write(report);
        return failures.IsEmpty && alive ? 0 : 1;
    }

    private static HttpRequestMessage Build(Random random, string method, string template, Guid[] childIds, string[] fields, Identities who)
    {
        var path = Placeholder().Replace(template, _ => Id(random, childIds));
        var query = random.Next(3) == 0 ? "?" + string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            Uri.EscapeDataString(random.Next(2) == 0 ? fields[random.Next(fields.Length)] : Pick(random, ["handler", "page", "pageSize", "search", "from", "to", "week", "returnUrl", "id"]))
            + "=" + Uri.EscapeDataString(Value(random, 0).ToString()))) : "";
        var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/') + query);
        var isApi = template.StartsWith("/api/", StringComparison.Ordinal);
        var identity = EndsOwnSession().IsMatch(template) ? 0 : random.Next(4);
        switch (identity)
        {
            case 1:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Staff);
                break;
            case 2:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Parent);
                break;
            case 3:
                request.Headers.Add("Cookie", who.StaffCookie);
                break;
        }

        if (method is "POST" or "PUT" or "PATCH" or "DELETE" && random.Next(8) != 0)
        {
            request.Content = Body(random, fields, isApi, identity == 3 && random.Next(4) != 0 ? who.StaffAntiforgery : null);
        }

        if (random.Next(10) == 0)
        {
            // Header values stay ASCII: HttpClient itself refuses anything else before it reaches the server.
            request.Headers.TryAddWithoutValidation(Pick(random, ["If-Match", "Idempotency-Key", "Accept", "Accept-Language", "X-Forwarded-For", "Range"]), Uri.EscapeDataString(Shorten(Value(random, 0).ToString())));
        }

        return request;
    }

    private static HttpContent Body(Random random, string[] fields, bool isApi, string? antiforgery)
    {
        switch (random.Next(isApi ? 9 : 5))
        {
            case 0:
                return new StringContent("", Encoding.UTF8, "application/json");
            case 1:
                var form = Enumerable.Range(0, random.Next(0, 8))
                    .Select(_ => new KeyValuePair<string, string>(Pick(random, ["Input.", "", "Answer.", "Record."]) + Capital(fields[random.Next(fields.Length)]), Value(random, 0).ToString()))
                    .ToList();
                if (antiforgery is not null)
                {
                    form.Add(new("__RequestVerificationToken", antiforgery));
                }

                return new FormUrlEncodedContent(form);
            case 2:
                return new ByteArrayContent([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) { Headers = { ContentType = new MediaTypeHeaderValue(isApi ? "application/json" : "application/x-www-form-urlencoded") } };
            case 3:
                return new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json");
            case 4:
                var wrong = new StringContent(RandomObject(random, fields, 0).ToJsonString(), Encoding.UTF8);
                wrong.Headers.ContentType = MediaTypeHeaderValue.Parse(Pick(random, ["text/plain", "application/xml", "multipart/form-data; boundary=x"]));
                return wrong;
            case 5:
                var json = RandomObject(random, fields, 0).ToJsonString();
                return new StringContent(json[..random.Next(json.Length)], Encoding.UTF8, "application/json");
            default:
                return new StringContent(random.Next(6) == 0 ? Value(random, 0).ToJsonString() : RandomObject(random, fields, 0).ToJsonString(), Encoding.UTF8, "application/json");
        }
    }

    private static JsonObject RandomObject(Random random, string[] fields, int depth)
    {
        var o = new JsonObject();
        for (var i = random.Next(0, 10); i > 0; i--)
        {
            o[fields[random.Next(fields.Length)]] = Value(random, depth + 1, fields);
        }

        return o;
    }

    private static JsonNode Value(Random random, int depth, string[]? fields = null) => random.Next(depth < 3 ? 22 : 19) switch
    {
        0 => JsonValue.Create(""),
        1 => JsonValue.Create(new string('x', random.Next(1, 70_000))),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(true),
        6 => JsonValue.Create("9999-12-31"),
        7 => JsonValue.Create("2024-02-30"),
        8 => JsonValue.Create("0001-01-01T00:00:00"),
        9 => JsonValue.Create(Guid.NewGuid().ToString()),
        10 => JsonValue.Create("00000000-0000-0000-0000-000000000000"),
        11 => JsonValue.Create("<script>alert(1)</script>"),
        12 => JsonValue.Create("Robert'); DROP TABLE Children;--"),
        13 => JsonValue.Create("\u202Eevil\u0000"),
        14 => JsonValue.Create("../../etc/passwd"),
        15 => JsonValue.Create("%00%ff{{7*7}}${7*7}"),
        16 => JsonValue.Create("Mother"),
        17 => JsonValue.Create("2026-13-01T25:61"),
        18 => JsonValue.Create(0.5),
        19 => new JsonArray(Value(random, depth + 1, fields), Value(random, depth + 1, fields)),
        20 => fields is null ? JsonValue.Create("{}") : RandomObject(random, fields, depth + 1),
        _ => JsonValue.Create(random.Next()),
    };

    private static string Id(Random random, Guid[] childIds) => random.Next(10) switch
    {
        < 5 => childIds[random.Next(childIds.Length)].ToString(),
        < 8 => Guid.NewGuid().ToString(),
        8 => Pick(random, ["0", "-1", "abc", "%2e%2e", "00000000-0000-0000-0000-000000000000", new string('9', 400)]),
        _ => Uri.EscapeDataString(Pick(random, ["'", "\"", "<x>", "😀", "a b", "%"])),
    };

    private static string Shorten(string? text) => text is null ? "" : text.Length > 200 ? text[..200] + "…" : text;

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static List<(string Method, string Template)> Routes()
    {
        var file = Path.Combine("tests", "FamilyTime.IntegrationTests", "Access", "route-matrix.txt");
        if (!File.Exists(file))
        {
            throw new HarnessException($"{file} not found: run the harness from the repository root.");
        }

        return File.ReadLines(file)
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], Regex.Replace(p[1], @"\{(\w+):?[^}]*\}", "{$1}")))
            .Distinct()
            .ToList();
    }

    private static string[] FieldNames()
    {
        var file = Path.Combine("docs", "api", "openapi-v1.json");
        var doc = JsonNode.Parse(File.ReadAllText(file))!;
        return doc["components"]!["schemas"]!.AsObject()
            .SelectMany(s => s.Value?["properties"]?.AsObject().Select(p => p.Key) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static async Task<bool> StillAnswersAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var answer = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
            return answer.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The signed-in identities the fuzz uses, renewed if something the fuzz sent ended them.</summary>
    private sealed class Identities(HarnessOptions options, HttpClient http) : IDisposable
    {
        public string Staff { get; private set; } = "";
        public string Parent { get; private set; } = "";
        public string StaffCookie { get; private set; } = "";
        public string StaffAntiforgery { get; private set; } = "";
        public int Renewals { get; private set; } = -1;
        private readonly SemaphoreSlim _gate = new(1, 1);

        public void Dispose() => _gate.Dispose();

        public async Task RefreshAsync(CancellationToken ct)
        {
            Staff = await Api.TokenAsync(http, "socialworker1", ct);
            Parent = await Api.TokenAsync(http, "parent1", ct);
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(options.BaseUrl) };
            var form = await browser.GetStringAsync(new Uri("Account/SignIn", UriKind.Relative), ct);
            var token = Antiforgery(form);
            using var signIn = await browser.PostAsync(new Uri("Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "socialworker1",
                ["Input.Password"] = Api.Password,
                ["__RequestVerificationToken"] = token,
            }), ct);
            var page = await browser.GetStringAsync(new Uri("Account/Security", UriKind.Relative), ct);
            StaffAntiforgery = Antiforgery(page);
            StaffCookie = cookies.GetCookieHeader(new Uri(options.BaseUrl));
            Renewals++;
        }

        public async Task KeepAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                using var check = Api.Request(HttpMethod.Get, "api/v1/children", Staff);
                using var answer = await http.SendAsync(check, ct);
                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    await RefreshAsync(ct);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private static string Antiforgery(string html)
        {
            var m = AntiforgeryValue().Match(html);
            return m.Success ? WebUtility.HtmlDecode(m.Groups.Values.Skip(1).First(g => g.Success).Value)
                : throw new HarnessException("no antiforgery token on the page: did sign-in work?");
        }
    }
}
