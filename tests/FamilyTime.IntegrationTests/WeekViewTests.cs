using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 12, item 4: the views people expect. A contact worker's today and week (their own bookings only, as
/// supervisor, second worker or driver; the records they still have to write), a social worker's children's week,
/// and a coordinator's area week by room and by worker; each printable, and a week that cannot be read shown as
/// this week with a message, never an error. Each test uses a week of its own, far from the demo's sessions.
/// </summary>
public abstract class WeekViewTests(FamilyTimeFactory app)
{
    private static DateOnly Today => DateOnly.FromDateTime(FamilyTimeFactory.DefaultStart.UtcDateTime);

    private sealed record Place(Guid AreaId, Guid ChildId, string ChildName, Guid VenueId, Guid RoomId, string RoomName);

    /// <summary>A child of the North area (coordinator1's) and a room at one of North's open venues.</summary>
    private Task<Place> NorthAsync() => app.DbAsync(async db =>
    {
        var north = await db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync();
        var child = await db.Children.Where(c => db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == north)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Name = c.PreferredName ?? c.FirstName }).FirstAsync();
        var room = await db.Rooms.Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { r.Id, r.Name, VenueId = v.Id, v.AreaId, v.IsOpen })
            .Where(x => x.AreaId == north && x.IsOpen).OrderBy(x => x.Id).FirstAsync();
        return new Place(north, child.Id, child.Name, room.VenueId, room.Id, room.Name);
    });

    /// <summary>Adds one session and answers its id; workers are given by user name.</summary>
    private async Task<Guid> SessionAsync(Guid childId, DateOnly date, TimeOnly start, int minutes, Guid? venue, Guid? room,
        string? supervisor, string? second = null, string? driver = null, SessionStatus? closedAs = null, Guid? arrangement = null)
    {
        async Task<string?> Id(string? userName) => userName is null ? null : await app.UserIdAsync(userName);
        var (sup, sec, drv) = (await Id(supervisor), await Id(second), await Id(driver));
        return await app.DbAsync(async db =>
        {
            var socialWorker = await db.Children.Where(c => c.Id == childId).Select(c => c.SocialWorkerId).SingleAsync();
            var session = new FamilyTimeSession(childId, arrangement, new SessionSlot(date, start, minutes, venue, room, sup), socialWorker);
            db.Sessions.Add(session);
            // Bookings of a second worker and a driver are the workers package's to make; here they are laid down directly.
            db.Entry(session).Property(nameof(FamilyTimeSession.SecondWorkerId)).CurrentValue = sec;
            db.Entry(session).Property(nameof(FamilyTimeSession.DriverId)).CurrentValue = drv;
            // A session laid down with a room and a supervisor stands for one the coordinator booked; one without is not yet booked.
            if (room is not null && sup is not null)
            {
                db.Entry(session).Property(nameof(FamilyTimeSession.BookedAt)).CurrentValue = FamilyTimeFactory.DefaultStart.UtcDateTime;
            }
            if (closedAs is { } status)
            {
                Assert.True(session.Close(status, "Laid down by the test", socialWorker, FamilyTimeFactory.DefaultStart.UtcDateTime, Today).IsValid);
            }
            await db.SaveChangesAsync();
            return session.Id;
        });
    }

    private static string Param(DateOnly monday) => monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_contact_worker_sees_their_own_sessions_as_supervisor_second_worker_or_driver_and_not_others()
    {
        var place = await NorthAsync();
        var monday = new DateOnly(2028, 3, 6);
        var supervising = await SessionAsync(place.ChildId, monday, new TimeOnly(16, 0), 90, place.VenueId, place.RoomId, "contactworker1");
        var second = await SessionAsync(place.ChildId, monday.AddDays(1), new TimeOnly(10, 0), 60, place.VenueId, place.RoomId, "coordinator1", second: "contactworker1");
        var driving = await SessionAsync(place.ChildId, monday.AddDays(1), new TimeOnly(9, 0), 60, place.VenueId, place.RoomId, "coordinator1", driver: "contactworker1");
        var someoneElses = await SessionAsync(place.ChildId, monday.AddDays(2), new TimeOnly(10, 0), 60, place.VenueId, place.RoomId, "coordinator1");

        var page = await (await app.PagesAsAsync("contactworker1")).GetStringAsync($"/Week?week={Param(monday)}");
        Assert.Contains($"data-session=\"{supervising}\"", page);
        Assert.Contains($"data-session=\"{second}\"", page);
        Assert.Contains($"data-session=\"{driving}\"", page);
        Assert.DoesNotContain($"data-session=\"{someoneElses}\"", page);
        Assert.Contains("You: Supervising", page);
        Assert.Contains("You: Second worker", page);
        Assert.Contains("You: Driving", page);
        Assert.Contains(place.RoomName, page);
        // In time order within the day: the 09:00 drive before the 10:00 session as second worker.
        Assert.True(page.IndexOf($"data-session=\"{driving}\"", StringComparison.Ordinal) < page.IndexOf($"data-session=\"{second}\"", StringComparison.Ordinal));

        var api = await (await app.ApiAsAsync("contactworker1")).GetFromJsonAsync<JsonElement>($"/api/v1/week/mine?week={Param(monday)}");
        var ids = api.GetProperty("sessions").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("yourPart").GetString());
        Assert.Equal(3, ids.Count);
        Assert.Equal("Supervisor", ids[supervising]);
        Assert.Equal("SecondWorker", ids[second]);
        Assert.Equal("Driver", ids[driving]);
        Assert.Equal(monday, DateOnly.Parse(api.GetProperty("monday").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_contact_worker_sees_which_of_their_sessions_clash_and_which_are_not_yet_booked()
    {
        var place = await NorthAsync();
        var monday = new DateOnly(2028, 3, 13);
        // A booked session 15:30-17:00, and one not yet booked (no room) 15:00-16:00 that still names the worker.
        var booked = await SessionAsync(place.ChildId, monday.AddDays(1), new TimeOnly(15, 30), 90, place.VenueId, place.RoomId, "contactworker1");
        var notBooked = await SessionAsync(place.ChildId, monday.AddDays(1), new TimeOnly(15, 0), 60, place.VenueId, null, "contactworker1");
        var later = await SessionAsync(place.ChildId, monday.AddDays(1), new TimeOnly(17, 0), 60, place.VenueId, place.RoomId, "contactworker1");

        var page = await (await app.PagesAsAsync("contactworker1")).GetStringAsync($"/Week?week={Param(monday)}");

        string Row(Guid id) => Between(page, $"data-session=\"{id}\"", "</tr>");
        Assert.Contains($"Clashes with {place.ChildName} at 15:00", Row(booked));
        Assert.Contains($"Clashes with {place.ChildName} at 15:30", Row(notBooked));
        Assert.Contains("Not yet booked", Row(notBooked));
        Assert.DoesNotContain("Not yet booked", Row(booked));
        // 17:00 starts as the 15:30 session ends: one after the other, no clash.
        Assert.DoesNotContain("data-clash", Row(later));

        // Two that overlapped in a week gone by are the records' business now, not a clash to sort out.
        var pastMonday = new DateOnly(2026, 11, 9);
        var pastA = await SessionAsync(place.ChildId, pastMonday.AddDays(1), new TimeOnly(15, 30), 90, place.VenueId, place.RoomId, "contactworker1");
        await SessionAsync(place.ChildId, pastMonday.AddDays(1), new TimeOnly(15, 0), 60, place.VenueId, null, "contactworker1");
        var past = await (await app.PagesAsAsync("contactworker1")).GetStringAsync($"/Week?week={Param(pastMonday)}");
        Assert.Contains($"data-session=\"{pastA}\"", past);
        Assert.DoesNotContain("data-clash", past);
    }

    [Fact]
    public async Task A_contact_workers_records_still_to_write_are_listed_on_their_week_and_today()
    {
        var place = await NorthAsync();
        var held = await SessionAsync(place.ChildId, Today.AddDays(-3), new TimeOnly(10, 0), 60, place.VenueId, place.RoomId, "contactworker1", closedAs: SessionStatus.TookPlace);
        var notMine = await SessionAsync(place.ChildId, Today.AddDays(-3), new TimeOnly(12, 0), 60, place.VenueId, place.RoomId, "coordinator1", closedAs: SessionStatus.TookPlace);
        var cancelled = await SessionAsync(place.ChildId, Today.AddDays(-2), new TimeOnly(10, 0), 60, place.VenueId, place.RoomId, "contactworker1", closedAs: SessionStatus.CancelledByCarer);

        var worker = await app.PagesAsAsync("contactworker1");
        foreach (var url in new[] { "/Week", "/Today" })
        {
            var page = await worker.GetStringAsync(url);
            Assert.Contains($"data-record-to-write=\"{held}\"", page);
            Assert.Contains($"/Children/{place.ChildId}/Sessions/{held}/Record/Write", page);
            Assert.DoesNotContain($"data-record-to-write=\"{notMine}\"", page);
            Assert.DoesNotContain($"data-record-to-write=\"{cancelled}\"", page);
        }
        var api = await (await app.ApiAsAsync("contactworker1")).GetFromJsonAsync<JsonElement>("/api/v1/week/mine");
        var toWrite = api.GetProperty("recordsToWrite").EnumerateArray().Single(r => r.GetProperty("sessionId").GetGuid() == held);
        Assert.True(toWrite.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Today_shows_only_todays_sessions_and_marks_this_week_today()
    {
        var place = await NorthAsync();
        var today = await SessionAsync(place.ChildId, Today, new TimeOnly(15, 0), 60, place.VenueId, place.RoomId, "contactworker1");
        var tomorrow = await SessionAsync(place.ChildId, Today.AddDays(1), new TimeOnly(15, 0), 60, place.VenueId, place.RoomId, "contactworker1");

        var worker = await app.PagesAsAsync("contactworker1");
        var todayPage = await worker.GetStringAsync("/Today");
        Assert.Contains($"data-session=\"{today}\"", todayPage);
        Assert.DoesNotContain($"data-session=\"{tomorrow}\"", todayPage);
        var week = await worker.GetStringAsync("/Week");
        Assert.Contains($"data-session=\"{tomorrow}\"", week);
        Assert.Contains("app-week-day--today\" aria-labelledby=\"day-1\"", week); // Tuesday 17 November 2026
        Assert.Contains("<h1 class=\"govuk-heading-l\">This week: 16 to 22 November 2026</h1>", week);
    }

    [Fact]
    public async Task A_social_worker_sees_all_their_childrens_family_time_and_no_other_childs()
    {
        var (mine, theirs) = await app.DbAsync(async db =>
        {
            var me = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
            var own = await db.Children.Where(c => c.SocialWorkerId == me).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            var other = await db.Children.Where(c => c.SocialWorkerId != me).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            return (own, other);
        });
        Assert.Equal(2, mine.Count);
        var monday = new DateOnly(2028, 4, 3);
        var first = await SessionAsync(mine[0], monday, new TimeOnly(10, 0), 60, null, null, "contactworker1");
        var secondChild = await SessionAsync(mine[1], monday.AddDays(3), new TimeOnly(10, 0), 60, null, null, null);
        var other = await SessionAsync(theirs, monday, new TimeOnly(11, 0), 60, null, null, "contactworker1");

        var page = await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Week/Children?week={Param(monday)}");
        Assert.Contains($"data-session=\"{first}\"", page);
        Assert.Contains($"data-session=\"{secondChild}\"", page);
        Assert.DoesNotContain($"data-session=\"{other}\"", page);
        Assert.Contains("Supervisor: Tom Bradley", page);
        Assert.Contains("Supervisor: not booked yet", page);

        var api = await (await app.ApiAsAsync("socialworker1")).GetFromJsonAsync<JsonElement>($"/api/v1/week/children?week={Param(monday)}");
        var ids = api.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([first, secondChild], ids);
    }

    [Fact]
    public async Task A_coordinators_area_week_shows_the_areas_sessions_by_room_and_by_worker_with_hours_and_what_is_not_booked()
    {
        var place = await NorthAsync();
        var monday = new DateOnly(2028, 5, 1);
        var a = await SessionAsync(place.ChildId, monday, new TimeOnly(10, 0), 90, place.VenueId, place.RoomId, "contactworker1");
        var b = await SessionAsync(place.ChildId, monday.AddDays(2), new TimeOnly(14, 0), 60, place.VenueId, place.RoomId, "coordinator1", second: "contactworker1", driver: "socialworker1");
        var noRoom = await SessionAsync(place.ChildId, monday.AddDays(3), new TimeOnly(14, 0), 60, null, null, "contactworker1");
        var noWorker = await SessionAsync(place.ChildId, monday.AddDays(4), new TimeOnly(14, 0), 60, place.VenueId, place.RoomId, null);
        var cancelled = await SessionAsync(place.ChildId, monday.AddDays(5), new TimeOnly(10, 0), 120, place.VenueId, place.RoomId, "contactworker1", closedAs: SessionStatus.CancelledByParent);
        var cw1 = await app.UserIdAsync("contactworker1");
        var sw1 = await app.UserIdAsync("socialworker1");

        var page = await (await app.PagesAsAsync("coordinator1")).GetStringAsync($"/Week/Area?week={Param(monday)}");
        Assert.Contains("North area", page);
        var roomRow = Between(page, $"data-room=\"{place.RoomId}\"", "</tr>");
        Assert.Contains($"data-session=\"{a}\"", roomRow);
        Assert.Contains($"data-session=\"{b}\"", roomRow);
        Assert.DoesNotContain($"data-session=\"{noRoom}\"", roomRow);
        var workerRow = Between(page, $"data-worker=\"{cw1}\"", "</tr>");
        // 90 and 60 minutes supervising, 60 as second worker; the cancelled two hours take no time.
        Assert.Contains("data-total-minutes=\"210\"", workerRow);
        Assert.Contains("3 hours 30 minutes", workerRow);
        Assert.Contains("(second worker)", workerRow);
        // Driving is shown but takes no hours.
        var driverRow = Between(page, $"data-worker=\"{sw1}\"", "</tr>");
        Assert.Contains($"data-session=\"{b}\"", driverRow);
        Assert.Contains("data-total-minutes=\"0\"", driverRow);
        var notBooked = Between(page, "data-not-booked", "</table>");
        Assert.Contains($"data-session=\"{noRoom}\"", notBooked);
        Assert.Contains($"data-session=\"{noWorker}\"", notBooked);
        Assert.DoesNotContain($"data-session=\"{a}\"", notBooked);
        Assert.DoesNotContain($"data-session=\"{cancelled}\"", notBooked);

        var api = await (await app.ApiAsAsync("coordinator1")).GetFromJsonAsync<JsonElement>($"/api/v1/week/area?week={Param(monday)}");
        Assert.Equal(place.AreaId, api.GetProperty("areaId").GetGuid());
        var worker = api.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("userId").GetString() == cw1);
        Assert.Equal(210, worker.GetProperty("totalMinutes").GetInt32());
        Assert.Equal([90, 0, 60, 60, 0, 0, 0], worker.GetProperty("minutesByDay").EnumerateArray().Select(m => m.GetInt32()).ToArray());
        var notBookedIds = api.GetProperty("notBooked").EnumerateArray().Select(x => x.GetGuid()).ToHashSet();
        Assert.Contains(noRoom, notBookedIds);
        Assert.Contains(noWorker, notBookedIds);
        Assert.DoesNotContain(a, notBookedIds);
    }

    [Fact]
    public async Task Family_time_a_carer_supervises_is_not_listed_as_needing_a_worker()
    {
        var place = await NorthAsync();
        // One of the North area's arrangements, now supervised by the child's carer: the plan names no worker.
        var (arrangement, child) = await app.DbAsync(async db =>
        {
            var found = await db.Arrangements.Where(a => db.Children.Any(c => c.Id == a.ChildId && db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == place.AreaId)))
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.ChildId }).FirstAsync();
            await db.Arrangements.Where(a => a.Id == found.Id).ExecuteUpdateAsync(x => x
                .SetProperty(a => a.Type, ArrangementType.Supervised)
                .SetProperty(a => a.SupervisedBy, SupervisedBy.Carer)
                .SetProperty(a => a.SupervisorName, "the foster carer")
                .SetProperty(a => a.SupervisorId, (string?)null));
            return (found.Id, found.ChildId);
        });
        var monday = new DateOnly(2028, 6, 5);
        var byCarer = await SessionAsync(child, monday, new TimeOnly(16, 0), 60, place.VenueId, place.RoomId, null, arrangement: arrangement);
        var byWorker = await SessionAsync(child, monday.AddDays(1), new TimeOnly(16, 0), 60, place.VenueId, place.RoomId, null);

        var page = await (await app.PagesAsAsync("coordinator1")).GetStringAsync($"/Week/Area?week={Param(monday)}");
        var notBooked = Between(page, "data-not-booked", "</table>");
        var carerRow = Between(notBooked, $"data-session=\"{byCarer}\"", "</tr>");
        Assert.DoesNotContain("a worker", carerRow);
        // (The page writes the apostrophe as a character reference.)
        Assert.Contains("room, not yet checked for clashes", carerRow);
        Assert.DoesNotContain("room and worker", carerRow);
        Assert.Contains("a worker", Between(notBooked, $"data-session=\"{byWorker}\"", "</tr>"));
    }

    [Fact]
    public async Task A_coordinator_reads_only_their_own_area_and_a_manager_may_choose_any()
    {
        var (north, south) = await app.DbAsync(async db =>
        {
            var areas = await db.Areas.ToDictionaryAsync(a => a.Name, a => a.Id);
            return (areas["North"], areas.First(a => a.Key != "North").Value);
        });
        var coordinator = await app.PagesAsAsync("coordinator1");
        var refused = await coordinator.GetAsync($"/Week/Area?area={south}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("their own area only", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Week/Area?area={north}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Week/Area?area={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsAsync("coordinator1")).GetAsync($"/api/v1/week/area?area={south}")).StatusCode);

        var manager = await (await app.PagesAsAsync("manager1")).GetStringAsync($"/Week/Area?area={south}");
        Assert.Contains($"<option value=\"{south}\" selected=\"selected\">", manager);

        // Each view is its own role's: a contact worker is refused the area and the children's week, a parent is not told they exist.
        var worker = await app.PagesAsAsync("contactworker1");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Week/Area")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Week/Children")).StatusCode);
        var parent = await app.PagesAsAsync("parent1");
        foreach (var url in new[] { "/Week", "/Today", "/Week/Children", "/Week/Area" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/Week?week=next-tuesday")]
    [InlineData("/Week?week=2026-02-30")]
    [InlineData("/Week?week=9999-12-31")]
    [InlineData("/Week?week=%00%27")]
    [InlineData("/Week/Children?week=2026-W99")]
    [InlineData("/Week/Area?week=yesterday&area=not-an-area")]
    public async Task A_week_that_cannot_be_read_shows_this_week_with_a_message_not_an_error(string url)
    {
        var user = url.StartsWith("/Week/Children", StringComparison.Ordinal) ? "socialworker1" : url.StartsWith("/Week/Area", StringComparison.Ordinal) ? "coordinator1" : "contactworker1";
        var response = await (await app.PagesAsAsync(user)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-week-problem", page);
        Assert.Contains("This week: 16 to 22 November 2026", page);
    }

    [Fact]
    public async Task The_api_answers_a_week_that_cannot_be_read_with_400_naming_the_field()
    {
        var api = await app.ApiAsAsync("contactworker1");
        var response = await api.GetAsync("/api/v1/week/mine?week=someday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("week", out _));
    }

    [Fact]
    public async Task Week_navigation_crosses_months_and_years()
    {
        var worker = await app.PagesAsAsync("contactworker1");
        var page = await worker.GetStringAsync("/Week?week=2026-12-30");
        Assert.Contains("Week: 28 December 2026 to 3 January 2027", page);
        Assert.Contains("href=\"/Week?week=2027-01-04\"", page);
        Assert.Contains("href=\"/Week?week=2026-12-21\"", page);
        var spring = await worker.GetStringAsync("/Week?week=2027-03-01");
        Assert.Contains("Week: 1 to 7 March 2027", spring);
        Assert.Contains("href=\"/Week?week=2027-02-22\"", spring);
        var november = await worker.GetStringAsync("/Week?week=2026-11-30");
        Assert.Contains("Week: 30 November to 6 December 2026", november);
        Assert.Contains("href=\"/Week?week=2026-11-23\"", november);
    }

    [Fact]
    public async Task Each_week_view_has_a_printable_copy_without_navigation_saying_when_it_was_printed()
    {
        var cases = new (string User, string Url)[]
        {
            ("contactworker1", "/Week?week=2026-11-23&print=1"),
            ("contactworker1", "/Today?print=1"),
            ("socialworker1", "/Week/Children?print=1"),
            ("socialworker1", "/Today/Children?print=1"),
            ("coordinator1", "/Week/Area?print=1"),
        };
        foreach (var (user, url) in cases)
        {
            var client = await app.PagesAsAsync(user);
            var screen = await client.GetStringAsync(url.Replace("print=1", "", StringComparison.Ordinal).TrimEnd('?', '&'));
            Assert.Contains("data-print-link", screen);
            var print = await client.GetStringAsync(url);
            Assert.DoesNotContain("govuk-service-navigation", print);
            Assert.DoesNotContain("govuk-footer", print);
            Assert.DoesNotContain("Sign out", print);
            Assert.Contains("Printed on 17 November 2026 at 09:30", print);
            Assert.Contains("<h1", print);
        }
    }

    [Fact]
    public async Task Each_role_finds_its_week_from_its_home_page_and_the_navigation()
    {
        foreach (var (user, link) in new[] { ("contactworker1", "href=\"/Week\""), ("socialworker1", "href=\"/Week/Children\""), ("coordinator1", "href=\"/Week/Area\"") })
        {
            var home = await (await app.PagesAsAsync(user)).GetStringAsync("/Children");
            Assert.Contains("data-week-links", home);
            Assert.Contains($"govuk-service-navigation__link\" {link}", home);
        }
        var dashboard = await (await app.PagesAsAsync("manager1")).GetStringAsync("/Dashboard");
        Assert.Contains("href=\"/Week/Area\"", dashboard);
    }

    [Fact]
    public async Task The_week_api_is_described_in_the_openapi_document()
    {
        var paths = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/week/mine", "/api/v1/week/children", "/api/v1/week/area" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            var get = item.GetProperty("get");
            Assert.Contains("week", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "week");
        }
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is not on the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }
}

[Collection("sqlite")]
public sealed class WeekViewTestsOnSqlite(SqliteApp app) : WeekViewTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class WeekViewTestsOnPostgres(PostgresApp app) : WeekViewTests(app.Factory), IClassFixture<PostgresApp>;
