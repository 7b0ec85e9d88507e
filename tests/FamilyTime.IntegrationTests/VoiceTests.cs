using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A young person's own voice (issue 11, item 6): their next family time, what family time is called, how a session
/// felt, who they want to see and asking to talk; only for their own record, and reaching the social worker.
/// </summary>
public abstract class VoiceTests(FamilyTimeFactory app)
{
    private sealed record YoungPerson(string UserName, Guid ChildId, string SocialWorkerId, Guid ArrangementId);

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A young person of their own, on a child no one else speaks for and with an arrangement (each test its own, so
    /// one test's request to talk never joins another's).
    /// </summary>
    private async Task<YoungPerson> NewYoungPersonAsync(bool ofSocialWorker1 = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.FamilyTimeDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // The demo's social worker when the test signs in as them; otherwise another's, to leave theirs for those tests.
        var socialWorker = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).FirstAsync();
        var child = await db.Children.Where(c => c.YoungPersonUserId == null && (c.SocialWorkerId == socialWorker) == ofSocialWorker1 && db.Arrangements.Any(a => a.ChildId == c.Id && a.EndedOn == null && a.PersonIds.Count > 0))
            .OrderBy(c => c.Id).FirstAsync();
        var user = new ApplicationUser { UserName = "yp-" + Guid.NewGuid().ToString("N")[..8], DisplayName = child.FullName, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.YoungPerson)).Succeeded);
        child.LinkYoungPersonAccount(user.Id);
        await db.SaveChangesAsync();
        var arrangement = await db.Arrangements.Where(a => a.ChildId == child.Id && a.EndedOn == null && a.PersonIds.Count > 0).Select(a => a.Id).FirstAsync();
        return new YoungPerson(user.UserName, child.Id, child.SocialWorkerId, arrangement);
    }

    /// <summary>A session of the child, held (took place) <paramref name="daysAgo"/> days ago, or still planned when in the future.</summary>
    private Task<Guid> SessionAsync(YoungPerson yp, int daysAgo, SessionStatus status = SessionStatus.TookPlace) => app.DbAsync(async db =>
    {
        var session = new FamilyTimeSession(yp.ChildId, yp.ArrangementId, new SessionSlot(Today.AddDays(-daysAgo), new TimeOnly(10, 0), 90, null, null, null), yp.SocialWorkerId);
        if (daysAgo >= 0 && status != SessionStatus.Planned)
        {
            Assert.True(session.Close(status, status == SessionStatus.TookPlace ? null : "Not today", yp.SocialWorkerId, app.Clock.GetUtcNow().UtcDateTime, Today).IsValid);
        }
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? getUrl = null)
    {
        var page = await client.GetAsync(getUrl ?? url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string Me(Guid childId) => $"/Portal/Children/{childId}/Voice";

    [Fact]
    public async Task A_young_person_lands_on_the_portal_and_sees_their_next_family_time_without_the_home_carers_or_school()
    {
        var yp = await NewYoungPersonAsync();
        var next = await app.DbAsync(db => db.Sessions.Where(s => s.ChildId == yp.ChildId && s.Status == SessionStatus.Planned && s.Date >= Today)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync())
            ?? await app.DbAsync(async db => (await db.Sessions.FindAsync(await SessionAsync(yp, -3, SessionStatus.Planned)))!.Date);
        var facts = await app.DbAsync(async db => new
        {
            Child = await db.Children.AsNoTracking().Where(c => c.Id == yp.ChildId).Select(c => new { FirstName = c.PreferredName ?? c.FirstName, c.School, c.SchoolAddress }).FirstAsync(),
            Home = await db.Placements.AsNoTracking().Where(p => p.ChildId == yp.ChildId && p.EndDate == null)
                .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Address, h.Postcode }).FirstOrDefaultAsync(),
            Parent = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == yp.ChildId && p.Address != null).Select(p => p.Address).FirstOrDefaultAsync(),
        });
        var pages = await app.PagesAsAsync(yp.UserName);

        var portal = await pages.GetAsync("/Portal");

        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        var html = await TextAsync(portal);
        Assert.Contains($"Hello, {facts.Child.FirstName}", html, StringComparison.Ordinal);
        Assert.Contains("data-next-family-time", html, StringComparison.Ordinal);
        Assert.Contains(next.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), html, StringComparison.Ordinal);
        Assert.Contains("I want to talk to someone", html, StringComparison.Ordinal);
        Assert.NotNull(facts.Home);
        foreach (var secret in new[] { facts.Home!.Name, facts.Home.Address, facts.Home.Postcode, facts.Child.School, facts.Child.SchoolAddress, facts.Parent })
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
            }
        }
        // The same through the API.
        var api = await app.ApiAsAsync(yp.UserName);
        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/voice");
        Assert.Equal(yp.ChildId, mine.GetProperty("childId").GetGuid());
        Assert.Equal(next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mine.GetProperty("next").GetProperty("date").GetString());
        var raw = await api.GetStringAsync("/api/v1/voice");
        Assert.DoesNotContain(facts.Home.Address, raw, StringComparison.OrdinalIgnoreCase);
        // A parent has no voice of their own here.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("parent1")).GetAsync("/api/v1/voice")).StatusCode);
    }

    [Fact]
    public async Task A_feeling_is_only_for_a_held_session_of_their_own()
    {
        var yp = await NewYoungPersonAsync();
        var held = await SessionAsync(yp, 2);
        var planned = await SessionAsync(yp, -2, SessionStatus.Planned);
        var cancelled = await SessionAsync(yp, 4, SessionStatus.CancelledByParent);
        var someoneElses = await app.DbAsync(db => db.Sessions.Where(s => s.ChildId != yp.ChildId).Select(s => s.Id).FirstAsync());
        var api = await app.ApiAsAsync(yp.UserName);
        string Url(Guid s) => $"/api/v1/children/{yp.ChildId}/voice/sessions/{s}/feeling";

        var notYet = await api.PostAsJsonAsync(Url(planned), new { face = "Happy" });
        var notHeld = await api.PostAsJsonAsync(Url(cancelled), new { face = "Happy" });
        var notTheirs = await api.PostAsJsonAsync(Url(someoneElses), new { face = "Happy" });
        var noFace = await api.PostAsJsonAsync(Url(held), new { words = "ok" });
        var tooLong = await api.PostAsJsonAsync(Url(held), new { face = "Happy", words = new string('a', SessionFeeling.WordsLength + 1) });
        var ok = await api.PostAsJsonAsync(Url(held), new { face = "Happy", words = "We played football" });

        Assert.Equal(HttpStatusCode.BadRequest, notYet.StatusCode);
        Assert.Contains("after it has happened", await notYet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notHeld.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFace.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var kept = await app.DbAsync(db => db.SessionFeelings.AsNoTracking().Where(f => f.ChildId == yp.ChildId).ToListAsync());
        var only = Assert.Single(kept);
        Assert.Equal((held, FeelingFace.Happy, "We played football"), (only.SessionId, only.Face, only.Words));
    }

    [Fact]
    public async Task Saying_again_how_a_session_felt_keeps_the_earlier_words_as_a_version_and_a_retried_send_is_kept_once()
    {
        var yp = await NewYoungPersonAsync();
        var held = await SessionAsync(yp, 1);
        var pages = await app.PagesAsAsync(yp.UserName);
        var url = $"{Me(yp.ChildId)}/Sessions/{held}/Feeling";

        var first = await PostFormAsync(pages, url, new() { ["Input.Face"] = "Sad", ["Input.Words"] = "Mum had to go early" });
        var retried = await PostFormAsync(pages, url, new() { ["Input.Face"] = "Sad", ["Input.Words"] = "Mum had to go early" });
        var changed = await PostFormAsync(pages, url, new() { ["Input.Face"] = "Okay", ["Input.Words"] = "It was better at the end" });

        Assert.All(new[] { first, retried, changed }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var kept = await app.DbAsync(db => db.SessionFeelings.AsNoTracking().Where(f => f.SessionId == held).OrderBy(f => f.Number).ToListAsync());
        Assert.Equal([(1, FeelingFace.Sad, "Mum had to go early"), (2, FeelingFace.Okay, "It was better at the end")],
            kept.Select(f => (f.Number, f.Face, f.Words)).ToList());
        // The form shows what they said last.
        var again = await TextAsync(await pages.GetAsync(url));
        Assert.Contains("It was better at the end", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feeling_left_without_a_face_is_shown_again_with_the_words_kept()
    {
        var yp = await NewYoungPersonAsync();
        var held = await SessionAsync(yp, 1);
        var pages = await app.PagesAsAsync(yp.UserName);

        var answer = await PostFormAsync(pages, $"{Me(yp.ChildId)}/Sessions/{held}/Feeling", new() { ["Input.Words"] = "I don't know how I feel" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await TextAsync(answer);
        Assert.Contains("Choose the face that shows how it felt", html, StringComparison.Ordinal);
        Assert.Contains("I don't know how I feel", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.SessionFeelings.CountAsync(f => f.SessionId == held)));
    }

    [Fact]
    public async Task Talking_to_someone_makes_one_urgent_task_due_today_at_the_top_of_the_inbox_and_a_retried_send_makes_no_second()
    {
        var yp = await NewYoungPersonAsync(ofSocialWorker1: true);
        var pages = await app.PagesAsAsync(yp.UserName);
        var url = $"{Me(yp.ChildId)}/Talk";
        var form = await TextAsync(await pages.GetAsync(url));
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.RequestKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.RequestKey"] = key, ["Input.Who"] = "SocialWorker", ["Input.Words"] = "Things at school",
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        };

        var sent = await pages.PostAsync(url, new FormUrlEncodedContent(fields));
        var retried = await pages.PostAsync(url, new FormUrlEncodedContent(fields));
        // Pressed again from a new form a moment later, with more words: kept, but it joins the task already made.
        var second = await TextAsync(await pages.GetAsync(url));
        var again = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.RequestKey"] = System.Text.RegularExpressions.Regex.Match(second, "name=\"Input.RequestKey\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Input.Who"] = "SomeoneElse", ["Input.Words"] = "Please hurry",
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(second),
        }));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var confirmation = await TextAsync(sent);
        Assert.Contains("We’ve let them know", confirmation, StringComparison.Ordinal);
        Assert.Contains("0800 1111", confirmation, StringComparison.Ordinal);
        Assert.Contains("0300 123 4567", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var tasks = await app.DbAsync(db => db.Tasks.AsNoTracking().Where(t => t.ChildId == yp.ChildId && t.Kind == TaskKind.YoungPersonWantsToTalk).ToListAsync());
        var task = Assert.Single(tasks);
        Assert.Equal((yp.SocialWorkerId, Today), (task.AssigneeId, task.DueOn!.Value));
        var requests = await app.DbAsync(db => db.TalkRequests.AsNoTracking().Where(t => t.ChildId == yp.ChildId).OrderBy(t => t.AskedAt).ToListAsync());
        Assert.Equal(["Please hurry", "Things at school"], requests.Select(r => r.Words).Order(StringComparer.Ordinal).ToList());

        // The social worker's inbox leads with it (whoever their social worker is, it is their first child).
        var socialWorker = await app.DbAsync(db => db.Users.Where(u => u.Id == yp.SocialWorkerId).Select(u => u.UserName!).FirstAsync());
        var inbox = await TextAsync(await (await app.PagesAsAsync(socialWorker)).GetAsync("/Inbox"));
        var first = inbox.IndexOf("wants to talk to you", StringComparison.Ordinal);
        Assert.True(first > 0, "the urgent task is on the inbox");
        Assert.DoesNotContain("Overdue", inbox[..first], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talking_to_someone_through_the_api_with_the_same_request_key_twice_makes_one_task()
    {
        var yp = await NewYoungPersonAsync();
        var api = await app.ApiAsAsync(yp.UserName);
        var body = new { requestKey = Guid.NewGuid(), who = "IndependentVisitorOrAdvocate", words = "About Dad" };
        var url = $"/api/v1/children/{yp.ChildId}/voice/talk";

        var answers = await Task.WhenAll(api.PostAsJsonAsync(url, body), api.PostAsJsonAsync(url, body));
        var bad = await api.PostAsJsonAsync(url, new { who = "Nobody" });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var json = await answers[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("0800 1111", json.GetProperty("childline").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.TalkRequests.CountAsync(t => t.ChildId == yp.ChildId)));
        Assert.Equal(1, await app.DbAsync(db => db.Tasks.CountAsync(t => t.ChildId == yp.ChildId && t.Kind == TaskKind.YoungPersonWantsToTalk)));
    }

    [Fact]
    public async Task Another_young_person_gets_404_on_someone_elses_voice()
    {
        var mine = await NewYoungPersonAsync();
        var other = await NewYoungPersonAsync();
        var held = await SessionAsync(other, 1);
        var pages = await app.PagesAsAsync(mine.UserName);
        var api = await app.ApiAsAsync(mine.UserName);

        foreach (var url in new[] { Me(other.ChildId) + "/Name", Me(other.ChildId) + "/People", Me(other.ChildId) + "/Talk", $"{Me(other.ChildId)}/Sessions/{held}/Feeling",
                     $"/Children/{other.ChildId}", $"/Children/{other.ChildId}/Voice", $"/Portal/Children/{other.ChildId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/children/{other.ChildId}/voice/talk", new { who = "SocialWorker" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/children/{other.ChildId}/voice/sessions/{held}/feeling", new { face = "Happy" })).StatusCode);
        // Nor their own case, other children, or staff records.
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Children/{mine.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Children/{mine.ChildId}/Voice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{mine.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{mine.ChildId}/people")).StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.TalkRequests.CountAsync(t => t.ChildId == other.ChildId)));
    }

    [Fact]
    public async Task Only_the_young_person_speaks_in_their_own_voice_and_staff_are_told_why()
    {
        var yp = await NewYoungPersonAsync(ofSocialWorker1: true);
        var socialWorker = await app.DbAsync(db => db.Users.Where(u => u.Id == yp.SocialWorkerId).Select(u => u.UserName!).FirstAsync());
        var staff = await app.ApiAsAsync(socialWorker);

        var answer = await staff.PostAsJsonAsync($"/api/v1/children/{yp.ChildId}/voice/talk", new { who = "SocialWorker" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.TalkRequests.CountAsync(t => t.ChildId == yp.ChildId)));
    }

    [Fact]
    public async Task The_social_worker_sees_the_feeling_and_the_wishes_beside_the_plans_wishes()
    {
        var yp = await NewYoungPersonAsync(ofSocialWorker1: true);
        var held = await SessionAsync(yp, 3);
        var api = await app.ApiAsAsync(yp.UserName);
        var person = (await api.GetFromJsonAsync<JsonElement>("/api/v1/voice")).GetProperty("people")[0];
        var feeling = await api.PostAsJsonAsync($"/api/v1/children/{yp.ChildId}/voice/sessions/{held}/feeling", new { face = "VeryHappy", words = "Best day with Nan" });
        var wishes = await api.PostAsJsonAsync($"/api/v1/children/{yp.ChildId}/voice/wishes",
            new { wantToSee = new[] { person.GetProperty("id").GetGuid() }, inTheirWords = "My friend Jay from my old street", notWantToSee = "Not Uncle Rob" });
        var stranger = await api.PostAsJsonAsync($"/api/v1/children/{yp.ChildId}/voice/wishes", new { wantToSee = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.OK, feeling.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wishes.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);

        var socialWorker = await app.DbAsync(db => db.Users.Where(u => u.Id == yp.SocialWorkerId).Select(u => u.UserName!).FirstAsync());
        var pages = await app.PagesAsAsync(socialWorker);
        var voice = await TextAsync(await pages.GetAsync($"/Children/{yp.ChildId}/Voice"));
        var arrangement = await TextAsync(await pages.GetAsync($"/Children/{yp.ChildId}/Plan/Arrangements/{yp.ArrangementId}/Edit"));

        Assert.Contains("Best day with Nan", voice, StringComparison.Ordinal);
        Assert.Contains("Really good", voice, StringComparison.Ordinal);
        Assert.Contains(person.GetProperty("name").GetString()!, voice, StringComparison.Ordinal);
        Assert.Contains("Not Uncle Rob", voice, StringComparison.Ordinal);
        Assert.Contains("data-childs-own-wishes", arrangement, StringComparison.Ordinal);
        Assert.Contains("My friend Jay from my old street", arrangement, StringComparison.Ordinal);
        var tasks = await app.DbAsync(db => db.Tasks.AsNoTracking().Where(t => t.ChildId == yp.ChildId && t.Kind == TaskKind.YoungPersonSaid).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(yp.SocialWorkerId, t.AssigneeId));
    }

    [Fact]
    public async Task Naming_family_time_changes_the_childs_record_audited_as_theirs_with_a_task_for_the_social_worker()
    {
        var yp = await NewYoungPersonAsync();
        var pages = await app.PagesAsAsync(yp.UserName);
        var url = $"{Me(yp.ChildId)}/Name";

        var tooLong = await PostFormAsync(pages, url, new() { ["Input.FamilyTimeName"] = new string('x', 61) });
        var named = await PostFormAsync(pages, url, new() { ["Input.FamilyTimeName"] = "seeing my family" });
        var again = await PostFormAsync(pages, url, new() { ["Input.FamilyTimeName"] = "seeing my family" });

        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("60 characters or fewer", await TextAsync(tooLong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("seeing my family", await app.DbAsync(db => db.Children.Where(c => c.Id == yp.ChildId).Select(c => c.FamilyTimeName).FirstAsync()));
        var userId = await app.UserIdAsync(yp.UserName);
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ChildId == yp.ChildId && a.Action == AuditAction.Update && a.RecordType == nameof(AuditRecord.Child) && a.UserId == userId).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("seeing my family", entry.Changes, StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Tasks.CountAsync(t => t.ChildId == yp.ChildId && t.Kind == TaskKind.YoungPersonSaid && t.AssigneeId == yp.SocialWorkerId)));
        Assert.Contains("“seeing my family”", await TextAsync(await pages.GetAsync("/Portal")), StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class VoiceTestsOnSqlite(SqliteApp app) : VoiceTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class VoiceTestsOnPostgres(PostgresApp app) : VoiceTests(app.Factory), IClassFixture<PostgresApp>;
