using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Approving a family's request to move a session cannot double-book the room or the child: the new day and time
/// are checked inside the save's write lock, as for a one-off session, and a refused approval leaves the session
/// where it was and the request open. Each test has its own app, with the clock at 9am on Monday 23 November 2026.
/// </summary>
public abstract class RearrangementClashTests(Provider provider)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);
    private static readonly DateOnly FirstWednesday = Today.AddDays(2);
    private static readonly DateOnly Friday = Today.AddDays(11);

    private sealed record Family(Guid Child, Guid Session);

    private FamilyTimeFactory NewApp() => new(provider, clock: new FakeTimeProvider(Start));

    /// <summary>A room of its own for the test, so sessions the demo planned cannot be what clashes.</summary>
    private static Task<(Guid Venue, Guid Room)> NewRoomAsync(FamilyTimeFactory app) => app.DbAsync(async db =>
    {
        var venue = await db.Venues.Include(v => v.Rooms).Where(v => v.IsOpen).OrderBy(v => v.Name).FirstAsync();
        var (room, errors) = venue.AddRoom("Move room " + Guid.NewGuid().ToString("N")[..6], 6);
        Assert.True(errors.IsValid);
        await db.SaveChangesAsync();
        return (venue.Id, room!.Id);
    });

    private static async Task<Guid> NewChildAsync(FamilyTimeFactory app, HttpClient api)
    {
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var body = ApiInput.NewChild(household, "Move" + Guid.NewGuid().ToString("N")[..6]);
        body["legalStatus"] = "CareOrder";
        body["inCareProceedings"] = false;
        return (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A child whose mother is parent1, with weekly supervised family time on Wednesdays at <paramref name="start"/>
    /// in <paramref name="place"/>; answers the second session (Wednesday 2 December), the one the family ask to move.
    /// </summary>
    private static async Task<Family> ArrangeAsync(FamilyTimeFactory app, (Guid Venue, Guid Room) place, string start)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api);
        var mother = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", ApiInput.Mother("Kelly Mover")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var arrangement = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { mother },
            ["purposes"] = new[] { "Attachment" },
            ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time during the parenting assessment.",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { FirstWednesday.DayOfWeek.ToString() },
            ["firstDate"] = FirstWednesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["startTime"] = start,
            ["durationMinutes"] = 90,
            ["venueId"] = place.Venue,
            ["roomId"] = place.Room,
            ["supervisorId"] = await app.UserIdAsync("contactworker1"),
            ["reviewEveryMonths"] = 3,
            ["confirmationRequired"] = false,
        };
        ArrangementMusts.With(arrangement, Today);
        var arrangementId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", arrangement), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var parent = await app.UserIdAsync("parent1");
        await app.DbAsync(async db =>
        {
            (await db.SignificantPeople.SingleAsync(p => p.Id == mother)).LinkPortalAccount(parent);
            return await db.SaveChangesAsync();
        });
        var session = await app.DbAsync(db => db.Sessions.Where(s => s.ArrangementId == arrangementId).OrderBy(s => s.Date).Select(s => s.Id).Skip(1).FirstAsync());
        return new Family(child, session);
    }

    /// <summary>The parent asks to move the session to Friday 4 December, starting between 13:00 and 15:00: answers the request's address.</summary>
    private static async Task<string> AskToMoveToFridayAsync(FamilyTimeFactory app, Family f)
    {
        var parent = await app.ApiAsAsync("parent1");
        var ask = new { proposedDate = Friday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), proposedFrom = "13:00", proposedTo = "15:00", reason = "I start a new job that week" };
        var request = (await BodyAsync(await parent.PostAsJsonAsync($"/api/v1/children/{f.Child}/sessions/{f.Session}/family/rearrange", ask), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        return $"/api/v1/children/{f.Child}/sessions/{f.Session}/rearrangements/{request}";
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private static Task<FamilyTimeSession> SessionAsync(FamilyTimeFactory app, Guid id) =>
        app.DbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id));

    private static Task<RearrangeRequest> RequestAsync(FamilyTimeFactory app, Guid sessionId) =>
        app.DbAsync(db => db.RearrangeRequests.AsNoTracking().SingleAsync(r => r.SessionId == sessionId));

    [Fact]
    public async Task Approving_a_move_into_a_room_slot_booked_for_another_family_answers_409_on_the_api_and_the_page_and_changes_nothing_until_a_free_time_is_chosen()
    {
        var app = NewApp();
        try
        {
            var place = await NewRoomAsync(app);
            var f = await ArrangeAsync(app, place, "10:00");
            var staff = await app.ApiAsAsync("socialworker1");
            // Another family's one-off session in the same room on the Friday, 14:00–15:00.
            var other = await NewChildAsync(app, staff);
            await BodyAsync(await staff.PostAsJsonAsync($"/api/v1/children/{other}/sessions", new
            {
                date = Friday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = "14:00", durationMinutes = 60, venueId = place.Venue, roomId = place.Room,
            }), HttpStatusCode.Created);
            var decision = await AskToMoveToFridayAsync(app, f);
            var before = await SessionAsync(app, f.Session);
            var asked = await RequestAsync(app, f.Session);

            var refused = await SendAsync(staff, $"{decision}/approve", new { start = "13:30", version = asked.Version });

            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Equal("The room is already booked then", refused.Body.GetProperty("title").GetString());
            Assert.Contains("14:00–15:00 for another family", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var after = await SessionAsync(app, f.Session);
            Assert.Equal((before.Date, before.StartTime, before.Version, (DateOnly?)null), (after.Date, after.StartTime, after.Version, after.MovedFrom));
            var still = await RequestAsync(app, f.Session);
            Assert.Equal((RearrangeStatus.Pending, asked.Version, (DateOnly?)null), (still.Status, still.Version, still.AgreedDate));
            Assert.True(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.Key == $"rearrange:{still.Id}" && t.DoneAt == null)));
            Assert.Empty(await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"rearrange:{still.Id}:")).ToListAsync()));

            // The page says the same, in an error summary, and saves nothing either.
            var pages = await app.PagesAsAsync("socialworker1");
            var link = $"/Children/{f.Child}/Sessions/{f.Session}/Rearrange/{still.Id}";
            var form = await pages.GetStringAsync(link);
            var posted = await pages.PostAsync($"{link}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Version"] = still.Version.ToString(CultureInfo.InvariantCulture),
                ["Input.Date.Day"] = Friday.Day.ToString(CultureInfo.InvariantCulture),
                ["Input.Date.Month"] = Friday.Month.ToString(CultureInfo.InvariantCulture),
                ["Input.Date.Year"] = Friday.Year.ToString(CultureInfo.InvariantCulture),
                ["Input.Start"] = "14:30",
                ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            }));
            var page = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
            Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
            Assert.Contains("is booked 14:00–15:00 for another family. Choose another room or time. Nothing was saved.", page, StringComparison.Ordinal);
            Assert.Equal((before.Date, before.StartTime), ((await SessionAsync(app, f.Session)).Date, (await SessionAsync(app, f.Session)).StartTime));
            Assert.Equal(RearrangeStatus.Pending, (await RequestAsync(app, f.Session)).Status);

            // A free time that day, straight after the other family's session, is approved.
            var approved = await BodyAsync(await staff.PostAsJsonAsync($"{decision}/approve", new { start = "15:00", version = still.Version }), HttpStatusCode.OK);
            Assert.Equal("Approved", approved.GetProperty("status").GetString());
            var moved = await SessionAsync(app, f.Session);
            Assert.Equal((Friday, new TimeOnly(15, 0), (DateOnly?)before.Date), (moved.Date, moved.StartTime, moved.MovedFrom));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_approvals_sent_at_once_moving_two_sessions_into_the_same_free_room_slot_move_exactly_one()
    {
        var app = NewApp();
        try
        {
            var place = await NewRoomAsync(app);
            var first = await ArrangeAsync(app, place, "10:00");
            var second = await ArrangeAsync(app, place, "13:00");
            var decisions = new[] { await AskToMoveToFridayAsync(app, first), await AskToMoveToFridayAsync(app, second) };
            var versions = new[] { (await RequestAsync(app, first.Session)).Version, (await RequestAsync(app, second.Session)).Version };
            var (one, two) = (await app.ApiAsAsync("socialworker1"), await app.ApiAsAsync("socialworker1"));

            var answers = await Task.WhenAll(
                SendAsync(one, $"{decisions[0]}/approve", new { start = "14:00", version = versions[0] }),
                SendAsync(two, $"{decisions[1]}/approve", new { start = "14:00", version = versions[1] }));

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
            Assert.Equal("The room is already booked then", refused.Body.GetProperty("title").GetString());
            Assert.Single(await app.DbAsync(db => db.Sessions.AsNoTracking().Where(s => s.RoomId == place.Room && s.Date == Friday).ToListAsync()));
            var statuses = new[] { (await RequestAsync(app, first.Session)).Status, (await RequestAsync(app, second.Session)).Status };
            Assert.Single(statuses, s => s == RearrangeStatus.Approved);
            Assert.Single(statuses, s => s == RearrangeStatus.Pending);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

[Collection("sqlite")]
public sealed class RearrangementClashTestsOnSqlite() : RearrangementClashTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class RearrangementClashTestsOnPostgres() : RearrangementClashTests(Provider.Postgres);
