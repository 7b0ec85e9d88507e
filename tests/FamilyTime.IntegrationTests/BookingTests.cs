using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FamilyTime.Domain.Venues;
using Microsoft.EntityFrameworkCore;

using static FamilyTime.IntegrationTests.BookingWorld;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 12, bookings and workers: a coordinator books a session's room and workers; a clash is refused in plain
/// words; two people booking one room at once cannot both win; a moved session tells the carers and the family
/// (nothing about the home); workers' profiles and leave through the API and pages. The clock stands at Tuesday
/// 17 November 2026; each test uses its own venue and workers, so the demo's own sessions never clash with them.
/// </summary>
public abstract class BookingTests(FamilyTimeFactory app)
{
    private static readonly DateOnly Thursday = new(2026, 11, 19);

    private sealed record Setup(Guid Venue, Guid Room1, Guid Room2, string VenueName, string WorkerA, string WorkerB);

    /// <summary>A venue of two rooms in North open every day 07:00–21:00, and two contact workers who work every day 08:00–20:00.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var area = await NorthAsync(app);
        var name = $"Booking Centre {tag}";
        var (venue, rooms) = await VenueAsync(app, area, name, "1 Mill Lane, Northbridge", ($"Oak {tag}", RoomFeatures.None), ($"Elm {tag}", RoomFeatures.None));
        var (room1, room2) = (rooms[0], rooms[1]);
        var a = await WorkerAsync(app, $"Alex Brook{tag}", area);
        var b = await WorkerAsync(app, $"Bea Stone{tag}", area);
        return new Setup(venue, room1, room2, name, a, b);
    }

    /// <summary>A child of socialworker1 living with carer1's household, a mother with an e-mail address, weekly supervised family time on Thursdays at 10:00 at the venue.</summary>
    private async Task<(Guid Child, Guid Mother, IReadOnlyList<Guid> Sessions)> FamilyAsync(Setup s, string mother)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, "Book" + Guid.NewGuid().ToString("N")[..6])), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var person = ApiInput.Mother(mother);
        person["email"] = $"{mother.Replace(' ', '.').ToLowerInvariant()}@example.org";
        var motherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", person), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var arrangement = ApiInput.WeeklySupervised(motherId, Thursday.DayOfWeek, Thursday, s.Venue, s.Room2);
        ArrangementMusts.With(arrangement, Thursday.AddDays(-2));
        var arrangementId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", arrangement), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var sessions = await app.DbAsync(db => db.Sessions.Where(x => x.ArrangementId == arrangementId).OrderBy(x => x.Date).Select(x => x.Id).Take(4).ToListAsync());
        return (child, motherId, sessions);
    }

    private static Dictionary<string, object?> Booking(DateOnly date, string start, Guid room, string supervisor, bool accept = false) => new()
    {
        ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["start"] = start,
        ["roomId"] = room,
        ["supervisorId"] = supervisor,
        ["acceptWarnings"] = accept,
    };

    private static string Url(Guid child, Guid session) => $"/api/v1/children/{child}/sessions/{session}/booking";

    [Fact]
    public async Task A_coordinator_books_a_room_and_a_worker_and_a_room_or_worker_already_booked_is_refused_in_plain_words()
    {
        var s = await SetUpAsync();
        var first = await FamilyAsync(s, "Kelly Booking");
        var second = await FamilyAsync(s, "Dana Booking");
        var coordinator = await app.ApiAsAsync("coordinator1");

        var booked = await BodyAsync(await coordinator.PutAsJsonAsync(Url(first.Child, first.Sessions[0]), Booking(Thursday, "10:00", s.Room1, s.WorkerA)), HttpStatusCode.OK);
        Assert.False(booked.GetProperty("moved").GetBoolean());
        var session = await app.DbAsync(db => db.Sessions.AsNoTracking().SingleAsync(x => x.Id == first.Sessions[0]));
        Assert.Equal((s.Room1, s.WorkerA), (session.RoomId!.Value, session.SupervisorId!));

        var room = await BodyAsync(await coordinator.PutAsJsonAsync(Url(second.Child, second.Sessions[0]), Booking(Thursday, "10:00", s.Room1, s.WorkerB)), HttpStatusCode.BadRequest);
        Assert.Contains("is booked 10:00–11:30 for another family", room.GetProperty("errors").GetProperty("roomId")[0].GetString(), StringComparison.Ordinal);
        var worker = await BodyAsync(await coordinator.PutAsJsonAsync(Url(second.Child, second.Sessions[0]), Booking(Thursday, "10:30", s.Room2, s.WorkerA)), HttpStatusCode.BadRequest);
        Assert.Contains("is already booked 10:00–11:30 for other family time", worker.GetProperty("errors").GetProperty("supervisorId")[0].GetString(), StringComparison.Ordinal);
        // Refused means nothing changed.
        Assert.Equal(s.Room2, await app.DbAsync(db => db.Sessions.Where(x => x.Id == second.Sessions[0]).Select(x => x.RoomId!.Value).SingleAsync()));

        await BodyAsync(await coordinator.PutAsJsonAsync(Url(second.Child, second.Sessions[0]), Booking(Thursday, "10:00", s.Room2, s.WorkerB)), HttpStatusCode.OK);
        var state = await BodyAsync(await coordinator.GetAsync(Url(second.Child, second.Sessions[0])), HttpStatusCode.OK);
        Assert.Equal(0, state.GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public async Task A_booking_against_an_old_version_of_the_session_is_refused_as_a_conflict()
    {
        var s = await SetUpAsync();
        var f = await FamilyAsync(s, "Vera Version");
        var coordinator = await app.ApiAsAsync("coordinator1");
        var version = (await BodyAsync(await coordinator.GetAsync(Url(f.Child, f.Sessions[0])), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var body = Booking(Thursday, "10:00", s.Room1, s.WorkerA);
        body["version"] = version;
        await BodyAsync(await coordinator.PutAsJsonAsync(Url(f.Child, f.Sessions[0]), body), HttpStatusCode.OK);
        body["supervisorId"] = s.WorkerB;
        await BodyAsync(await coordinator.PutAsJsonAsync(Url(f.Child, f.Sessions[0]), body), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_people_booking_the_same_room_at_once_cannot_both_win_and_the_other_is_told_why()
    {
        var s = await SetUpAsync();
        var first = await FamilyAsync(s, "Rae Race");
        var second = await FamilyAsync(s, "Ria Race");
        var coordinator = await app.ApiAsAsync("coordinator1");
        var socialWorker = await app.ApiAsAsync("socialworker1");
        var answers = await Task.WhenAll(
            coordinator.PutAsJsonAsync(Url(first.Child, first.Sessions[1]), Booking(Thursday.AddDays(7), "10:00", s.Room1, s.WorkerA)),
            socialWorker.PutAsJsonAsync(Url(second.Child, second.Sessions[1]), Booking(Thursday.AddDays(7), "10:00", s.Room1, s.WorkerB)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
        var loser = await answers.Single(a => a.StatusCode == HttpStatusCode.BadRequest).Content.ReadAsStringAsync();
        Assert.Contains("for another family", loser, StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Sessions.CountAsync(x => x.RoomId == s.Room1 && x.Date == Thursday.AddDays(7))));
    }

    [Fact]
    public async Task A_booked_session_that_moves_tells_the_carers_and_the_family_and_the_familys_message_says_nothing_of_the_home()
    {
        var s = await SetUpAsync();
        var f = await FamilyAsync(s, "Mona Moved");
        var coordinator = await app.ApiAsAsync("coordinator1");
        var friday = Thursday.AddDays(15);
        var done = await BodyAsync(await coordinator.PutAsJsonAsync(Url(f.Child, f.Sessions[2]), Booking(friday, "14:00", s.Room1, s.WorkerA)), HttpStatusCode.OK);
        Assert.True(done.GetProperty("moved").GetBoolean());
        var outbox = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"booking-moved:{f.Sessions[2]}:")).ToListAsync());
        Assert.Contains(outbox, m => m.To == "carer1@example.org" && m.Body.Contains("Please do not set off at the old time", StringComparison.Ordinal));
        var family = Assert.Single(outbox, m => m.To == "mona.moved@example.org");
        Assert.Contains("moved to Friday 4 December at 14:00 at " + s.VenueName, family.Body, StringComparison.Ordinal);
        Assert.Contains("Alex will be there with you", family.Body, StringComparison.Ordinal);
        var workerSurname = await app.DbAsync(db => db.Users.Where(u => u.Id == s.WorkerA).Select(u => u.DisplayName).SingleAsync());
        Assert.DoesNotContain(workerSurname.Split(' ')[1], family.Body, StringComparison.Ordinal);
        var home = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1")
            .Join(db.CarerHouseholds, u => u.CarerHouseholdId, h => h.Id, (u, h) => new { h.Name, h.Address, h.Postcode, u.DisplayName }).SingleAsync());
        foreach (var secret in new[] { home.Address, home.Postcode, home.DisplayName, home.Name })
        {
            Assert.DoesNotContain(secret, family.Subject + family.Body, StringComparison.OrdinalIgnoreCase);
        }
        // The same booking again moves nothing and sends nothing more.
        await BodyAsync(await coordinator.PutAsJsonAsync(Url(f.Child, f.Sessions[2]), Booking(friday, "14:00", s.Room1, s.WorkerA)), HttpStatusCode.OK);
        Assert.Equal(outbox.Count, await app.DbAsync(db => db.Outbox.CountAsync(m => m.Key.StartsWith($"booking-moved:{f.Sessions[2]}:"))));
    }

    [Fact]
    public async Task A_worker_on_leave_cannot_be_booked_that_day()
    {
        var s = await SetUpAsync();
        var f = await FamilyAsync(s, "Lena Leave");
        var coordinator = await app.ApiAsAsync("coordinator1");
        var leave = new Dictionary<string, object?> { ["from"] = "2026-11-19", ["until"] = "2026-11-20", ["reason"] = "Training" };
        await BodyAsync(await coordinator.PostAsJsonAsync($"/api/v1/workers/{s.WorkerA}/leave", leave), HttpStatusCode.Created);
        // Entered twice (a retried request): refused, so it is there once.
        await BodyAsync(await coordinator.PostAsJsonAsync($"/api/v1/workers/{s.WorkerA}/leave", leave), HttpStatusCode.BadRequest);
        var refused = await BodyAsync(await coordinator.PutAsJsonAsync(Url(f.Child, f.Sessions[0]), Booking(Thursday, "10:00", s.Room1, s.WorkerA)), HttpStatusCode.BadRequest);
        Assert.Equal("Alex is away on Thursday 19 November (training)", refused.GetProperty("errors").GetProperty("supervisorId")[0].GetString());
    }

    [Fact]
    public async Task Workers_profiles_are_kept_by_coordinators_with_trained_to_assess_on_the_account_and_an_old_version_refused()
    {
        var s = await SetUpAsync();
        var coordinator = await app.ApiAsAsync("coordinator1");
        var worker = await BodyAsync(await coordinator.GetAsync($"/api/v1/workers/{s.WorkerA}"), HttpStatusCode.OK);
        var version = worker.GetProperty("version").GetInt32();
        var area = worker.GetProperty("areaId").GetGuid();
        var body = new Dictionary<string, object?>
        {
            ["areaId"] = area,
            ["pattern"] = new[] { new { day = "Monday", from = "09:00", until = "17:00" } },
            ["languages"] = new[] { "Polish" },
            ["driver"] = false,
            ["maxHoursPerWeek"] = 30,
            ["basePostcode"] = "NB1 4QT",
            ["trainedToAssess"] = false,
            ["version"] = version,
        };
        var saved = await BodyAsync(await coordinator.PutAsJsonAsync($"/api/v1/workers/{s.WorkerA}", body), HttpStatusCode.OK);
        Assert.Equal("Polish", saved.GetProperty("languages")[0].GetString());
        Assert.False(await app.DbAsync(db => db.Users.Where(u => u.Id == s.WorkerA).Select(u => u.TrainedToAssess).SingleAsync()));
        await BodyAsync(await coordinator.PutAsJsonAsync($"/api/v1/workers/{s.WorkerA}", body), HttpStatusCode.Conflict);

        var list = WebUtility.HtmlDecode(await (await app.PagesAsAsync("coordinator1")).GetStringAsync("/Workers"));
        Assert.Contains("Tom Bradley", list, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.ApiAsAsync("contactworker1")).GetAsync("/api/v1/workers")).StatusCode);
    }

    [Fact]
    public async Task The_childs_social_worker_approves_a_family_member_to_supervise_and_the_approval_is_listed_with_who_and_when()
    {
        var s = await SetUpAsync();
        var f = await FamilyAsync(s, "Gita Approved");
        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{f.Child}/SupervisionApprovals";
        var page = await pages.GetStringAsync(url);
        var posted = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page),
            ["Who"] = f.Mother.ToString(),
        }));
        Assert.True(posted.IsSuccessStatusCode || (int)posted.StatusCode is >= 300 and < 400, $"got {posted.StatusCode}");
        var approval = await app.DbAsync(db => db.SupervisionApprovals.AsNoTracking().SingleAsync(a => a.ChildId == f.Child));
        Assert.Equal((f.Mother, new DateOnly(2026, 11, 17)), (approval.PersonId!.Value, approval.ApprovedOn));
        var listed = WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.Contains("Gita Approved", listed, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.PagesAsAsync("coordinator1")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_booking_page_is_for_the_coordinator_and_the_childs_social_worker_not_the_family()
    {
        var s = await SetUpAsync();
        var f = await FamilyAsync(s, "Pia Page");
        var page = $"/Children/{f.Child}/Sessions/{f.Sessions[0]}/Booking";
        var html = WebUtility.HtmlDecode(await (await app.PagesAsAsync("coordinator1")).GetStringAsync(page));
        Assert.Contains("Book family time", html, StringComparison.Ordinal);
        Assert.Contains($"Alex Brook", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.PagesAsAsync("parent1")).GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.PagesAsAsync("contactworker1")).GetAsync(page)).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class BookingTestsOnSqlite(SqliteApp app) : BookingTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class BookingTestsOnPostgres(PostgresApp app) : BookingTests(app.Factory), IClassFixture<PostgresApp>;
