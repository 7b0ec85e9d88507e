using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The venue directory: opening hours, closures and rooms edited on the venue's pages from the version the editor
/// started from; the list and the API searched and filtered the same way.
/// </summary>
public abstract class VenueDirectoryTests(FamilyTimeFactory app)
{
    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..8];

    private static TimeOnly T(int h, int m = 0) => new(h, m);

    private Task<Guid> AreaAsync(string name = "North") => app.DbAsync(db => db.Areas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<Venue> VenueAsync(Guid id) => app.DbAsync(db => db.Venues.AsNoTracking().Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery().SingleAsync(v => v.Id == id));

    /// <summary>A venue with rooms (name, features, ages) and hours, saved straight to the database.</summary>
    private async Task<Guid> SeedAsync(string name, string area = "North", string postcode = "NB1 4QT",
        OpeningHours[]? hours = null, params (string Name, RoomFeatures Features, int? From, int? To)[] rooms)
    {
        var areaId = await AreaAsync(area);
        return await app.DbAsync(async db =>
        {
            var (venue, errors) = Venue.Create(new VenueDetails(name, "1 Mill Lane, Northbridge", postcode, areaId, null));
            Assert.True(errors.IsValid);
            foreach (var (room, features, from, to) in rooms)
            {
                var added = venue!.AddRoom(room, 6).Room!;
                Assert.True(venue.ChangeRoom(added.Id, new RoomDetails(room, 6, features, from, to)).IsValid);
            }
            Assert.True(venue!.SetOpeningHours(hours ?? []).IsValid);
            db.Venues.Add(venue);
            await db.SaveChangesAsync();
            return venue.Id;
        });
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(tokenPage);
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var content = fields.Append(("__RequestVerificationToken", FamilyTimeFactory.AntiforgeryToken(page)))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    private static (string, string)[] Week(int version, params (string Day, string Opens, string Closes)[] days) =>
        days.SelectMany(d => new[] { ($"Input.{d.Day}.Opens", d.Opens), ($"Input.{d.Day}.Closes", d.Closes) })
            .Append(("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    [Fact]
    public async Task Opening_hours_saved_on_the_form_are_read_back_on_the_venue_page_and_in_the_api()
    {
        var id = await SeedAsync(Token() + " Centre", rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        var admin = await app.PagesAsAsync("admin");

        var saved = await PostFormAsync(admin, $"/Admin/Venues/{id}/Hours",
            Week(1, ("Monday", "9:00", "17:00"), ("Tuesday", "09.30", "1730"), ("Saturday", "10am", "4pm")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var venue = await VenueAsync(id);
        Assert.Equal(
            [new OpeningHours(DayOfWeek.Monday, T(9), T(17)), new(DayOfWeek.Tuesday, T(9, 30), T(17, 30)), new(DayOfWeek.Saturday, T(10), T(16))],
            venue.OpeningHours);
        Assert.Equal(2, venue.Version);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues/{id}"));
        Assert.Contains("The opening hours have been saved.", page);
        Assert.Contains("09:30 to 17:30", page);
        var form = await admin.GetStringAsync($"/Admin/Venues/{id}/Hours");
        Assert.Contains("name=\"Input.Saturday.Opens\" type=\"text\" value=\"10:00\"", form);

        var api = await app.ApiAsAsync("contactworker1");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/venues/{id}");
        var hours = detail.GetProperty("openingHours").EnumerateArray().Select(h => (h.GetProperty("day").GetString(), h.GetProperty("opens").GetString(), h.GetProperty("closes").GetString())).ToList();
        Assert.Equal([("Monday", "09:00", "17:00"), ("Tuesday", "09:30", "17:30"), ("Saturday", "10:00", "16:00")], hours);
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == id).Select(e => e.Changes).ToListAsync());
        Assert.Contains(audit, c => c != null && c.Contains("Opening hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_hours_that_close_before_they_open_or_give_one_time_answer_400_with_the_error_summary_and_save_nothing()
    {
        var id = await SeedAsync(Token() + " Centre", hours: [new(DayOfWeek.Monday, T(9), T(17))]);
        var admin = await app.PagesAsAsync("admin");

        var response = await PostFormAsync(admin, $"/Admin/Venues/{id}/Hours",
            Week(1, ("Monday", "17:00", "09:00"), ("Tuesday", "09:00", ""), ("Wednesday", "half nine", "17:00")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Enter both times for Tuesday, or leave both blank if the venue is closed that day", text);
        Assert.Contains("Enter Wednesday’s opening time as a time, like 09:00 or 5:30pm", text);
        // The page's own check comes first; once the times are times, the domain's rule answers the same way.
        var again = await PostFormAsync(admin, $"/Admin/Venues/{id}/Hours", Week(1, ("Monday", "17:00", "09:00")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("On Monday the venue must open before it closes", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Contains("href=\"#Input_Monday\"", await again.Content.ReadAsStringAsync());
        Assert.True(html.IndexOf("href=\"#Input_Tuesday\"", StringComparison.Ordinal) < html.IndexOf("href=\"#Input_Wednesday\"", StringComparison.Ordinal));
        Assert.Contains("value=\"half nine\"", html); // what was typed is kept

        var venue = await VenueAsync(id);
        Assert.Equal([new OpeningHours(DayOfWeek.Monday, T(9), T(17))], venue.OpeningHours);
        Assert.Equal(1, venue.Version);
    }

    [Fact]
    public async Task A_closure_of_one_room_is_added_listed_and_removed_and_a_form_sent_twice_is_listed_once()
    {
        var id = await SeedAsync(Token() + " Centre", hours: [new(DayOfWeek.Monday, T(9), T(17))],
            rooms: [("Oak Room", RoomFeatures.Formal, null, null), ("Garden Room", RoomFeatures.Garden, null, null)]);
        var oak = (await VenueAsync(id)).Rooms.Single(r => r.Name == "Oak Room");
        var admin = await app.PagesAsAsync("admin");
        var url = $"/Admin/Venues/{id}/Closures";
        (string, string)[] form =
        [
            ("Input.Version", "1"), ("Input.What", oak.Id.ToString()),
            ("Input.From.Day", "23"), ("Input.From.Month", "11"), ("Input.From.Year", "2026"),
            ("Input.Until.Day", "27"), ("Input.Until.Month", "11"), ("Input.Until.Year", "2026"),
            ("Input.Reason", "Repairs to the ceiling"),
        ];

        var added = await PostFormAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var closure = Assert.Single((await VenueAsync(id)).Closures);
        Assert.Equal((oak.Id, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27), "Repairs to the ceiling"), (closure.RoomId, closure.From, closure.Until, closure.Reason));
        var listed = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("The closure has been added.", listed);
        Assert.Contains("Mon 23 Nov 2026 to Fri 27 Nov 2026", listed);
        Assert.Contains("Oak Room", listed);
        Assert.Contains("Repairs to the ceiling", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues/{id}")));

        // The same form again (a double click, a retry) is refused politely: it carries the old version.
        var twice = await PostFormAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Someone else changed this record after you opened it", await twice.Content.ReadAsStringAsync());
        Assert.Single((await VenueAsync(id)).Closures);

        var version = (await VenueAsync(id)).Version;
        var removeUrl = $"{url}?handler=Remove&closureId={closure.Id}";
        var removed = await PostFormAsync(admin, url, removeUrl, new Dictionary<string, string> { ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await VenueAsync(id)).Closures);
        var removedAgain = await PostFormAsync(admin, url, removeUrl, new Dictionary<string, string> { ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, removedAgain.StatusCode);
    }

    [Fact]
    public async Task A_closure_without_dates_in_order_or_a_reason_answers_400_with_the_error_summary()
    {
        var id = await SeedAsync(Token() + " Centre", rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        var admin = await app.PagesAsAsync("admin");
        var url = $"/Admin/Venues/{id}/Closures";

        var response = await PostFormAsync(admin, url,
            ("Input.Version", "1"), ("Input.What", "venue"),
            ("Input.From.Day", "1"), ("Input.From.Month", "1"), ("Input.From.Year", "2027"),
            ("Input.Until.Day", "24"), ("Input.Until.Month", "12"), ("Input.Until.Year", "2026"), ("Input.Reason", " "));
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", text);
        Assert.Contains("The last day of the closure must be the same as or after the first day", text);
        Assert.Contains("Enter the reason for the closure", text);

        var notADate = await PostFormAsync(admin, url, ("Input.Version", "1"), ("Input.What", "venue"),
            ("Input.From.Day", "31"), ("Input.From.Month", "2"), ("Input.From.Year", "2027"), ("Input.Reason", "Training"));
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        var notADateText = WebUtility.HtmlDecode(await notADate.Content.ReadAsStringAsync());
        Assert.Contains("The first day must be a real date", notADateText);
        Assert.Contains("Enter the last day of the closure", notADateText);
        Assert.Empty((await VenueAsync(id)).Closures);
    }

    [Fact]
    public async Task A_rooms_features_capacity_and_ages_are_saved_and_shown_with_their_labels()
    {
        var id = await SeedAsync(Token() + " Centre", rooms: ("Oak Room", RoomFeatures.None, null, null));
        var oak = (await VenueAsync(id)).Rooms.Single();
        var admin = await app.PagesAsAsync("admin");
        var url = $"/Admin/Venues/{id}/Rooms/{oak.Id}";
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("Baby change: somewhere to change a nappy", form);
        Assert.Contains("Observation window or second room, for assessed family time", form);

        var saved = await PostFormAsync(admin, url, ("Input.Version", "1"), ("Input.RoomName", "Baby Room"), ("Input.Capacity", "4"),
            ("Input.Features", "BabyChange"), ("Input.Features", "FamilyFriendly"), ("Input.Features", "StepFree"),
            ("Input.SuitsFromAge", "0"), ("Input.SuitsToAge", "2"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var room = (await VenueAsync(id)).Rooms.Single();
        Assert.Equal(("Baby Room", (int?)4, RoomFeatures.BabyChange | RoomFeatures.FamilyFriendly | RoomFeatures.StepFree, (int?)0, (int?)2),
            (room.Name, room.Capacity, room.Features, room.SuitsFromAge, room.SuitsToAge));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues/{id}"));
        Assert.Contains("family-friendly, baby change, step-free", page);
        Assert.Contains("Up to 2 years", page);

        var bad = await PostFormAsync(admin, url, ("Input.Version", "2"), ("Input.RoomName", "Baby Room"), ("Input.SuitsFromAge", "5"), ("Input.SuitsToAge", "2"), ("Input.Capacity", "lots"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badText = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Capacity must be a whole number of people", badText);
        var ages = await PostFormAsync(admin, url, ("Input.Version", "2"), ("Input.RoomName", "Baby Room"), ("Input.SuitsFromAge", "5"), ("Input.SuitsToAge", "2"));
        Assert.Contains("The oldest age must be the same as or more than the youngest age", WebUtility.HtmlDecode(await ages.Content.ReadAsStringAsync()));
        Assert.Equal((int?)0, (await VenueAsync(id)).Rooms.Single().SuitsFromAge);
    }

    [Fact]
    public async Task A_stale_edit_of_hours_closures_or_a_room_answers_409_politely_and_keeps_the_first_change()
    {
        var id = await SeedAsync(Token() + " Centre", rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        var oak = (await VenueAsync(id)).Rooms.Single();
        var admin = await app.PagesAsAsync("admin");

        // Three forms opened at version 1; the first to save wins and the others are told, not overwritten.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"/Admin/Venues/{id}/Hours", Week(1, ("Friday", "09:00", "15:00")))).StatusCode);

        var room = await PostFormAsync(admin, $"/Admin/Venues/{id}/Rooms/{oak.Id}", ("Input.Version", "1"), ("Input.RoomName", "Renamed"), ("Input.Capacity", "3"));
        Assert.Equal(HttpStatusCode.Conflict, room.StatusCode);
        var roomHtml = await room.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record after you opened it", roomHtml);
        Assert.Contains($"href=\"/Admin/Venues/{id}/Rooms/{oak.Id}\"", roomHtml);
        Assert.Contains("value=\"Renamed\"", roomHtml); // what they typed, to copy across

        var closure = await PostFormAsync(admin, $"/Admin/Venues/{id}/Closures", ("Input.Version", "1"), ("Input.What", "venue"),
            ("Input.From.Day", "1"), ("Input.From.Month", "12"), ("Input.From.Year", "2026"),
            ("Input.Until.Day", "1"), ("Input.Until.Month", "12"), ("Input.Until.Year", "2026"), ("Input.Reason", "Training"));
        Assert.Equal(HttpStatusCode.Conflict, closure.StatusCode);

        var hours = await PostFormAsync(admin, $"/Admin/Venues/{id}/Hours", Week(1, ("Friday", "10:00", "12:00")));
        Assert.Equal(HttpStatusCode.Conflict, hours.StatusCode);

        var venue = await VenueAsync(id);
        Assert.Equal([new OpeningHours(DayOfWeek.Friday, T(9), T(15))], venue.OpeningHours);
        Assert.Equal("Oak Room", venue.Rooms.Single().Name);
        Assert.Empty(venue.Closures);
        Assert.Equal(2, venue.Version);
    }

    /// <summary>
    /// The API administers a venue as the pages do: added, a room added and given features, hours set, a closure
    /// added and taken off; each change from the version read (stale: 409, none: 400); a coordinator is refused.
    /// </summary>
    [Fact]
    public async Task The_api_adds_a_venue_with_a_room_hours_and_a_closure_from_the_version_read()
    {
        var admin = await app.ApiAsAsync("admin");
        var name = "Api Centre " + Token();
        var areaId = await AreaAsync();
        var made = await BodyAsync(await admin.PostAsJsonAsync("/api/v1/venues", new { name, address = "3 Quay Street, Northbridge", postcode = "NB2 7LP", areaId }), HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        var version = made.GetProperty("version").GetInt32();

        var withRoom = await BodyAsync(await admin.PostAsJsonAsync($"/api/v1/venues/{id}/rooms", new { name = "Garden room", capacity = 6 }), HttpStatusCode.Created);
        var room = Assert.Single(withRoom.GetProperty("rooms").EnumerateArray().ToList()).GetProperty("id").GetGuid();
        version = withRoom.GetProperty("version").GetInt32();
        var twice = await BodyAsync(await admin.PostAsJsonAsync($"/api/v1/venues/{id}/rooms", new { name = "Garden room", capacity = 6 }), HttpStatusCode.BadRequest);
        Assert.Equal(["name"], twice.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var badFeature = await BodyAsync(await admin.PutAsJsonAsync($"/api/v1/venues/{id}/rooms/{room}",
            new { name = "Garden room", capacity = 6, features = new[] { "Pool" }, version }), HttpStatusCode.BadRequest);
        Assert.Contains("Use one of: None, FamilyFriendly", badFeature.GetProperty("errors").GetProperty("features")[0].GetString(), StringComparison.Ordinal);
        var changed = await BodyAsync(await admin.PutAsJsonAsync($"/api/v1/venues/{id}/rooms/{room}",
            new { name = "Garden room", capacity = 6, features = new[] { "Garden", "StepFree" }, suitsFromAge = 0, version }), HttpStatusCode.OK);
        Assert.Equal(["Garden", "StepFree"], changed.GetProperty("rooms")[0].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var stale = version;
        version = changed.GetProperty("version").GetInt32();

        var hours = new[] { new { day = "Monday", opens = "09:00", closes = "17:00" }, new { day = "Saturday", opens = "10:00", closes = "14:30" } };
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/venues/{id}/opening-hours", new { hours, version = stale })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/venues/{id}/opening-hours", new { hours })).StatusCode);
        var open = await BodyAsync(await admin.PutAsJsonAsync($"/api/v1/venues/{id}/opening-hours", new { hours, version }), HttpStatusCode.OK);
        Assert.Equal(["Monday 09:00-17:00", "Saturday 10:00-14:30"], open.GetProperty("openingHours").EnumerateArray()
            .Select(h => $"{h.GetProperty("day").GetString()} {h.GetProperty("opens").GetString()}-{h.GetProperty("closes").GetString()}"));
        version = open.GetProperty("version").GetInt32();

        var today = FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);
        var closed = await BodyAsync(await admin.PostAsJsonAsync($"/api/v1/venues/{id}/closures", new
        {
            roomId = room, from = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), until = today.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "The garden is being relaid.", version,
        }), HttpStatusCode.OK);
        var closure = Assert.Single(closed.GetProperty("closures").EnumerateArray().ToList());
        Assert.Equal((room, "The garden is being relaid."), (closure.GetProperty("roomId").GetGuid(), closure.GetProperty("reason").GetString()));
        version = closed.GetProperty("version").GetInt32();
        var reopened = await BodyAsync(await admin.DeleteAsync($"/api/v1/venues/{id}/closures/{closure.GetProperty("id").GetGuid()}?version={version}"), HttpStatusCode.OK);
        Assert.Empty(reopened.GetProperty("closures").EnumerateArray());

        // Closed, then its address changed without saying isOpen: it stays closed.
        version = reopened.GetProperty("version").GetInt32();
        var shut = await BodyAsync(await admin.PutAsJsonAsync($"/api/v1/venues/{id}", new { name, address = "3 Quay Street, Northbridge", postcode = "NB2 7LP", areaId, isOpen = false, version }), HttpStatusCode.OK);
        var moved = await BodyAsync(await admin.PutAsJsonAsync($"/api/v1/venues/{id}", new { name, address = "5 Quay Street, Northbridge", postcode = "NB2 7LP", areaId, version = shut.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal(("5 Quay Street, Northbridge", false), (moved.GetProperty("address").GetString(), moved.GetProperty("isOpen").GetBoolean()));
        var saved = await VenueAsync(id);
        Assert.Equal((name, RoomFeatures.Garden | RoomFeatures.StepFree, 2), (saved.Name, saved.Rooms.Single().Features, saved.OpeningHours.Count));
        Assert.True(await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == id)) >= 5, "every change is audited");

        var coordinator = await app.ApiAsAsync("coordinator1");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/v1/venues/{id}/rooms", new { name = "Another", capacity = 4 })).StatusCode);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_coordinator_reads_the_hours_and_closures_but_cannot_change_them()
    {
        var id = await SeedAsync(Token() + " Centre", hours: [new(DayOfWeek.Monday, T(9), T(17))], rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        var oak = (await VenueAsync(id)).Rooms.Single();
        var coordinator = await app.PagesAsAsync("coordinator1");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Admin/Venues/{id}"));
        Assert.Contains("09:00 to 17:00", page);
        Assert.DoesNotContain($"/Admin/Venues/{id}/Hours", page);
        Assert.DoesNotContain($"/Admin/Venues/{id}/Closures", page);
        foreach (var url in new[] { $"/Admin/Venues/{id}/Hours", $"/Admin/Venues/{id}/Closures", $"/Admin/Venues/{id}/Rooms/{oak.Id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task The_list_filters_by_words_area_room_feature_open_day_and_baby_and_says_when_none_match()
    {
        var token = Token();
        var weekdays = new OpeningHours[] { new(DayOfWeek.Monday, T(9), T(17)), new(DayOfWeek.Friday, T(9), T(17)) };
        var garden = await SeedAsync($"{token} Garden House", "North", "NB3 7QT", weekdays, ("Garden Room", RoomFeatures.Garden | RoomFeatures.StepFree, null, null));
        var baby = await SeedAsync($"{token} Baby House", "Central", "MT2 4AB", [new(DayOfWeek.Saturday, T(10), T(16))],
            ("Baby Room", RoomFeatures.BabyChange | RoomFeatures.FamilyFriendly, 0, 2), ("Teen Room", RoomFeatures.StepFree, 12, null));
        var formal = await SeedAsync($"{token} Formal House", "North", "NB1 1AA", null,
            ("Oak Room", RoomFeatures.Formal | RoomFeatures.Observation, null, null), ("Side Room", RoomFeatures.BabyChange, 5, null));
        var north = await AreaAsync("North");
        var admin = await app.PagesAsAsync("coordinator1");

        async Task<List<string>> Listed(string query)
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues?Search={token}{query}"));
            return new[] { "Garden House", "Baby House", "Formal House" }.Where(n => html.Contains($"{token} {n}", StringComparison.Ordinal)).ToList();
        }

        Assert.Equal(["Garden House", "Baby House", "Formal House"], await Listed(""));
        Assert.Equal(["Garden House", "Formal House"], await Listed($"&Area={north}"));
        Assert.Equal(["Garden House"], await Listed("&Feature=Garden"));
        Assert.Equal(["Garden House", "Baby House"], await Listed("&Feature=StepFree"));
        Assert.Equal(["Formal House"], await Listed("&Feature=Observation&Feature=Formal"));
        Assert.Equal(["Baby House"], await Listed("&OpenOn=Saturday"));
        Assert.Equal(["Garden House"], await Listed("&OpenOn=Monday"));
        Assert.Equal(["Baby House"], await Listed("&Baby=true")); // Formal House has baby change only in a room for over-fives
        Assert.Equal(["Formal House"], await Listed("&Area=nonsense&OpenOn=Funday&Feature=Observation")); // unknown choices: no filter

        Assert.Matches(@"3 of \d+ venues match", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues?Search={token}"))); // words alone filter too
        var count = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues?Search={token}&Feature=Garden"));
        Assert.Matches(@"1 of \d+ venues match", count);
        var none = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Venues?Search={token}&Feature=Garden&Feature=Observation"));
        Assert.Contains("No venues match", none);
        Assert.Contains("Clear the filters", none);
        var byPostcode = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Venues?Search=mt24ab"));
        Assert.Contains($"{token} Baby House", byPostcode);

        var api = await app.ApiAsAsync("contactworker1");
        async Task<List<Guid>> Api(string query) =>
            (await api.GetFromJsonAsync<JsonElement[]>($"/api/v1/venues?search={token}{query}"))!.Select(v => v.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([baby, formal, garden], await Api("")); // by area (Central, North), then name
        Assert.Equal([formal], await Api("&feature=Observation"));
        Assert.Equal([baby], await Api("&suitsBaby=true"));
        Assert.Equal([baby], await Api("&openOn=Saturday"));
        Assert.Equal([garden], await Api($"&areaId={north}&feature=Garden"));
        var babyDto = (await api.GetFromJsonAsync<JsonElement[]>($"/api/v1/venues?search={token}&suitsBaby=true"))!.Single();
        var babyRoom = babyDto.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Baby Room");
        Assert.Equal(["FamilyFriendly", "BabyChange"], babyRoom.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.True(babyRoom.GetProperty("suitsBaby").GetBoolean());
        Assert.Equal(2, babyRoom.GetProperty("suitsToAge").GetInt32());
    }

    [Fact]
    public async Task The_list_counts_the_standards_concerns_raised_about_each_venue()
    {
        var name = Token() + " Centre";
        var id = await SeedAsync(name, rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        var admin = await app.UserIdAsync("admin");
        await app.DbAsync(async db =>
        {
            foreach (var text in new[] { "The baby-change table is broken", "The heating does not work" })
            {
                var (feedback, errors) = Feedback.Give(null, null, id, FeedbackFrom.Staff, FeedbackKind.VenueConcern, text, null, admin, app.Clock.GetUtcNow().UtcDateTime);
                Assert.True(errors.IsValid);
                db.Feedback.Add(feedback!);
            }
            await db.SaveChangesAsync();
            return 0;
        });

        var html = WebUtility.HtmlDecode(await (await app.PagesAsAsync("coordinator1")).GetStringAsync($"/Admin/Venues?Search={Uri.EscapeDataString(name)}"));
        var row = html[html.IndexOf($">{name}</a>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"/Admin/Venues/{id}#concerns\">2", row);
        Assert.Equal(2, (await (await app.ApiAsAsync("coordinator1")).GetFromJsonAsync<JsonElement>($"/api/v1/venues/{id}")).GetProperty("concerns").GetInt32());
    }

    [Fact]
    public async Task A_venues_detail_in_the_api_has_its_closures_and_an_unknown_venue_answers_404()
    {
        var id = await SeedAsync(Token() + " Centre", rooms: ("Oak Room", RoomFeatures.Formal, null, null));
        await app.DbAsync(async db =>
        {
            var venue = await db.Venues.Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery().SingleAsync(v => v.Id == id);
            var (closure, errors) = venue.AddClosure(new ClosureDetails(null, new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1), "Christmas week"), new DateOnly(2026, 11, 17));
            Assert.True(errors.IsValid);
            db.VenueClosures.Add(closure!);
            return await db.SaveChangesAsync();
        });
        var api = await app.ApiAsAsync("socialworker1");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/venues/{id}");
        var closureDto = Assert.Single(detail.GetProperty("closures").EnumerateArray());
        Assert.Equal(("2026-12-24", "2027-01-01", "Christmas week", JsonValueKind.Null),
            (closureDto.GetProperty("from").GetString(), closureDto.GetProperty("until").GetString(), closureDto.GetProperty("reason").GetString(), closureDto.GetProperty("roomId").ValueKind));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/venues/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("parent1")).GetAsync($"/api/v1/venues/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_venues_have_hours_room_features_a_christmas_closure_a_room_out_of_use_next_week_and_their_areas_postcodes()
    {
        var areas = await app.DbAsync(db => db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name));
        var demo = await app.DbAsync(db => db.Venues.AsNoTracking().Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery()
            .Where(v => v.Name.EndsWith("Family Centre") || v.Name.EndsWith("Children's Centre") || v.Name.EndsWith("Community Hub")).ToListAsync());
        Assert.Equal(9, demo.Count);
        var prefix = new Dictionary<string, string> { ["North"] = "NB", ["Central"] = "MT", ["South"] = "SB" };
        foreach (var venue in demo)
        {
            Assert.Matches($"^{prefix[areas[venue.AreaId]]}[1-4] [0-9][A-Z]{{2}}$", venue.Postcode);
        }

        var family = demo.Where(v => v.Name.EndsWith("Family Centre", StringComparison.Ordinal)).ToList();
        Assert.All(family, v =>
        {
            Assert.Equal(new OpeningHours(DayOfWeek.Monday, T(9), T(19)), v.HoursOn(DayOfWeek.Monday));
            Assert.Equal(new OpeningHours(DayOfWeek.Saturday, T(10), T(16)), v.HoursOn(DayOfWeek.Saturday));
            Assert.False(v.IsOpenOn(DayOfWeek.Sunday));
            Assert.True(v.Rooms.Single(r => r.Name == "Oak Room").Has(RoomFeatures.Formal | RoomFeatures.Observation));
            Assert.True(v.Rooms.Single(r => r.Name == "Garden Room").Has(RoomFeatures.Garden));
            // Christmas week: closed from Christmas Eve to New Year's Day.
            Assert.Empty(v.OpenWindows(v.Rooms[0], new DateOnly(2026, 12, 24)));
            Assert.Empty(v.OpenWindows(v.Rooms[0], new DateOnly(2027, 1, 1)));
            Assert.NotEmpty(v.OpenWindows(v.Rooms[0], new DateOnly(2026, 12, 23)));
        });
        Assert.All(demo.Where(v => v.Name.EndsWith("Children's Centre", StringComparison.Ordinal)), v =>
        {
            Assert.Equal(new OpeningHours(DayOfWeek.Friday, T(8, 30), T(17, 30)), v.HoursOn(DayOfWeek.Friday));
            Assert.True(v.Rooms.Single(r => r.Name == "Baby Room").SuitsBabies);
        });
        Assert.All(demo.Where(v => v.Name.EndsWith("Community Hub", StringComparison.Ordinal)), v => Assert.Empty(v.Closures));

        // The North family centre's garden room is out of use all next week (the tests' today is Tue 17 Nov 2026).
        var north = family.Single(v => areas[v.AreaId] == "North");
        var garden = north.Rooms.Single(r => r.Name == "Garden Room");
        Assert.Empty(north.OpenWindows(garden, new DateOnly(2026, 11, 23)));
        Assert.Empty(north.OpenWindows(garden, new DateOnly(2026, 11, 28)));
        Assert.NotEmpty(north.OpenWindows(garden, new DateOnly(2026, 11, 21)));
        Assert.NotEmpty(north.OpenWindows(north.Rooms.Single(r => r.Name == "Oak Room"), new DateOnly(2026, 11, 23)));
        Assert.Contains("repairs", north.WhyNotUsable(garden.Id, new DateOnly(2026, 11, 24), T(10), T(11)), StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class VenueDirectoryTestsOnSqlite(SqliteApp app) : VenueDirectoryTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class VenueDirectoryTestsOnPostgres(PostgresApp app) : VenueDirectoryTests(app.Factory), IClassFixture<PostgresApp>;
