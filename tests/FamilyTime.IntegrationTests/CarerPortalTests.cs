using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The carer portal (issue 11, item 5): what's next with transport, before and after only for sessions that took
/// place, alerts by the carer's chosen channel, the indirect-contact log reaching the social worker, and the door.
/// </summary>
public abstract class CarerPortalTests(FamilyTimeFactory app)
{
    private const string Transport = "Sarah drives him there; the contact worker brings him home";
    private DateOnly Today => LondonTime.Today(app.Clock);

    private sealed record Setup(Guid Child, Guid Mum, Guid Held, Guid Cancelled, Guid Next);

    /// <summary>A new child living with carer1, with Mum, one arrangement carrying the transport, and three sessions: held, cancelled, coming.</summary>
    private async Task<Setup> SetUpAsync(string firstName)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var created = await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, firstName));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await api.PostAsJsonAsync($"/api/v1/children/{child}/people", ApiInput.Mother());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var mum = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var worker = await app.UserIdAsync("socialworker1");
        return await app.DbAsync(async db =>
        {
            var context = (await new PlanContextLoader(db, app.Clock).LoadAsync(child, CancellationToken.None))!;
            var plan = ContactPlan.Start(child, context);
            var (arrangement, errors) = plan.AddArrangement(new ArrangementDetails
            {
                PersonIds = [mum], Purposes = Purpose.Identity, Type = ArrangementType.Unsupervised, Form = FamilyTimeForm.Letter,
                ReviewEveryMonths = 6, ChildsWishes = ArrangementMusts.Wishes, Transport = Transport,
            }, context, null, new Signature(worker, "Priya Shah", app.Clock.GetUtcNow().UtcDateTime));
            Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
            db.ContactPlans.Add(plan);
            FamilyTimeSession Session(int days) => new(child, arrangement!.Id, new SessionSlot(Today.AddDays(days), new TimeOnly(10, 0), 90, null, null, null), worker);
            var (held, cancelled, next) = (Session(-3), Session(-2), Session(5));
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Assert.True(held.Close(SessionStatus.TookPlace, null, worker, now, Today).IsValid);
            Assert.True(cancelled.Close(SessionStatus.CancelledByParent, "Mum was unwell", worker, now, Today).IsValid);
            db.Sessions.AddRange(held, cancelled, next);
            await db.SaveChangesAsync();
            return new Setup(child, mum, held.Id, cancelled.Id, next.Id);
        });
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await client.GetStringAsync(url));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Ratings(string moment, int value) =>
        CarerObservation.Areas.ToDictionary(a => $"{moment}.{a}", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_rating_for_a_cancelled_session_is_refused_on_the_page_and_the_api_and_nothing_is_kept()
    {
        var s = await SetUpAsync("Rosa");
        var carer = await app.PagesAsAsync("carer1");
        var page = await PostFormAsync(carer, $"/Portal/Children/{s.Child}/Carer/Sessions/{s.Cancelled}/BeforeAndAfter", Ratings("After", 2));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("did not take place, so there is no before and after to record", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await app.ApiAsAsync("carer1");
        var body = CarerObservation.Areas.ToDictionary(a => char.ToLowerInvariant(a[0]) + a[1..], _ => (object)1);
        body["moment"] = "After";
        var refused = await api.PostAsJsonAsync($"/api/v1/children/{s.Child}/sessions/{s.Cancelled}/observations", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("did not take place", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await app.DbAsync(db => db.CarerObservations.CountAsync(o => o.SessionId == s.Cancelled)));
    }

    [Fact]
    public async Task Only_held_sessions_are_offered_for_before_and_after_and_both_are_saved_from_one_screen()
    {
        var s = await SetUpAsync("Kofi");
        var carer = await app.PagesAsAsync("carer1");
        var childPage = await carer.GetStringAsync($"/Portal/Children/{s.Child}/Carer");
        Assert.Contains($"/Sessions/{s.Held}/BeforeAndAfter", childPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Sessions/{s.Cancelled}/BeforeAndAfter", childPage, StringComparison.Ordinal);
        var wellbeing = await carer.GetStringAsync($"/Children/{s.Child}/Wellbeing");
        Assert.DoesNotContain($"/Sessions/{s.Cancelled}/Wellbeing", wellbeing, StringComparison.Ordinal);
        Assert.Contains($"/Sessions/{s.Held}/Wellbeing", wellbeing, StringComparison.Ordinal);

        var form = Ratings("Before", 1);
        foreach (var (k, v) in Ratings("After", 4))
        {
            form[k] = v;
        }
        form["After.Words"] = "Quiet at tea, asked for Mum at bedtime";
        var saved = await PostFormAsync(carer, $"/Portal/Children/{s.Child}/Carer/Sessions/{s.Held}/BeforeAndAfter", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var kept = await app.DbAsync(db => db.CarerObservations.Where(o => o.SessionId == s.Held).ToListAsync());
        kept = kept.OrderBy(o => o.Moment).ToList();
        Assert.Equal([ObservationMoment.Before, ObservationMoment.After], kept.Select(o => o.Moment));
        Assert.Equal(4, kept[1].Mood);
        Assert.DoesNotContain($"/Sessions/{s.Held}/BeforeAndAfter", await carer.GetStringAsync($"/Portal/Children/{s.Child}/Carer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_carer_sees_whats_next_with_transport_on_the_front_page_and_the_api()
    {
        var s = await SetUpAsync("Tomasz");
        var carer = await app.PagesAsAsync("carer1");
        var front = await carer.GetStringAsync("/Portal");
        Assert.Contains($"data-session=\"{s.Next}\"", front, StringComparison.Ordinal);
        Assert.Contains(Transport, front, StringComparison.Ordinal);
        Assert.Contains("Joanne Okonkwo", front, StringComparison.Ordinal);

        var api = await app.ApiAsAsync("carer1");
        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/carer/whats-next");
        var mine = all.EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == s.Child);
        var next = mine.GetProperty("next")[0];
        Assert.Equal(s.Next, next.GetProperty("id").GetGuid());
        Assert.Equal(Transport, next.GetProperty("transport").GetString());
        Assert.Equal(s.Held, mine.GetProperty("toRecord")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{s.Child}/carer")).StatusCode);
    }

    [Fact]
    public async Task An_indirect_contact_entry_reaches_the_social_worker_and_unplanned_contact_online_is_urgent()
    {
        var s = await SetUpAsync("Ada");
        var carer = await app.PagesAsAsync("carer1");
        var url = $"/Portal/Children/{s.Child}/Carer/IndirectContact";
        var html = await carer.GetStringAsync(url);
        var entryId = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.EntryId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["Input.EntryId"] = entryId, ["Input.Kind"] = "UnplannedOnline",
            ["Input.When.Day"] = Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.When.Month"] = Today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.When.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "07:15", ["Input.Who"] = "someone-else", ["Input.SomeoneElse"] = "an account called skylark_77",
            ["Input.WhatHappened"] = "A message asking which school Ada goes to", ["Input.HowChildWas"] = "Worried",
            ["Input.WhatCarerDid"] = "Kept the screenshots and blocked the account",
        };
        var first = await PostFormAsync(carer, url, new Dictionary<string, string>(form));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // The same form sent again (a retry on a bad signal) logs once.
        var again = await PostFormAsync(carer, url, new Dictionary<string, string>(form));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var id = Guid.Parse(entryId);
        var worker = await app.UserIdAsync("socialworker1");
        Assert.Equal(1, await app.DbAsync(db => db.IndirectContactEntries.CountAsync(e => e.ChildId == s.Child)));
        var task = await app.DbAsync(db => db.Tasks.SingleAsync(t => t.Key == $"indirect-contact:{id:N}"));
        Assert.Equal((TaskKind.IndirectContactUrgent, worker, Today), (task.Kind, task.AssigneeId, task.DueOn!.Value));
        Assert.StartsWith("Urgent:", task.Title, StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Outbox.CountAsync(m => m.Key == $"indirect-contact:{id:N}" && m.To == "socialworker1@example.org")));

        // A planned call through the API: a task, not urgent, no e-mail.
        var api = await app.ApiAsAsync("carer1");
        var call = await api.PostAsJsonAsync($"/api/v1/children/{s.Child}/indirect-contact", new
        {
            kind = "PhoneCall", happenedAt = app.Clock.GetUtcNow().AddHours(-1), personId = s.Mum,
            whatHappened = "Mum rang as agreed", howChildWas = "Happy", whatCarerDid = "Nothing needed",
        });
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var callId = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(TaskKind.IndirectContact, await app.DbAsync(db => db.Tasks.Where(t => t.Key == $"indirect-contact:{callId:N}").Select(t => t.Kind).SingleAsync()));

        // The social worker reads the log on the child's staff side.
        var staff = await app.PagesAsAsync("socialworker1");
        var log = await staff.GetStringAsync($"/Children/{s.Child}/IndirectContact");
        Assert.Contains("skylark_77", log, StringComparison.Ordinal);
        Assert.Contains("Mum rang as agreed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_follow_the_carers_preferences_one_outbox_row_per_chosen_channel()
    {
        var carerUser = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => new { u.Email, u.PhoneNumber, u.DisplayName }).SingleAsync());
        Assert.Equal(DemoCarers.Carer1Mobile, carerUser.PhoneNumber);
        var carerApi = await app.ApiAsAsync("carer1");
        var worker = await app.ApiAsAsync("socialworker1");

        async Task<List<Channel>> CancelWithAsync(bool email, bool text)
        {
            var chosen = await carerApi.PutAsJsonAsync("/api/v1/carer/alert-preferences", new { byEmail = email, byText = text, phoneBeforeEarlyReturn = false });
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
            var s = await SetUpAsync("Noor");
            var closed = await worker.PostAsJsonAsync($"/api/v1/children/{s.Child}/sessions/{s.Next}/close", new { outcome = "CancelledByParent", reason = "Mum has a hospital appointment" });
            Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
            return await app.DbAsync(db => db.Outbox.Where(m => m.Key.StartsWith($"carer-alert:{s.Next:N}") && m.RecipientName == carerUser.DisplayName)
                .Select(m => m.Channel).OrderBy(c => c).ToListAsync());
        }

        Assert.Equal([Channel.Email], await CancelWithAsync(email: true, text: false));
        Assert.Equal([Channel.Sms], await CancelWithAsync(email: false, text: true));
        Assert.Equal([Channel.Email, Channel.Sms], await CancelWithAsync(email: true, text: true));

        var none = await carerApi.PutAsJsonAsync("/api/v1/carer/alert-preferences", new { byEmail = false, byText = false, phoneBeforeEarlyReturn = false });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task Phone_me_before_an_early_return_is_shown_to_the_worker_on_the_session_page()
    {
        var s = await SetUpAsync("Ines");
        var carerApi = await app.ApiAsAsync("carer1");
        var staff = await app.PagesAsAsync("socialworker1");
        await carerApi.PutAsJsonAsync("/api/v1/carer/alert-preferences", new { byEmail = true, byText = false, phoneBeforeEarlyReturn = false });
        Assert.DoesNotContain("phone-before-early-return", await staff.GetStringAsync($"/Children/{s.Child}/Sessions/{s.Next}"), StringComparison.Ordinal);

        var asked = await carerApi.PutAsJsonAsync("/api/v1/carer/alert-preferences", new { byEmail = true, byText = false, phoneBeforeEarlyReturn = true });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await staff.GetStringAsync($"/Children/{s.Child}/Sessions/{s.Next}");
        Assert.Contains("phone-before-early-return", page, StringComparison.Ordinal);
        Assert.Contains(DemoCarers.Carer1Mobile, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carer_of_another_household_gets_404_for_the_carer_pages_the_log_and_the_api()
    {
        var (_, outside) = await app.DbAsync(db => Reach.ForAsync(db, "carer1"));
        var carer = await app.PagesAsAsync("carer1");
        foreach (var path in new[] { $"/Portal/Children/{outside}/Carer", $"/Portal/Children/{outside}/Carer/IndirectContact", $"/Children/{outside}/IndirectContact" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync(path)).StatusCode);
        }
        var api = await app.ApiAsAsync("carer1");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{outside}/carer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{outside}/indirect-contact")).StatusCode);
        var post = await api.PostAsJsonAsync($"/api/v1/children/{outside}/indirect-contact", new { kind = "PhoneCall", happenedAt = app.Clock.GetUtcNow(), whatHappened = "x", howChildWas = "x", whatCarerDid = "x" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.IndirectContactEntries.CountAsync(e => e.ChildId == outside)));
    }
}

[Collection("sqlite")]
public sealed class CarerPortalTestsOnSqlite(SqliteApp app) : CarerPortalTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CarerPortalTestsOnPostgres(PostgresApp app) : CarerPortalTests(app.Factory), IClassFixture<PostgresApp>;
