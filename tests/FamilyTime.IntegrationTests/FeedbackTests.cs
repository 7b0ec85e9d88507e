using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Features.Feedback;
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

    // ---- Read and answered (pages and API) ----

    /// <summary>A comment from parent1 about their child's session: it goes to socialworker1.</summary>
    private async Task<(Guid Id, string Text, ParentsSession Target)> ParentCommentsAsync(string kind = "Comment")
    {
        var target = await ParentsSessionAsync();
        var text = Unique("Could we have the bigger room next time?");
        var given = await (await app.ApiAsAsync("parent1")).PostAsJsonAsync("/api/v1/feedback", new { sessionId = target.SessionId, kind, text });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        return ((await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), text, target);
    }

    private Task<Feedback> SavedAsync(Guid id) => app.DbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == id));

    private static object Answer(string text, int version, string how = "InWriting") => new { text, how, version };

    [Fact]
    public async Task The_social_worker_marks_feedback_read_then_answers_it_on_the_page_and_each_change_is_audited()
    {
        var (id, text, _) = await ParentCommentsAsync();
        var worker = await app.PagesAsAsync("socialworker1");
        var list = await PageTextAsync(worker, "/Feedback");
        Assert.Contains(text, list);
        Assert.Matches($"id=\"feedback-{id}\"[\\s\\S]*?data-state=\"New\"", list);

        var read = await worker.PostAsync("/Feedback?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["feedbackId"] = id.ToString(), ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await worker.GetStringAsync("/Feedback")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var afterRead = await SavedAsync(id);
        Assert.Equal(FeedbackState.Read, afterRead.State);
        Assert.Equal(await app.UserIdAsync("socialworker1"), afterRead.ReadById);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, afterRead.ReadAt);
        Assert.Contains("The feedback is marked as read.", await PageTextAsync(worker, "/Feedback"));

        var answerUrl = $"/Feedback/{id}/Answer";
        var answer = Unique("Yes: I have booked the garden room for your next family time.");
        var answered = await PostFormAsync(worker, answerUrl, new() { ["Input.How"] = "InWriting", ["Input.Text"] = answer, ["Input.Version"] = afterRead.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var saved = await SavedAsync(id);
        Assert.Equal(FeedbackState.Answered, saved.State);
        Assert.Equal(answer, saved.AnswerText);
        Assert.Equal(FeedbackAnswerWay.InWriting, saved.AnsweredHow);

        // Answered feedback leaves the default list and is found under "Answered".
        Assert.DoesNotContain(text, await PageTextAsync(worker, "/Feedback"));
        var answeredList = await PageTextAsync(worker, "/Feedback?show=Answered");
        Assert.Contains(answer, answeredList);
        Assert.Matches($"id=\"feedback-{id}\"[\\s\\S]*?data-state=\"Answered\"", answeredList);
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Changes }).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Update], audit.Select(a => a.Action));
        Assert.Contains("Answered", audit[^1].Changes);

        // A second answer is refused in plain words, and the first stays.
        var again = await worker.PostAsync(answerUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.How"] = "ByPhone", ["Input.Text"] = "Another answer", ["Input.Version"] = saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await worker.GetStringAsync(answerUrl)),
        }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(Feedback.AlreadyAnswered, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(answer, (await SavedAsync(id)).AnswerText);
    }

    [Fact]
    public async Task An_empty_answer_shows_the_error_summary_linked_to_its_fields_and_saves_nothing()
    {
        var (id, _, _) = await ParentCommentsAsync();
        var worker = await app.PagesAsAsync("socialworker1");

        var empty = await PostFormAsync(worker, $"/Feedback/{id}/Answer", new() { ["Input.Text"] = "  ", ["Input.Version"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#Input_Text\">Write the answer: the person who gave the feedback will read it</a>", html);
        Assert.Contains("href=\"#Input_How\"", html);
        Assert.Equal(FeedbackState.New, (await SavedAsync(id)).State);
    }

    [Fact]
    public async Task The_api_reads_answers_and_filters_by_state()
    {
        var (id, text, _) = await ParentCommentsAsync();
        var api = await app.ApiAsAsync("socialworker1");

        var fresh = (await api.GetFromJsonAsync<JsonElement>("/api/v1/feedback?state=New")).EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == id);
        Assert.Equal("New", fresh.GetProperty("state").GetString());
        var read = await api.PostAsync($"/api/v1/feedback/{id}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readBody = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Read", readBody.GetProperty("state").GetString());
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonElement>("/api/v1/feedback?state=New")).EnumerateArray(), f => f.GetProperty("id").GetGuid() == id);

        var stale = await api.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer("Thank you.", fresh.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var words = Unique("We will ask the family centre about the bigger room.");
        var answered = await api.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer(words, readBody.GetProperty("version").GetInt32(), "ByPhone"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var body = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Answered", body.GetProperty("state").GetString());
        Assert.Equal("ByPhone", body.GetProperty("answeredHow").GetString());
        Assert.Equal(words, body.GetProperty("answer").GetString());
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/v1/feedback?state=Answered")).EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == id);
        Assert.Equal(words, listed.GetProperty("answer").GetString());
        Assert.Equal(text, listed.GetProperty("text").GetString());

        var bad = await api.GetAsync("/api/v1/feedback?state=Gossip");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var noHow = await api.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", new { text = "x", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noHow.StatusCode);
        Assert.True((await noHow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("how", out _));
    }

    [Fact]
    public async Task Someone_the_feedback_does_not_reach_is_answered_not_found_and_the_team_manager_may_answer_for_the_social_worker()
    {
        var (id, text, _) = await ParentCommentsAsync();
        var version = (await SavedAsync(id)).Version;
        foreach (var user in new[] { "contactworker1", "coordinator1", "admin" })
        {
            var api = await app.ApiAsAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/feedback/{id}/read", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer("Not mine", version))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync(user)).GetAsync($"/Feedback/{id}/Answer")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("parent1")).PostAsync($"/api/v1/feedback/{id}/read", null)).StatusCode);
        Assert.Equal(FeedbackState.New, (await SavedAsync(id)).State);

        // The child's team manager reaches it among "sent to others" and may answer it.
        var manager = await app.PagesAsAsync("manager1");
        Assert.DoesNotContain(text, await PageTextAsync(manager, "/Feedback"));
        Assert.Contains(text, await PageTextAsync(manager, "/Feedback?whose=Others"));
        var answered = await (await app.ApiAsAsync("manager1")).PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer("Answered for the team.", version));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(await app.UserIdAsync("manager1"), (await SavedAsync(id)).AnsweredById);
    }

    [Fact]
    public async Task Two_people_answering_at_once_with_the_same_version_give_one_answer_and_one_conflict()
    {
        var (id, _, _) = await ParentCommentsAsync();
        var version = (await SavedAsync(id)).Version;
        var worker = await app.ApiAsAsync("socialworker1");
        var manager = await app.ApiAsAsync("manager1");

        var answers = await Task.WhenAll(
            worker.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer("The social worker's answer.", version)),
            manager.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer("The manager's answer.", version)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var lost = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("has just answered", (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var won = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var saved = await SavedAsync(id);
        Assert.Equal(won.GetProperty("answer").GetString(), saved.AnswerText);
        Assert.Single(await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == id && e.Action == AuditAction.Update).ToListAsync()));
    }

    /// <summary>The carers' names and address of the child's current home, from the database.</summary>
    private async Task<(string Household, string Address, IReadOnlyList<string> Carers)> HomeOfAsync(Guid childId) =>
        await app.DbAsync(async db =>
        {
            var home = await db.Placements.Where(p => p.ChildId == childId && p.EndDate == null && p.CarerHouseholdId != null)
                .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Id, h.Name, h.Address }).SingleAsync();
            var carers = await db.Users.Where(u => u.CarerHouseholdId == home.Id).Select(u => u.DisplayName).ToListAsync();
            return (home.Name, home.Address, (IReadOnlyList<string>)carers);
        });

    [Fact]
    public async Task The_parent_sees_the_answer_in_the_portal_and_an_answer_naming_the_childs_home_never_reaches_them()
    {
        var (id, text, target) = await ParentCommentsAsync("Complaint");
        var home = await HomeOfAsync(target.ChildId);
        var carer = home.Carers.Count > 0 ? home.Carers[0] : home.Household;
        var manager = await app.ApiAsAsync("manager1");
        var version = (await SavedAsync(id)).Version;

        // Written here, an answer naming the carers or their street is refused, saying what it names.
        var leaking = await manager.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer($"{carer} will bring Mara to {home.Address}.", version));
        Assert.Equal(HttpStatusCode.BadRequest, leaking.StatusCode);
        var problem = await leaking.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("the carers' names", problem.GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(FeedbackState.New, (await SavedAsync(id)).State);

        var words = Unique("I am sorry the room was too small. The next session is in the garden room.");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/feedback/{id}/answer", Answer(words, version))).StatusCode);
        var portal = await PageTextAsync(await app.PagesAsAsync("parent1"), "/Portal/Feedback");
        Assert.Contains(text, portal);
        Assert.Contains(words, portal);
        Assert.Contains(FeedbackWords.ComplaintsProcedure, portal);
        var mine = (await (await app.ApiAsAsync("parent1")).GetFromJsonAsync<JsonElement>("/api/v1/portal/feedback")).EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == id);
        Assert.Equal(words, mine.GetProperty("answer").GetString());
        Assert.True(mine.GetProperty("canTakeFurther").GetBoolean());
        // Only the giver's own feedback: the social worker's list is not theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("socialworker1")).GetAsync("/api/v1/portal/feedback")).StatusCode);

        // An answer that names the home by another way in (kept before the guard knew, or the child moved since) is held back on the way out.
        var (older, _, _) = await ParentCommentsAsync();
        var leak = $"{carer} said the drive from {home.Address} is long.";
        await app.DbAsync(async db =>
        {
            var f = await db.Feedback.SingleAsync(x => x.Id == older);
            Assert.True(f.Answer(leak, FeedbackAnswerWay.InWriting, await app.UserIdAsync("socialworker1"), app.Clock.GetUtcNow().UtcDateTime).IsValid);
            return await db.SaveChangesAsync();
        });
        var page = await PageTextAsync(await app.PagesAsAsync("parent1"), "/Portal/Feedback");
        var api = await (await app.ApiAsAsync("parent1")).GetStringAsync("/api/v1/portal/feedback");
        foreach (var secret in home.Carers.Append(home.Household).Append(home.Address))
        {
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, api, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("[removed] said the drive from [removed] is long.", page);
        // The worker still reads what was written.
        Assert.Contains(leak, await PageTextAsync(await app.PagesAsAsync("socialworker1"), "/Feedback?show=Answered"));
    }

    [Fact]
    public async Task The_inbox_counts_the_feedback_waiting_for_an_answer()
    {
        await ParentCommentsAsync();
        var expected = await app.DbAsync(async db =>
        {
            var uid = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
            return await db.Feedback.CountAsync(f => f.RoutedToUserId == uid && f.State != FeedbackState.Answered
                && (f.ChildId == null || db.Children.Any(c => c.Id == f.ChildId && c.SocialWorkerId == uid)));
        });
        Assert.True(expected > 0);
        var inbox = await PageTextAsync(await app.PagesAsAsync("socialworker1"), "/Inbox");
        Assert.Contains($"data-feedback-waiting=\"{expected}\"", inbox);
        Assert.Contains(expected == 1 ? "1 piece of feedback is waiting for your answer" : $"{expected} pieces of feedback are waiting for your answer", inbox);
    }
}

[Collection("sqlite")]
public sealed class FeedbackTestsOnSqlite(SqliteApp app) : FeedbackTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class FeedbackTestsOnPostgres(PostgresApp app) : FeedbackTests(app.Factory), IClassFixture<PostgresApp>;
