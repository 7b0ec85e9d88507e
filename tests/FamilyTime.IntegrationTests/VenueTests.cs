using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>The venue list: administrators keep it, coordinators read it, staff read the open venues through the API.</summary>
public abstract class VenueTests(FamilyTimeFactory app)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private Task<Guid> AreaAsync(string name = "North") => app.DbAsync(db => db.Areas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<int> VenueCountAsync() => app.DbAsync(db => db.Venues.CountAsync());

    private Task<int> RoomCountAsync() => app.DbAsync(db => db.Rooms.CountAsync());

    private async Task<Guid> SeedVenueAsync(string name, bool isOpen = true)
    {
        var area = await AreaAsync();
        return await app.DbAsync(async db =>
        {
            var (venue, errors) = Venue.Create(new VenueDetails(name, "1 Mill Lane, Northbridge", "NB1 4QT", area, null, isOpen));
            Assert.True(errors.IsValid);
            db.Venues.Add(venue!);
            await db.SaveChangesAsync();
            return venue!.Id;
        });
    }

    /// <summary>Posts a form the way a browser does: read a page for its antiforgery token, then send the fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(tokenPage);
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> VenueForm(string name, Guid area, bool isOpen = true, int? version = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Address"] = "12 Orchard Road, Northbridge",
            ["Input.Postcode"] = "nb2 7xy",
            ["Input.AreaId"] = area.ToString(),
            ["Input.Notes"] = "Step-free entrance; parking at the back",
            ["Input.IsOpen"] = isOpen ? "true" : "false",
        };
        if (version is { } v)
        {
            form["Input.Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    private static string PathOf(Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>Staff without the role are answered 403 with the reason (it was a redirect to the access-denied page).</summary>
    private static void AssertSentToAccessDenied(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what} answered {response.StatusCode}");
        Assert.Contains("This is for:", response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_a_venue_and_a_room_and_staff_find_them_in_the_api()
    {
        var admin = await app.PagesAsAsync("admin");
        var area = await AreaAsync();
        var name = Unique("Willow Family Centre");

        var added = await PostFormAsync(admin, "/Admin/Venues/Add", "/Admin/Venues/Add", VenueForm(name, area));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var venueUrl = PathOf(added.Headers.Location);
        var venueId = Guid.Parse(venueUrl["/Admin/Venues/".Length..]);
        var saved = await app.DbAsync(db => db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId));
        Assert.Equal(name, saved.Name);
        Assert.Equal("NB2 7XY", saved.Postcode);
        Assert.Equal(area, saved.AreaId);
        Assert.True(saved.IsOpen);

        var roomAdded = await PostFormAsync(admin, venueUrl, venueUrl, new Dictionary<string, string> { ["Room.RoomName"] = "Garden room", ["Room.Capacity"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, roomAdded.StatusCode);
        Assert.Equal($"{venueUrl}#rooms", PathOf(roomAdded.Headers.Location));
        var room = await app.DbAsync(db => db.Rooms.AsNoTracking().SingleAsync(r => r.VenueId == venueId));
        Assert.Equal("Garden room", room.Name);
        Assert.Equal(6, room.Capacity);

        var details = await admin.GetStringAsync(venueUrl);
        Assert.Contains("Garden room has been added.", details);
        Assert.Contains("Up to 6 people", details);
        var list = await admin.GetStringAsync("/Admin/Venues");
        Assert.Contains(name, list);
        Assert.Contains("NB2 7XY", list);
        Assert.Contains("href=\"/Admin/Venues/Add\"", list);

        // Both changes are in the audit log as the venue's, with no child attached.
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == venueId).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Collection(audit,
            e => Assert.Equal((AuditAction.Create, "Venue", (Guid?)null, "admin"), (e.Action, e.RecordType, e.ChildId, e.UserName)),
            e =>
            {
                Assert.Equal((AuditAction.Update, "Venue", (Guid?)null), (e.Action, e.RecordType, e.ChildId));
                Assert.Contains("Garden room", e.Changes);
            });

        var api = await app.ApiAsAsync("socialworker1");
        var venues = await api.GetFromJsonAsync<JsonElement[]>("/api/v1/venues");
        var listed = Assert.Single(venues!, v => v.GetProperty("id").GetGuid() == venueId);
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal("North", listed.GetProperty("area").GetString());
        Assert.Equal(area, listed.GetProperty("areaId").GetGuid());
        var listedRoom = Assert.Single(listed.GetProperty("rooms").EnumerateArray());
        Assert.Equal(room.Id, listedRoom.GetProperty("id").GetGuid());
        Assert.Equal("Garden room", listedRoom.GetProperty("name").GetString());
        Assert.Equal(6, listedRoom.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task A_closed_venue_stays_on_the_list_but_is_not_offered_through_the_api()
    {
        var open = await SeedVenueAsync(Unique("Open Centre"));
        var closedName = Unique("Closed Centre");
        var closed = await SeedVenueAsync(closedName, isOpen: false);

        var list = await (await app.PagesAsAsync("admin")).GetStringAsync("/Admin/Venues");
        var row = list[list.IndexOf(closedName, StringComparison.Ordinal)..];
        Assert.Contains("Closed", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        var ids = (await (await app.ApiAsAsync("contactworker1")).GetFromJsonAsync<JsonElement[]>("/api/v1/venues"))!
            .Select(v => v.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, ids);
        Assert.DoesNotContain(closed, ids);
    }

    [Fact]
    public async Task A_social_worker_cannot_reach_the_venue_pages_nor_change_anything()
    {
        var venue = await SeedVenueAsync(Unique("Hazel Centre"));
        var worker = await app.PagesAsAsync("socialworker1");
        foreach (var url in new[] { "/Admin/Venues", "/Admin/Venues/Add", $"/Admin/Venues/{venue}", $"/Admin/Venues/{venue}/Edit" })
        {
            AssertSentToAccessDenied(await worker.GetAsync(url), url);
        }
        Assert.DoesNotContain("/Admin/Venues", await worker.GetStringAsync("/Children"));

        var (venues, rooms) = (await VenueCountAsync(), await RoomCountAsync());
        AssertSentToAccessDenied(await PostFormAsync(worker, "/Children", "/Admin/Venues/Add", VenueForm(Unique("Sneaky"), await AreaAsync())), "adding a venue");
        AssertSentToAccessDenied(await PostFormAsync(worker, "/Children", $"/Admin/Venues/{venue}",
            new Dictionary<string, string> { ["Room.RoomName"] = "Side room" }), "adding a room");
        Assert.Equal((venues, rooms), (await VenueCountAsync(), await RoomCountAsync()));
    }

    [Fact]
    public async Task A_coordinator_reads_the_list_and_a_venue_but_cannot_change_them()
    {
        var name = Unique("Rowan Centre");
        var venue = await SeedVenueAsync(name);
        var coordinator = await app.PagesAsAsync("coordinator1");

        var list = await coordinator.GetAsync("/Admin/Venues");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains(name, html);
        Assert.DoesNotContain("href=\"/Admin/Venues/Add\"", html);
        Assert.Contains("href=\"/Admin/Venues\"", html); // the "Venues" link in the service navigation

        var page = await coordinator.GetAsync($"/Admin/Venues/{venue}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var details = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Room.RoomName", details);
        Assert.DoesNotContain($"/Admin/Venues/{venue}/Edit", details);

        AssertSentToAccessDenied(await coordinator.GetAsync("/Admin/Venues/Add"), "the add form");
        AssertSentToAccessDenied(await coordinator.GetAsync($"/Admin/Venues/{venue}/Edit"), "the edit form");
        var rooms = await RoomCountAsync();
        AssertSentToAccessDenied(await PostFormAsync(coordinator, $"/Admin/Venues/{venue}", $"/Admin/Venues/{venue}",
            new Dictionary<string, string> { ["Room.RoomName"] = "Quiet room" }), "adding a room");
        Assert.Equal(rooms, await RoomCountAsync());
    }

    [Fact]
    public async Task A_venue_without_a_name_answers_400_with_the_error_summary_and_nothing_is_saved()
    {
        var admin = await app.PagesAsAsync("admin");
        var before = await VenueCountAsync();
        var form = VenueForm("", await AreaAsync());
        form["Input.Postcode"] = "";

        var response = await PostFormAsync(admin, "/Admin/Venues/Add", "/Admin/Venues/Add", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Enter the venue's name", text);
        Assert.Contains("Enter the venue's postcode", text);
        // The summary links each problem to its field, in the form's order, and what was typed is kept.
        var name = html.IndexOf("href=\"#Input_Name\"", StringComparison.Ordinal);
        var postcode = html.IndexOf("href=\"#Input_Postcode\"", StringComparison.Ordinal);
        Assert.True(name > 0 && postcode > name, "the summary lists the name before the postcode");
        Assert.Contains("govuk-input--error\" id=\"Input_Name\"", html);
        Assert.Contains("12 Orchard Road, Northbridge", html);
        Assert.Equal(before, await VenueCountAsync());
    }

    [Fact]
    public async Task A_room_without_a_name_with_a_bad_capacity_or_a_repeated_name_is_refused()
    {
        var venue = await SeedVenueAsync(Unique("Aspen Centre"));
        var admin = await app.PagesAsAsync("admin");
        var url = $"/Admin/Venues/{venue}";

        var blank = await PostFormAsync(admin, url, url, new Dictionary<string, string> { ["Room.RoomName"] = " ", ["Room.Capacity"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", blankHtml);
        Assert.Contains("Enter the room", WebUtility.HtmlDecode(blankHtml));
        Assert.Contains("href=\"#Room_RoomName\"", blankHtml);

        var words = await PostFormAsync(admin, url, url, new Dictionary<string, string> { ["Room.RoomName"] = "Playroom", ["Room.Capacity"] = "six" });
        Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
        Assert.Contains("Capacity must be a whole number", await words.Content.ReadAsStringAsync());

        var huge = await PostFormAsync(admin, url, url, new Dictionary<string, string> { ["Room.RoomName"] = "Playroom", ["Room.Capacity"] = "400" });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("Capacity must be between 1 and 100 people", await huge.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.DbAsync(db => db.Rooms.CountAsync(r => r.VenueId == venue)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, url, url, new Dictionary<string, string> { ["Room.RoomName"] = "Playroom" })).StatusCode);
        var again = await PostFormAsync(admin, url, url, new Dictionary<string, string> { ["Room.RoomName"] = "playroom " });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already has a room with that name", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.DbAsync(db => db.Rooms.CountAsync(r => r.VenueId == venue)));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_answers_409_and_keeps_the_other_change()
    {
        var venue = await SeedVenueAsync(Unique("Beech Centre"));
        var area = await AreaAsync();
        var admin = await app.PagesAsAsync("admin");
        var url = $"/Admin/Venues/{venue}/Edit";
        var form = await admin.GetStringAsync(url);
        Assert.Contains("name=\"Input.Version\" value=\"1\"", form);

        // Two administrators open the form at version 1; the first to save wins.
        var first = Unique("Beech Family Centre");
        var saved = await PostFormAsync(admin, url, url, VenueForm(first, area, version: 1));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var second = Unique("Beech House");
        var stale = await PostFormAsync(admin, url, url, VenueForm(second, area, isOpen: false, version: 1));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains("Someone else changed this record after you opened it", html);
        Assert.Contains($"href=\"{url}\"", html);

        var now = await app.DbAsync(db => db.Venues.AsNoTracking().SingleAsync(v => v.Id == venue));
        Assert.Equal(first, now.Name);
        Assert.True(now.IsOpen);
        Assert.Equal(2, now.Version);
        var updates = await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == venue && e.Action == AuditAction.Update));
        Assert.Equal(1, updates);
    }

    [Fact]
    public async Task Carers_and_parents_cannot_list_venues_and_signed_out_callers_are_refused()
    {
        // The venue list is a staff route: portal users are answered as if it did not exist.
        foreach (var user in new[] { "carer1", "parent1" })
        {
            var response = await (await app.ApiAsAsync(user)).GetAsync("/api/v1/venues");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        foreach (var user in new[] { "coordinator1", "manager1", "iro1", "admin" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync(user)).GetAsync("/api/v1/venues")).StatusCode);
        }
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/venues")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class VenueTestsOnSqlite(SqliteApp app) : VenueTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class VenueTestsOnPostgres(PostgresApp app) : VenueTests(app.Factory), IClassFixture<PostgresApp>;
