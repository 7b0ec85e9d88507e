using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 11's "done when": every portal page a demo parent, young person or carer can reach by following links, and
/// every API answer they can read, holds none of what must stay from them — read from the database here, not from
/// the family guard: for family, where their children live (the home's address, street, postcode), who looks after
/// them and the school; for a carer, the birth family's addresses and phone numbers.
/// </summary>
public abstract partial class PortalLeakTests(FamilyTimeFactory app, ITestOutputHelper output)
{
    private const int MostPages = 400;

    [Theory]
    [InlineData("parent1")]
    [InlineData("youngperson1")]
    [InlineData("carer1")]
    public async Task No_portal_page_reached_by_its_links_tells_a_portal_user_what_must_stay_from_them(string userName)
    {
        var secrets = await app.DbAsync(db => SecretsAsync(db, userName));
        Assert.NotEmpty(secrets);
        var pages = await app.PagesAsAsync(userName);

        var queue = new Queue<string>(["/", "/Portal"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Every kind of page, a few of each: the fifth session page says nothing the first four did not.
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var fetched = 0;
        while (queue.TryDequeue(out var url) && fetched < MostPages)
        {
            var shape = Guids().Replace(url.Split('?')[0], "*");
            if (!seen.Add(url) || shapes.GetValueOrDefault(shape) >= 4)
            {
                continue;
            }
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            var response = await pages.GetAsync(url);
            fetched++;
            Assert.True((int)response.StatusCode < 500, $"{userName}: {url} answered {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK || !IsText(response))
            {
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            AssertHoldsNone(userName, url, body, secrets);
            foreach (Match link in Links().Matches(body))
            {
                var next = WebUtility.HtmlDecode(link.Groups["url"].Value).Split('#')[0];
                if (Follow(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        output.WriteLine($"{userName}: {fetched} pages of {shapes.Count} kinds fetched, none holds any of {secrets.Count} strings from the database");
        Assert.True(fetched > 3, $"{userName} reached only {fetched} pages: the portal links are not being followed");
    }

    [Theory]
    [InlineData("parent1")]
    [InlineData("youngperson1")]
    [InlineData("carer1")]
    public async Task No_api_answer_a_portal_user_can_read_tells_them_what_must_stay_from_them(string userName)
    {
        var secrets = await app.DbAsync(db => SecretsAsync(db, userName));
        var ids = await app.DbAsync(db => IdsAsync(db, userName));
        var api = await app.ApiAsAsync(userName);
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var read = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out _) || path.Name.StartsWith("/api/v1/auth", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var url in Fill(path.Name, ids))
            {
                var response = await api.GetAsync(url);
                Assert.True((int)response.StatusCode < 500, $"{userName}: GET {url} answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK && IsText(response))
                {
                    read++;
                    AssertHoldsNone(userName, url, await response.Content.ReadAsStringAsync(), secrets);
                }
            }
        }
        output.WriteLine($"{userName}: {read} API answers read, none holds any of {secrets.Count} strings from the database");
        Assert.True(read > 0, $"{userName} could read no API answer at all");
    }

    private static void AssertHoldsNone(string userName, string url, string body, IReadOnlyCollection<string> secrets)
    {
        // JSON escapes and HTML entities are undone, so "O'Neill" or "Flat 2, 3 Mill Lane" cannot hide behind them.
        var text = WebUtility.HtmlDecode(Regex.Unescape(body.Replace("\\\"", "\"", StringComparison.Ordinal)));
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{userName}: {url} holds \"{secret}\"");
        }
    }

    private static bool IsText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal));

    private static bool Follow(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/css/", StringComparison.Ordinal) && !url.StartsWith("/lib/", StringComparison.Ordinal)
        && !url.StartsWith("/Account/SignOut", StringComparison.OrdinalIgnoreCase);

    /// <summary>What must never reach this portal user, read straight from the database.</summary>
    private static async Task<IReadOnlyCollection<string>> SecretsAsync(FamilyTimeDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 4)
            {
                secrets.Add(value.Trim());
            }
        }
        if (userName == "carer1")
        {
            // A carer sees the children living with them, never where the birth family lives or how to reach them.
            var children = await db.Placements.AsNoTracking().Where(p => p.EndDate == null && p.CarerHouseholdId == user.CarerHouseholdId)
                .Select(p => p.ChildId).ToListAsync();
            var family = await db.SignificantPeople.AsNoTracking().Where(p => children.Contains(p.ChildId) && !p.ChildPlacedWithThem)
                .Select(p => new { p.Address, p.Phone, p.Email }).ToListAsync();
            foreach (var person in family)
            {
                Add(person.Address);
                Add(person.Address?.Split(',')[0]);
                Add(person.Phone);
                Add(person.Email);
            }
            return secrets;
        }
        var mine = userName == "youngperson1"
            ? await db.Children.AsNoTracking().Where(c => c.YoungPersonUserId == user.Id).Select(c => c.Id).ToListAsync()
            : await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == user.Id).Select(p => p.ChildId).ToListAsync();
        var homes = await db.Placements.AsNoTracking().Where(p => mine.Contains(p.ChildId) && p.EndDate == null)
            .Select(p => new { p.CarerHouseholdId, p.ResidentialHomeName }).ToListAsync();
        var householdIds = homes.Where(h => h.CarerHouseholdId != null).Select(h => h.CarerHouseholdId!.Value).ToList();
        foreach (var home in await db.CarerHouseholds.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToListAsync())
        {
            Add(home.Name);
            Add(home.Address);
            Add(home.Address.Split(',')[0]);
            Add(home.Postcode);
        }
        homes.ForEach(h => Add(h.ResidentialHomeName));
        foreach (var carer in await db.Users.AsNoTracking().Where(u => u.CarerHouseholdId != null && householdIds.Contains(u.CarerHouseholdId.Value)).Select(u => u.DisplayName).ToListAsync())
        {
            Add(carer);
        }
        foreach (var school in await db.Children.AsNoTracking().Where(c => mine.Contains(c.Id)).Select(c => new { c.School, c.SchoolAddress }).ToListAsync())
        {
            Add(school.School);
            Add(school.SchoolAddress?.Split(',')[0]);
        }
        return secrets;
    }

    /// <summary>Ids to put into API addresses: the user's children and some of their sessions, past and to come.</summary>
    private static async Task<Dictionary<string, List<Guid>>> IdsAsync(FamilyTimeDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var children = userName switch
        {
            "youngperson1" => await db.Children.AsNoTracking().Where(c => c.YoungPersonUserId == user.Id).Select(c => c.Id).ToListAsync(),
            "carer1" => await db.Placements.AsNoTracking().Where(p => p.EndDate == null && p.CarerHouseholdId == user.CarerHouseholdId).Select(p => p.ChildId).ToListAsync(),
            _ => await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == user.Id).Select(p => p.ChildId).Distinct().ToListAsync(),
        };
        var today = DateOnly.FromDateTime(FamilyTimeFactory.DefaultStart.UtcDateTime);
        var sessions = new List<Guid>();
        foreach (var child in children.Take(3))
        {
            sessions.AddRange(await db.Sessions.AsNoTracking().Where(s => s.ChildId == child && s.Date >= today).OrderBy(s => s.Date).Select(s => s.Id).Take(2).ToListAsync());
            sessions.AddRange(await db.Sessions.AsNoTracking().Where(s => s.ChildId == child && s.Date < today && s.Status != SessionStatus.Planned).OrderByDescending(s => s.Date).Select(s => s.Id).Take(2).ToListAsync());
        }
        return new Dictionary<string, List<Guid>>(StringComparer.Ordinal)
        {
            ["id"] = children.Take(3).ToList(),
            ["childId"] = children.Take(3).ToList(),
            ["sessionId"] = sessions,
        };
    }

    /// <summary>The address with each parameter filled from the user's ids; none when a parameter is not one of them.</summary>
    private static IEnumerable<string> Fill(string template, Dictionary<string, List<Guid>> ids)
    {
        var names = Parameters().Matches(template).Select(m => m.Groups["name"].Value).Distinct().ToList();
        if (names.Any(n => !ids.ContainsKey(n)))
        {
            return [];
        }
        IEnumerable<string> urls = [template];
        foreach (var name in names)
        {
            urls = urls.SelectMany(u => ids[name].Select(id => Parameters().Replace(u, m => m.Groups["name"].Value == name ? id.ToString() : m.Value)));
        }
        return urls.Distinct().Take(20);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();

    [GeneratedRegex("""href="(?<url>[^"]+)""")]
    private static partial Regex Links();

    [GeneratedRegex("""\{(?<name>[A-Za-z]+)(?::[^}]*)?\}""")]
    private static partial Regex Parameters();
}

[Collection("sqlite")]
public sealed class PortalLeakTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : PortalLeakTests(app.Factory, output), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PortalLeakTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : PortalLeakTests(app.Factory, output), IClassFixture<PostgresApp>;
