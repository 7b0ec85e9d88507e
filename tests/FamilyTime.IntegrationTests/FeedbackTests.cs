using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Feedback on sessions and venues: who may give it, who it is routed to, where it shows (the receiver's
/// "Feedback for you", the venue's page), and that bad input saves nothing.
/// </summary>
public abstract class FeedbackTests(FamilyTimeFactory app)
{
    private sealed record ParentsSession(Guid ChildId, Guid SessionId, Guid VenueId, string SocialWorkerId);

    private static string Unique(string text) => $"{text} [{Guid.NewGuid().ToString("N")[..8]}]";

    /// <summary>A session at a venue of a child whose mother is parent1 (the demo's first family).</summary>
    private async Task<ParentsSession> ParentsSessionAsync()
    {
        var parent = await app.UserIdAsync("parent1");
        return await app.DbAsync(async db => await db.Sessions.AsNoTracking()
            .Where(s => s.VenueId != null && db.Children.Any(c => c.Id == s.ChildId && c.People.Any(p => p.PortalUserId == parent)))
            .OrderBy(s => s.Date)
            .Select(s => new ParentsSession(s.ChildId, s.Id, s.VenueId!.Value, db.Children.Where(c => c.Id == s.ChildId).Select(c => c.SocialWorkerId).First()))
            .FirstAsync());
    }

    /// <summary>A session of a child parent1 is no family of.</summary>
    private async Task<(Guid ChildId, Guid SessionId)> SomeoneElsesSessionAsync()
    {
        var parent = await app.UserIdAsync("parent1");
        return await app.DbAsync(async db => await db.Sessions.AsNoTracking()
            .Where(s => !db.Children.Any(c => c.Id == s.ChildId && c.People.Any(p => p.PortalUserId == parent)))
            .Select(s => new ValueTuple<Guid, Guid>(s.ChildId, s.Id))
            .FirstAsync());
    }

    private Task<Feedback?> FeedbackWithAsync(string text) =>
        app.DbAsync(db => db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Text == text));

    private Task<int> FeedbackCountAsync() => app.DbAsync(db => db.Feedback.CountAsync());

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Form(string kind, string text, bool childsOwnWords = false) => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Text"] = text,
        ["Input.ChildsOwnWords"] = childsOwnWords ? "true" : "false",
    };

    private static async Task<string> PageTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_parent_comments_on_their_childs_session_and_the_social_worker_receives_it()
    {
        var target = await ParentsSessionAsync();
        var parent = await app.PagesAsAsync("parent1");
        var url = $"/Children/{target.ChildId}/Sessions/{target.SessionId}/Feedback";
        var text = Unique("Could the session start half an hour later? I finish work at 3.");

        var sent = await PostFormAsync(parent, url, Form("Comment", text));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(url, sent.Headers.Location?.OriginalString);
        Assert.Contains("has been sent to the child’s social worker", await PageTextAsync(parent, url));
        var saved = await FeedbackWithAsync(text);
        Assert.NotNull(saved);
        Assert.Equal(FeedbackKind.Comment, saved.Kind);
        Assert.Equal(FeedbackFrom.Parent, saved.From);
        Assert.Equal(target.SessionId, saved.SessionId);
        Assert.Equal(target.ChildId, saved.ChildId);
        Assert.Null(saved.VenueId);
        Assert.Equal(await app.UserIdAsync("parent1"), saved.ById);
        Assert.Equal(target.SocialWorkerId, saved.RoutedToUserId);
        Assert.Equal(await app.UserIdAsync("socialworker1"), saved.RoutedToUserId);
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordId == saved.Id));
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Equal(target.ChildId, audit.ChildId);

        Assert.Contains(text, await PageTextAsync(await app.PagesAsAsync("socialworker1"), "/Feedback"));
        Assert.DoesNotContain(text, await PageTextAsync(await app.PagesAsAsync("manager1"), "/Feedback"));
    }

    [Fact]
    public async Task A_complaint_goes_to_the_childs_team_manager_and_shows_on_their_feedback_page()
    {
        var target = await ParentsSessionAsync();
        var worker = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{target.ChildId}/Sessions/{target.SessionId}/Feedback";
        var text = Unique("I don't like the room, it is too small and Mum gets cross when we can't play football.");

        var sent = await PostFormAsync(worker, url, Form("Complaint", text, childsOwnWords: true));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var saved = await FeedbackWithAsync(text);
        Assert.NotNull(saved);
        Assert.Equal(FeedbackFrom.Child, saved.From);
        Assert.Equal(await app.UserIdAsync("manager1"), saved.RoutedToUserId);
        var managersPage = await PageTextAsync(await app.PagesAsAsync("manager1"), "/Feedback");
        Assert.Contains(text, managersPage);
        Assert.Contains("The child, in their own words", managersPage);
        Assert.DoesNotContain(text, await PageTextAsync(worker, "/Feedback"));

        var mine = await (await app.ApiAsAsync("manager1")).GetFromJsonAsync<JsonElement>("/api/v1/feedback");
        var item = mine.EnumerateArray().Single(f => f.GetProperty("text").GetString() == text);
        Assert.Equal("Complaint", item.GetProperty("kind").GetString());
        Assert.Equal(target.ChildId, item.GetProperty("childId").GetGuid());
    }

    [Fact]
    public async Task Feedback_about_a_child_the_receiver_no_longer_reaches_is_not_shown()
    {
        var manager = await app.UserIdAsync("manager1");
        var managersTeam = await app.DbAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.TeamId).SingleAsync());
        var text = Unique("About a child in another team");
        await app.DbAsync(async db =>
        {
            var session = await db.Sessions.FirstAsync(s => db.Children.Any(c => c.Id == s.ChildId && c.TeamId != managersTeam));
            var (feedback, errors) = Feedback.Give(session.Id, session.ChildId, null, FeedbackFrom.Staff, FeedbackKind.Complaint, text, manager, manager, DateTime.UnixEpoch);
            Assert.True(errors.IsValid);
            db.Feedback.Add(feedback!);
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(text, await PageTextAsync(await app.PagesAsAsync("manager1"), "/Feedback"));
        var mine = await (await app.ApiAsAsync("manager1")).GetFromJsonAsync<JsonElement>("/api/v1/feedback");
        Assert.DoesNotContain(mine.EnumerateArray(), f => f.GetProperty("text").GetString() == text);
    }

    [Fact]
    public async Task A_parents_venue_concern_reaches_the_areas_coordinator_and_appears_on_the_venue_page()
    {
        var target = await ParentsSessionAsync();
        var parent = await app.PagesAsAsync("parent1");
        var url = $"/Venues/{target.VenueId}/Feedback";
        var text = Unique("The toilet by the family room has been out of order for three weeks.");

        var sent = await PostFormAsync(parent, url, Form("VenueConcern", text));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var saved = await FeedbackWithAsync(text);
        Assert.NotNull(saved);
        Assert.Equal(FeedbackKind.VenueConcern, saved.Kind);
        Assert.Equal(target.VenueId, saved.VenueId);
        Assert.Null(saved.ChildId);
        var venueArea = await app.DbAsync(db => db.Venues.Where(v => v.Id == target.VenueId).Select(v => v.AreaId).SingleAsync());
        var coordinator = await app.DbAsync(db => db.Users.Where(u => u.UserName == "coordinator1").Select(u => new { u.Id, u.AreaId }).SingleAsync());
        Assert.Equal(venueArea, coordinator.AreaId);
        Assert.Equal(coordinator.Id, saved.RoutedToUserId);

        var venuePage = await PageTextAsync(await app.PagesAsAsync("admin"), $"/Admin/Venues/{target.VenueId}");
        Assert.Contains("Concerns about the venue’s standards", venuePage);
        Assert.Contains(text, venuePage);
        Assert.Contains("A parent or family member", venuePage);
        Assert.Contains(text, await PageTextAsync(await app.PagesAsAsync("coordinator1"), "/Feedback"));

        // A concern given from a session is collected on the same venue page.
        var fromSession = Unique("The heating in the room was off.");
        var sessionUrl = $"/Children/{target.ChildId}/Sessions/{target.SessionId}/Feedback";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(await app.PagesAsAsync("contactworker1"), sessionUrl, Form("VenueConcern", fromSession))).StatusCode);
        Assert.Contains(fromSession, await PageTextAsync(await app.PagesAsAsync("coordinator1"), $"/Admin/Venues/{target.VenueId}"));
    }

    [Fact]
    public async Task Anyone_out_of_reach_gets_not_found_and_nothing_is_saved()
    {
        var (otherChild, otherSession) = await SomeoneElsesSessionAsync();
        var mine = await ParentsSessionAsync();
        var parent = await app.PagesAsAsync("parent1");
        var before = await FeedbackCountAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Children/{otherChild}/Sessions/{otherSession}/Feedback")).StatusCode);
        // The right session under the wrong child is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Children/{otherChild}/Sessions/{mine.SessionId}/Feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("admin")).GetAsync($"/Children/{mine.ChildId}/Sessions/{mine.SessionId}/Feedback")).StatusCode);

        // A posted form with a valid token is refused too.
        var token = FamilyTimeFactory.AntiforgeryToken(await parent.GetStringAsync($"/Children/{mine.ChildId}/Sessions/{mine.SessionId}/Feedback"));
        var posted = await parent.PostAsync($"/Children/{otherChild}/Sessions/{otherSession}/Feedback",
            new FormUrlEncodedContent(new Dictionary<string, string>(Form("Complaint", "Not mine to give")) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        // A venue where none of the parent's family time is: staff may speak about it, the parent may not.
        var area = await app.DbAsync(db => db.Areas.Select(a => a.Id).FirstAsync());
        var quietVenue = await app.DbAsync(async db =>
        {
            var (venue, errors) = Venue.Create(new VenueDetails(Unique("Quiet Hall"), "3 Mill Lane, Northbridge", "NB1 4QT", area, null, true));
            Assert.True(errors.IsValid);
            db.Venues.Add(venue!);
            await db.SaveChangesAsync();
            return venue!.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Venues/{quietVenue}/Feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("carer1")).GetAsync($"/Venues/{quietVenue}/Feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAsAsync("contactworker1")).GetAsync($"/Venues/{quietVenue}/Feedback")).StatusCode);

        var api = await app.ApiAsAsync("parent1");
        var apiPost = await api.PostAsJsonAsync("/api/v1/feedback", new { sessionId = otherSession, kind = "Comment", text = "Not mine to give" });
        Assert.Equal(HttpStatusCode.NotFound, apiPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/feedback", new { venueId = quietVenue, kind = "VenueConcern", text = "Not mine" })).StatusCode);
        Assert.Equal(before, await FeedbackCountAsync());
    }

    [Fact]
    public async Task Empty_feedback_shows_the_error_summary_and_saves_nothing()
    {
        var target = await ParentsSessionAsync();
        var parent = await app.PagesAsAsync("parent1");
        var before = await FeedbackCountAsync();

        var empty = await PostFormAsync(parent, $"/Children/{target.ChildId}/Sessions/{target.SessionId}/Feedback", Form("Comment", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#Input_Text\">Write the feedback</a>", html);

        var noKind = await PostFormAsync(parent, $"/Venues/{target.VenueId}/Feedback", new Dictionary<string, string> { ["Input.Kind"] = "Gossip", ["Input.Text"] = "Something" });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Contains("<a href=\"#Input_Kind\">Choose comment, compliment, complaint or venue concern</a>", WebUtility.HtmlDecode(await noKind.Content.ReadAsStringAsync()));

        var api = await app.ApiAsAsync("parent1");
        var apiEmpty = await api.PostAsJsonAsync("/api/v1/feedback", new { sessionId = target.SessionId, kind = "Comment", text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, apiEmpty.StatusCode);
        var problem = await apiEmpty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _), problem.ToString());
        var aboutNothing = await api.PostAsJsonAsync("/api/v1/feedback", new { kind = "Comment", text = "About nothing" });
        Assert.Equal(HttpStatusCode.BadRequest, aboutNothing.StatusCode);

        Assert.Equal(before, await FeedbackCountAsync());
    }

    [Fact]
    public async Task The_api_takes_feedback_and_says_who_it_went_to()
    {
        var target = await ParentsSessionAsync();
        var text = Unique("Thank you for the lift, the driver was lovely.");
        var api = await app.ApiAsAsync("parent1");

        var given = await api.PostAsJsonAsync("/api/v1/feedback", new { sessionId = target.SessionId, kind = "Compliment", text, childsOwnWords = true });

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var body = await given.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Compliment", body.GetProperty("kind").GetString());
        // A parent speaks for themselves: only staff write down the child's words.
        Assert.Equal("Parent", body.GetProperty("from").GetString());
        Assert.Equal("the child’s social worker", body.GetProperty("sentTo").GetString());
        var saved = await FeedbackWithAsync(text);
        Assert.NotNull(saved);
        Assert.Equal(body.GetProperty("id").GetGuid(), saved.Id);

        var socialWorkers = await (await app.ApiAsAsync("socialworker1")).GetFromJsonAsync<JsonElement>("/api/v1/feedback");
        Assert.Contains(socialWorkers.EnumerateArray(), f => f.GetProperty("text").GetString() == text);
        // Feedback routed to people is a staff route: a parent is answered 404 (it was an empty list).
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/feedback")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class FeedbackTestsOnSqlite(SqliteApp app) : FeedbackTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class FeedbackTestsOnPostgres(PostgresApp app) : FeedbackTests(app.Factory), IClassFixture<PostgresApp>;
