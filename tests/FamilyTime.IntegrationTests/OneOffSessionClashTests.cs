using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// One-off sessions through the API cannot double-book a room or a child, even when the requests arrive at once:
/// the check runs inside the save's write lock (and PostgreSQL's advisory lock), and the one refused is told what clashed.
/// </summary>
public abstract class OneOffSessionClashTests(FamilyTimeFactory app)
{
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private async Task<Guid> NewChildAsync(HttpClient api)
    {
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var body = ApiInput.NewChild(household, "Slot" + Guid.NewGuid().ToString("N")[..6]);
        body["legalStatus"] = "CareOrder";
        body["inCareProceedings"] = false;
        var created = await api.PostAsJsonAsync("/api/v1/children", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A room of its own for each test, so sessions other tests planned cannot be what clashes.</summary>
    private Task<(Guid Venue, Guid Room)> NewRoomAsync() => app.DbAsync(async db =>
    {
        var venue = await db.Venues.Include(v => v.Rooms).Where(v => v.IsOpen).OrderBy(v => v.Name).FirstAsync();
        var (room, errors) = venue.AddRoom("Slot room " + Guid.NewGuid().ToString("N")[..6], 6);
        Assert.True(errors.IsValid);
        await db.SaveChangesAsync();
        return (venue.Id, room!.Id);
    });

    private static HttpRequestMessage Post(Guid child, DateOnly date, string start, int minutes, (Guid Venue, Guid Room) place, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/children/{child}/sessions")
        {
            Content = JsonContent.Create(new
            {
                date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = start, durationMinutes = minutes,
                venueId = place.Venue, roomId = place.Room,
            }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient api, HttpRequestMessage request)
    {
        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private Task<List<FamilyTimeSession>> SessionsInAsync(Guid room, DateOnly date) =>
        app.DbAsync(db => db.Sessions.AsNoTracking().Where(s => s.RoomId == room && s.Date == date).ToListAsync());

    [Fact]
    public async Task Two_one_off_sessions_posted_at_once_for_the_same_room_and_time_create_one_and_refuse_the_other_with_409()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var (first, second) = (await NewChildAsync(api), await NewChildAsync(api));
        var place = await NewRoomAsync();
        var date = Today.AddDays(10);

        var answers = await Task.WhenAll(
            SendAsync(api, Post(first, date, "10:00", 60, place)),
            SendAsync(api, Post(second, date, "10:30", 60, place)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal("The room is already booked then", refused.Body.GetProperty("title").GetString());
        Assert.Contains("for another family", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await SessionsInAsync(place.Room, date));
    }

    [Fact]
    public async Task Ten_one_off_sessions_posted_at_once_for_the_same_room_and_time_create_exactly_one()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var children = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            children.Add(await NewChildAsync(api));
        }
        var place = await NewRoomAsync();
        var date = Today.AddDays(11);

        var answers = await Task.WhenAll(children.Select(c => SendAsync(api, Post(c, date, "14:00", 90, place))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Equal(9, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        Assert.Single(await SessionsInAsync(place.Room, date));
    }

    [Fact]
    public async Task The_same_child_in_two_rooms_at_once_is_refused_the_second()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(api);
        var (one, two) = (await NewRoomAsync(), await NewRoomAsync());
        var date = Today.AddDays(12);

        var answers = await Task.WhenAll(
            SendAsync(api, Post(child, date, "11:00", 60, one)),
            SendAsync(api, Post(child, date, "11:15", 30, two)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal("The child already has family time then", refused.Body.GetProperty("title").GetString());
        Assert.Contains("already has family time", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Sessions.CountAsync(s => s.ChildId == child && s.Date == date)));
    }

    [Fact]
    public async Task A_session_in_the_same_room_starting_when_the_first_ends_is_allowed()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var (first, second) = (await NewChildAsync(api), await NewChildAsync(api));
        var place = await NewRoomAsync();
        var date = Today.AddDays(13);

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(api, Post(first, date, "10:00", 60, place))).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(api, Post(second, date, "11:00", 60, place))).Status);
        Assert.Equal(2, (await SessionsInAsync(place.Room, date)).Count);
    }

    [Fact]
    public async Task A_retry_of_the_created_session_with_its_key_replays_the_201_rather_than_clashing_with_itself()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(api);
        var place = await NewRoomAsync();
        var date = Today.AddDays(14);
        var key = Guid.NewGuid().ToString();

        var first = await api.SendAsync(Post(child, date, "09:00", 60, place, key));
        var retry = await api.SendAsync(Post(child, date, "09:00", 60, place, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Single(await SessionsInAsync(place.Room, date));
    }
}

[Collection("sqlite")]
public sealed class OneOffSessionClashTestsOnSqlite(SqliteApp app) : OneOffSessionClashTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class OneOffSessionClashTestsOnPostgres(PostgresApp app) : OneOffSessionClashTests(app.Factory), IClassFixture<PostgresApp>;
