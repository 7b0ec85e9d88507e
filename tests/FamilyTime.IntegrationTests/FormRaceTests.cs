using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Two people save the same form at once, each with a different change: one is saved and the other is told the
/// record changed under them, never a server error, never both (a lost update), and the audit chain stays whole (a
/// failed save's entry is never written by the page's re-read). One race for each form that carries a version.
/// </summary>
public abstract class FormRaceTests(FamilyTimeFactory app)
{
    private sealed record Race(string Form, string User, string Url, Func<PageForm, int, PageForm> Change);

    [Fact]
    public async Task Each_versioned_form_saved_by_two_people_at_once_saves_one_tells_the_other_and_keeps_the_audit_chain()
    {
        var races = await RacesAsync();
        var outcomes = new List<string>();
        foreach (var race in races)
        {
            var (first, second) = await RunAsync(race);
            outcomes.Add($"{race.Form}: {(int)first.Status} and {(int)second.Status}");
            Assert.True((int)first.Status < 500 && (int)second.Status < 500, $"{race.Form}: answered {(int)first.Status} and {(int)second.Status}");
            // Exactly one was saved (the page sends a saved form on with a redirect); the other sees the form again
            // with a message, not a silent overwrite.
            var saved = new[] { first, second }.Count(a => a.Status == HttpStatusCode.Redirect);
            Assert.True(saved == 1, $"{race.Form}: {saved} of 2 saved ({string.Join("; ", outcomes)}): {Summary(first.Body)} / {Summary(second.Body)}");
            var refused = first.Status == HttpStatusCode.Redirect ? second : first;
            Assert.Contains("govuk-error-summary", refused.Body, StringComparison.Ordinal);
        }

        var (firstBreak, _) = await app.DbAsync(db => new AuditTrail(db).VerifyAsync(CancellationToken.None));
        Assert.Null(firstBreak);
    }

    /// <summary>The forms, each on real demo records, with the field each of the two people changes differently.</summary>
    private async Task<List<Race>> RacesAsync()
    {
        var worker = await app.UserIdAsync("socialworker1");
        var contactWorker = await app.UserIdAsync("contactworker1");
        var child = await app.DbAsync(db => db.Children.Where(c => c.SocialWorkerId == worker && !c.InCareProceedings)
            .Where(c => db.Arrangements.Any(a => a.ChildId == c.Id) && db.Sessions.Any(s => s.ChildId == c.Id && s.Status == SessionStatus.Planned))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var person = await app.DbAsync(db => db.SignificantPeople.Where(p => p.ChildId == child).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var arrangement = await app.DbAsync(db => db.Arrangements.Where(a => a.ChildId == child).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var venue = await app.DbAsync(db => db.Venues.Where(v => v.IsOpen).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var room = await app.DbAsync(db => db.Rooms.Where(r => r.VenueId == venue).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

        // Each person's value differs from the other's and from what is there now: a form sent back unchanged saves
        // nothing, so it would prove nothing.
        static string Nth(string text, int i) => $"{text} {(i == 0 ? "one" : "two")}";
        static string Beyond(string? now, int i) =>
            ((int.TryParse(now, CultureInfo.InvariantCulture, out var n) ? n : 5) + 1 + i).ToString(CultureInfo.InvariantCulture);
        return
        [
            new("the child's details", "socialworker1", $"/Children/{child}/Edit", (f, i) => f.Set("Input.PreferredName", Nth("Sunny", i))),
            new("a person's details", "socialworker1", $"/Children/{child}/People/{person}/Edit", (f, i) => f.Set("Input.Phone", i == 0 ? "07700 900111" : "07700 900222")),
            new("an arrangement", "socialworker1", $"/Children/{child}/Plan/Arrangements/{arrangement}/Edit",
                (f, i) => f.Set("Input.Activities", Nth("Baking", i)).Set("Input.Reason", "Activities the child asked for.")),
            new("a venue", "admin", $"/Admin/Venues/{venue}/Edit", (f, i) => f.Set("Input.Notes", Nth("Parking at the back", i))),
            new("a room", "admin", $"/Admin/Venues/{venue}/Rooms/{room}", (f, i) => f.Set("Input.Capacity", Beyond(f["Input.Capacity"], i))),
            new("a venue's opening hours", "admin", $"/Admin/Venues/{venue}/Hours", (f, i) => f.Set("Input.Saturday.Closes", i == 0 ? "16:15" : "16:45").Set("Input.Saturday.Opens", "09:00")),
            new("a worker's profile", "coordinator1", $"/Workers/{contactWorker}", (f, i) => f.Set("Input.MaxHoursPerWeek", Beyond(f["Input.MaxHoursPerWeek"], i))),
            new("a staff account", "admin", $"/Admin/Users/{contactWorker}/Edit", (f, i) => f.Set("Input.DisplayName", Nth("Casey Contact", i))),
        ];
    }

    /// <summary>Two browsers open the form, then both send it at once, each with its own change.</summary>
    private async Task<((HttpStatusCode Status, string Body) First, (HttpStatusCode Status, string Body) Second)> RunAsync(Race race)
    {
        var browsers = await Task.WhenAll(app.PagesAsAsync(race.User), app.PagesAsAsync(race.User));
        var pages = await Task.WhenAll(browsers.Select(async b =>
        {
            var page = await b.GetAsync(race.Url);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{race.Form}: {race.Url} answered {(int)page.StatusCode}");
            return html;
        }));
        var posts = pages.Select((html, i) =>
        {
            var form = race.Change(PageForm.Of(html, "Input.Version"), i);
            return (Action: form.Action ?? race.Url, Content: form.Content());
        }).ToList();
        var answers = await Task.WhenAll(posts.Select(async (p, i) =>
        {
            var answer = await browsers[i].PostAsync(p.Action, p.Content);
            return (answer.StatusCode, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
        }));
        return (answers[0], answers[1]);
    }

    /// <summary>The error summary's words, to say why a form was refused when a race goes wrong.</summary>
    private static string Summary(string html) =>
        Regex.Match(html, "govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline) is { Success: true } m
            ? Regex.Replace(m.Groups[1].Value, "<[^>]+>|\\s+", " ").Trim()
            : "(no error summary)";
}

public sealed class FormRaceTestsOnSqlite(SqliteApp app) : FormRaceTests(app.Factory), IClassFixture<SqliteApp>;

public sealed class FormRaceTestsOnPostgres(PostgresApp app) : FormRaceTests(app.Factory), IClassFixture<PostgresApp>;
