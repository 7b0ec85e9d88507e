using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>
/// Every route × every demo role × a child in their reach and one out of it, against the expected answers kept in
/// route-matrix.txt beside this file. A cell is "in" (the door let the request through: 2xx, 3xx, 400, 409),
/// "403" or "404"; "in/404" is the answer for the child in reach, then the child out of reach. A leak is any
/// request about a child out of reach that is not answered 404. To see what changed, run with
/// FAMILYTIME_WRITE_MATRIX=/some/file and compare it with route-matrix.txt.
/// </summary>
public abstract partial class RouteMatrixTests(FamilyTimeFactory app, ITestOutputHelper output)
{
    private static readonly string[] Users = DemoAccounts.All.Select(a => a.UserName).ToArray();

    [Fact]
    public async Task Every_route_for_every_role_answers_as_the_matrix_says_and_nothing_leaks()
    {
        var routes = RouteCatalogue.Of(app.Services)
            .Where(r => !r.IsAnonymous)
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();
        var actual = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        var leaks = new List<string>();
        var requests = 0;

        for (var u = 0; u < Users.Length; u++)
        {
            var user = Users[u];
            var (inside, outside) = await app.DbAsync(db => RichestAsync(db, user));
            var insideIds = inside is { } i ? await app.DbAsync(db => IdsAsync(db, i, user)) : null;
            var outsideIds = await app.DbAsync(db => IdsAsync(db, outside, user));
            output.WriteLine($"{user}: in reach {Describe(insideIds)}; out of reach {Describe(outsideIds)}");
            var pages = await app.PagesAsAsync(user);
            HttpClient? api = null;
            // Pages first: opening /Account/Security makes an authenticator key, which renews the account's security
            // stamp and so ends earlier sign-ins; the page renews its own cookie, and the API token is asked for after.
            // Signing out ends every sign-in of the account, so it is the user's last request.
            foreach (var route in routes.OrderBy(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal)).ThenBy(r => r.Pattern.EndsWith("/sign-out", StringComparison.Ordinal)))
            {
                var client = route.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? api ??= await app.ApiAsAsync(user) : pages;
                foreach (var method in route.Methods)
                {
                    var key = $"{method,-4} {route.Pattern}";
                    var row = actual.TryGetValue(key, out var existing) ? existing : actual[key] = new string[Users.Length];
                    if (!NamesChild(route.Pattern))
                    {
                        row[u] = Cell(await SendAsync(client, method, Fill(route.Pattern, outsideIds)));
                        requests++;
                        continue;
                    }
                    var inCell = insideIds is null ? "-" : Cell(await SendAsync(client, method, Fill(route.Pattern, insideIds)));
                    var outCell = Cell(await SendAsync(client, method, Fill(route.Pattern, outsideIds)));
                    requests += insideIds is null ? 1 : 2;
                    if (outCell != "404")
                    {
                        leaks.Add($"{user} {key} answered {outCell} for a child out of reach");
                    }
                    row[u] = $"{inCell}/{outCell}";
                }
            }
        }

        var table = Render(actual);
        if (Environment.GetEnvironmentVariable("FAMILYTIME_WRITE_MATRIX") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, table);
        }
        output.WriteLine($"{app.Provider}: {actual.Count} route × method rows, {Users.Length} roles, {requests} requests, {leaks.Count} leaks");
        Assert.True(leaks.Count == 0, "Leaks:\n" + string.Join("\n", leaks));
        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Access", "route-matrix.txt"));
        var differences = Diff(Normalise(expected), Normalise(table));
        Assert.True(differences.Count == 0, "The routes answer differently from route-matrix.txt (expected → actual):\n" + string.Join("\n", differences));
    }

    private static bool NamesChild(string pattern) =>
        pattern.Contains("{id:guid}", StringComparison.Ordinal) &&
        (pattern.StartsWith("/Children/", StringComparison.Ordinal) || pattern.StartsWith("/Portal/Children/", StringComparison.Ordinal)
         || pattern.StartsWith("/api/v1/children/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/portal/children/", StringComparison.Ordinal));

    private static string Cell(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "404",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.InternalServerError => "500",
        _ => "in",
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is not ("GET" or "HEAD"))
        {
            // Unreadable on purpose: the door must answer before the body is read, and nothing is saved when it does not.
            request.Content = new StringContent("{", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>
    /// The same child on every engine and every run: of the children in reach, the one with the most to show (one of the
    /// user's own sessions, a proposed change, then sessions), then by name (the demo's names come from a fixed seed).
    /// </summary>
    private static async Task<(Guid? Inside, Guid Outside)> RichestAsync(FamilyTimeDbContext db, string userName)
    {
        var (inside, outside) = await Reach.AllAsync(db, userName);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var chosen = await db.Children.AsNoTracking().Where(c => inside.Contains(c.Id))
            // Which contact worker supervises which session is not fixed by the demo's seed: prefer a child with one of
            // the user's own sessions, so a contact worker's row reads the same on every run.
            .OrderByDescending(c => db.Sessions.Any(s => s.ChildId == c.Id && s.SupervisorId == userId))
            .ThenByDescending(c => db.ChangeProposals.Any(p => p.ChildId == c.Id))
            .ThenByDescending(c => db.Sessions.Count(s => s.ChildId == c.Id))
            .ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.DateOfBirth)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        return (chosen, outside);
    }

    /// <summary>
    /// The child's own ids for the other parts of a route, so a route is tried on records that exist, chosen the same
    /// way on every run (ids are random, so ties are broken by what the seeded demo data says, never by id): the session
    /// the user supervises, or for family one of their own arrangements, if any, else one with a record, the earliest; its arrangement and that arrangement's first
    /// person by name; the first venue by name. Other records are not the door's business: a fixed unknown id.
    /// </summary>
    private static async Task<Dictionary<string, string>> IdsAsync(FamilyTimeDbContext db, Guid childId, string userName)
    {
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync();
        string FirstPerson(IEnumerable<Guid> ids) => ids.Where(people.ContainsKey).Select(id => people[id]).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
        var named = arrangements.ToDictionary(a => a.Id, a => FirstPerson(a.PersonIds));
        // A family member's own family time: the arrangements one of their people is in (matched here, a list column).
        var mine = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId && p.PortalUserId == userId).Select(p => p.Id).ToListAsync();
        var own = arrangements.Where(a => a.PersonIds.Intersect(mine).Any()).Select(a => a.Id).ToHashSet();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ChildId == childId)
            .Select(s => new { s.Id, s.Date, s.StartTime, s.ArrangementId, Mine = s.SupervisorId == userId, Recorded = db.ContactRecords.Any(r => r.SessionId == s.Id) })
            .ToListAsync();
        var session = sessions
            .OrderByDescending(s => s.Mine || (s.ArrangementId is { } own1 && own.Contains(own1))).ThenByDescending(s => s.Recorded).ThenBy(s => s.Date).ThenBy(s => s.StartTime)
            .ThenBy(s => s.ArrangementId is { } a ? named[a] : "", StringComparer.Ordinal)
            .FirstOrDefault();
        var arrangement = arrangements.FirstOrDefault(a => a.Id == session?.ArrangementId)
            ?? arrangements.OrderBy(a => named[a.Id], StringComparer.Ordinal).FirstOrDefault();
        var person = arrangement?.PersonIds.Where(people.ContainsKey).OrderBy(id => people[id], StringComparer.Ordinal).Select(id => (Guid?)id).FirstOrDefault()
            ?? people.OrderBy(p => p.Value, StringComparer.Ordinal).Select(p => (Guid?)p.Key).FirstOrDefault();
        var change = await db.ChangeProposals.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.ProposedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var suspension = await db.Suspensions.AsNoTracking().Where(s => s.ChildId == childId).OrderBy(s => s.StartedOn).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        string Or(Guid? id) => (id ?? Guid.Empty).ToString();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = childId.ToString(),
            ["sessionId"] = Or(session?.Id),
            ["arrangementId"] = Or(arrangement?.Id),
            ["personId"] = Or(person),
            ["changeId"] = Or(change),
            ["suspensionId"] = Or(suspension),
            ["venueId"] = Or(await db.Venues.AsNoTracking().OrderBy(v => v.Name).Select(v => (Guid?)v.Id).FirstOrDefaultAsync()),
        };
    }

    private static string Describe(IReadOnlyDictionary<string, string>? ids) =>
        ids is null ? "none" : string.Join(", ", ids.Select(i => $"{i.Key}={i.Value}"));

    private static string Fill(string pattern, IReadOnlyDictionary<string, string> ids) =>
        Parameter().Replace(pattern, m => ids.TryGetValue(m.Groups[1].Value, out var v) ? v : Guid.Empty.ToString());

    private static string Render(SortedDictionary<string, string[]> rows)
    {
        var width = Math.Max(60, rows.Keys.Max(k => k.Length) + 2);
        var text = new StringBuilder();
        text.AppendLine("# What every route answers each demo role: in = let through (2xx, 3xx, 400, 409), 403 = refused with a reason,");
        text.AppendLine("# 404 = not found. Child routes show the child in reach / the child out of reach (\"-\": the role reaches no child).");
        text.AppendLine("# Generated by RouteMatrixTests; edit only when a rule changes on purpose.");
        text.Append("#".PadRight(width)).AppendLine(string.Join(" ", Users.Select(u => u.PadRight(15))).TrimEnd());
        foreach (var (key, cells) in rows)
        {
            text.Append(key.PadRight(width)).AppendLine(string.Join(" ", cells.Select(c => (c ?? "?").PadRight(15))).TrimEnd());
        }
        return text.ToString();
    }

    /// <summary>Each row keyed by its method and route, with the spacing of the columns folded.</summary>
    private static Dictionary<string, string> Normalise(string table) =>
        table.Split('\n')
            .Select(l => Regex.Replace(l, @"\s+", " ").Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => string.Join(' ', l.Split(' ').Take(2)), l => l, StringComparer.Ordinal);

    private static List<string> Diff(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        var lines = new List<string>();
        foreach (var key in expected.Keys.Union(actual.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var e = expected.GetValueOrDefault(key);
            var a = actual.GetValueOrDefault(key);
            if (e != a)
            {
                lines.Add($"- {e ?? key + " (not expected)"}\n+ {a ?? key + " (no longer served)"}");
            }
        }
        return lines;
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}

public sealed class RouteMatrixTestsOnSqlite(SqliteApp fixture, ITestOutputHelper output) : RouteMatrixTests(fixture.Factory, output), IClassFixture<SqliteApp>;

public sealed class RouteMatrixTestsOnPostgres(PostgresApp fixture, ITestOutputHelper output) : RouteMatrixTests(fixture.Factory, output), IClassFixture<PostgresApp>;
