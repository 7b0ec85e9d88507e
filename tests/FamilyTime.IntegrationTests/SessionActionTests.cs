using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 11, items 2, 3 and 10: a parent confirms, says they are running late, can't come or asks to move a session
/// of their own family time; ringing in marks a session unconfirmed when the deadline passes and a late
/// confirmation puts it back on. Each test has its own app, because each moves its clock.
/// </summary>
public abstract class SessionActionTests(Provider provider)
{
    // 9am on Monday 23 November 2026 in London (GMT, so UTC too); the sessions are on Wednesdays at 10:00.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);
    private static readonly DateOnly FirstWednesday = Today.AddDays(2);

    private sealed record Family(Guid Child, Guid Mother, Guid Arrangement, IReadOnlyList<Guid> Sessions, string Carer, string ContactWorker, string SocialWorker);

    private FamilyTimeFactory NewApp() => new(provider, clock: new FakeTimeProvider(Start));

    /// <summary>A child living with carer1's household; a mother linked to parent1; weekly supervised family time on Wednesdays that asks her to confirm 24 hours ahead.</summary>
    private static async Task<Family> ArrangeAsync(FamilyTimeFactory app, bool confirmationRequired = true)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var body = ApiInput.NewChild(household, "Ring" + Guid.NewGuid().ToString("N")[..6]);
        body["legalStatus"] = "CareOrder";
        body["inCareProceedings"] = false;
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", ApiInput.Mother("Kelly Ringin")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (venue, room) = await app.DbAsync(async db => await db.Rooms.OrderBy(r => r.Name).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());
        var contactWorker = await app.UserIdAsync("contactworker1");
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
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = room,
            ["supervisorId"] = contactWorker,
            ["reviewEveryMonths"] = 3,
            ["confirmationRequired"] = confirmationRequired,
            ["confirmHoursBefore"] = 24,
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
        var sessions = await app.DbAsync(db => db.Sessions.Where(s => s.ArrangementId == arrangementId).OrderBy(s => s.Date).Select(s => s.Id).Take(4).ToListAsync());
        return new Family(child, mother, arrangementId, sessions, await app.UserIdAsync("carer1"), contactWorker, await app.UserIdAsync("socialworker1"));
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static Task<List<OutboxMessage>> OutboxAsync(FamilyTimeFactory app, string keyPrefix) =>
        app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith(keyPrefix)).OrderBy(m => m.Key).ToListAsync());

    private static string StateUrl(Guid child, Guid session) => $"/api/v1/children/{child}/sessions/{session}/family";

    [Fact]
    public async Task No_confirmation_by_the_deadline_tells_the_carer_and_contact_worker_not_to_set_off_once_and_a_late_confirmation_reinstates_it()
    {
        var app = NewApp();
        try
        {
            var f = await ArrangeAsync(app);
            var session = f.Sessions[0];
            var parent = await app.ApiAsAsync("parent1");
            Assert.Equal("Awaiting", (await BodyAsync(await parent.GetAsync(StateUrl(f.Child, session)), HttpStatusCode.OK)).GetProperty("confirmation").GetString());

            // Tuesday 09:50: the deadline (Tuesday 10:00) has not passed.
            app.Clock!.SetUtcNow(Start.AddHours(24).AddMinutes(50));
            await app.TickAsync();
            // Only this session: the demo has family time of its own asking for confirmation, with its own deadlines.
            Assert.Empty(await OutboxAsync(app, $"ringing-in:{session}:"));

            // Tuesday 10:05: past it, with no confirmation.
            app.Clock.SetUtcNow(Start.AddHours(25).AddMinutes(5));
            await app.TickAsync();
            parent = await app.ApiAsAsync("parent1");
            var off = await OutboxAsync(app, $"ringing-in:{session}:");
            Assert.Equal(new[] { f.Carer, f.ContactWorker }.Order(), off.Select(m => m.Key.Split(':')[^1]).Order());
            Assert.All(off, m => Assert.Contains("Please do not set off", m.Body, StringComparison.Ordinal));
            Assert.Contains(off, m => m.To == "carer1@example.org");
            Assert.Contains(off, m => m.To == "contactworker1@example.org");
            Assert.Equal("Unconfirmed", (await BodyAsync(await parent.GetAsync(StateUrl(f.Child, session)), HttpStatusCode.OK)).GetProperty("confirmation").GetString());
            var task = await app.DbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Key.StartsWith($"ringing-in:{session}:")));
            Assert.Equal((TaskKind.SessionUnconfirmed, f.SocialWorker, true), (task.Kind, task.AssigneeId, task.IsOpen));
            var staffList = WebUtility.HtmlDecode(await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{f.Child}/Sessions"));
            Assert.Contains("Unconfirmed: told not to set off", staffList, StringComparison.Ordinal);

            // The sweep run twice (the next quarter, and the same job's work again) sends nothing more.
            app.Clock.SetUtcNow(Start.AddHours(25).AddMinutes(20));
            await app.TickAsync();
            Assert.Equal(2, (await OutboxAsync(app, $"ringing-in:{session}:")).Count);

            // Wednesday 08:00, before the start: a late confirmation puts it back on and tells them.
            app.Clock.SetUtcNow(Start.AddHours(47));
            parent = await app.ApiAsAsync("parent1");
            await BodyAsync(await parent.PostAsync($"{StateUrl(f.Child, session)}/confirm", null), HttpStatusCode.OK);
            var on = (await OutboxAsync(app, $"ringing-in:{session}:")).Where(m => m.Key.Contains(":on:", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { f.Carer, f.ContactWorker }.Order(), on.Select(m => m.Key.Split(':')[^1]).Order());
            Assert.All(on, m => Assert.Contains("The session is on again", m.Body, StringComparison.Ordinal));
            Assert.Equal("Reinstated", (await BodyAsync(await parent.GetAsync(StateUrl(f.Child, session)), HttpStatusCode.OK)).GetProperty("confirmation").GetString());
            Assert.False(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.Key.StartsWith($"ringing-in:{session}:") && t.DoneAt == null)));
            var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync($"/Portal/Children/{f.Child}/Sessions/{session}"));
            Assert.Contains("The session is on again", page, StringComparison.Ordinal);

            // Confirming again is harmless: nothing changes, nothing more is sent.
            var again = await BodyAsync(await parent.PostAsync($"{StateUrl(f.Child, session)}/confirm", null), HttpStatusCode.OK);
            Assert.False(again.GetProperty("changed").GetBoolean());
            Assert.Equal(4, (await OutboxAsync(app, $"ringing-in:{session}:")).Count);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_parent_confirms_says_they_are_running_late_and_cant_come_and_the_carer_and_worker_are_told_once()
    {
        var app = NewApp();
        try
        {
            var f = await ArrangeAsync(app);
            var parent = await app.ApiAsAsync("parent1");
            var (first, second) = (f.Sessions[0], f.Sessions[1]);

            // Confirming on the page, twice: the second is harmless.
            var pages = await app.PagesAsAsync("parent1");
            var url = $"/Portal/Children/{f.Child}/Sessions/{first}";
            var form = await pages.GetStringAsync(url);
            Assert.Contains("Please confirm you are coming by", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
            Assert.Contains($"/Portal/Travel/Claim?session={first}", form, StringComparison.Ordinal);
            Assert.Contains($"/Children/{f.Child}/Sessions/{first}/Feedback", form, StringComparison.Ordinal);
            Assert.Contains("Tom", form, StringComparison.Ordinal);
            Assert.DoesNotContain("Bradley", form, StringComparison.Ordinal);
            var token = FamilyTimeFactory.AntiforgeryToken(form);
            var confirmed = await pages.PostAsync(url + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync(url + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
            var shown = WebUtility.HtmlDecode(await pages.GetStringAsync(url));
            Assert.Contains("You confirmed on Monday 23 November at 09:00", shown, StringComparison.Ordinal);

            // Running late on the day: the carer and the worker hear it; the same again sends nothing; the latest wins.
            app.Clock!.SetUtcNow(Start.AddHours(48).AddMinutes(40));
            (parent, pages) = (await app.ApiAsAsync("parent1"), await app.PagesAsAsync("parent1"));
            await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, first)}/running-late", new { minutes = 15 }), HttpStatusCode.OK);
            await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, first)}/running-late", new { minutes = 15 }), HttpStatusCode.OK);
            var late = await OutboxAsync(app, $"running-late:{first}:");
            Assert.Equal(new[] { f.Carer, f.ContactWorker }.Order(), late.Select(m => m.Key.Split(':')[^1]).Order());
            Assert.All(late, m => Assert.Contains("running about 15 minutes late", m.Body, StringComparison.Ordinal));
            Assert.Contains("We have told the carer you are running 15 minutes late", WebUtility.HtmlDecode(await pages.GetStringAsync(url)), StringComparison.Ordinal);
            await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, first)}/running-late", new { minutes = 30 }), HttpStatusCode.OK);
            Assert.Equal(4, (await OutboxAsync(app, $"running-late:{first}:")).Count);
            Assert.Equal(30, (await BodyAsync(await parent.GetAsync(StateUrl(f.Child, first)), HttpStatusCode.OK)).GetProperty("runningLateMinutes").GetInt32());

            // Bad input is a clear 400, never a 500.
            var tooLate = await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, first)}/running-late", new { minutes = 500 }), HttpStatusCode.BadRequest);
            Assert.True(tooLate.GetProperty("errors").TryGetProperty("runningLateMinutes", out _));
            Assert.Equal(HttpStatusCode.BadRequest, (await parent.PostAsync($"{StateUrl(f.Child, first)}/running-late", new StringContent("{\"minutes\":\"soon\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await parent.PostAsJsonAsync($"{StateUrl(f.Child, second)}/cant-come", new { reason = " " })).StatusCode);

            // "I can't come" to the next one: cancelled by the parent, the carer and the worker told not to set off.
            await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, second)}/cant-come", new { reason = "I have a hospital appointment" }), HttpStatusCode.OK);
            var status = await app.DbAsync(db => db.Sessions.Where(s => s.Id == second).Select(s => new { s.Status, s.OutcomeReason }).SingleAsync());
            Assert.Equal((SessionStatus.CancelledByParent, "I have a hospital appointment"), (status.Status, status.OutcomeReason));
            var cancelled = await OutboxAsync(app, $"cant-come:{second}:");
            Assert.Equal(new[] { f.Carer, f.ContactWorker }.Order(), cancelled.Select(m => m.Key.Split(':')[^1]).Order());
            Assert.All(cancelled, m => Assert.Contains("There is no need to set off", m.Body, StringComparison.Ordinal));
            Assert.All(cancelled, m => Assert.DoesNotContain("hospital", m.Body, StringComparison.Ordinal));
            Assert.Contains("You let us know you can’t come", WebUtility.HtmlDecode(await pages.GetStringAsync($"/Portal/Children/{f.Child}/Sessions/{second}")), StringComparison.Ordinal);

            // A cancelled session cannot be confirmed: a clear message, not a change.
            var refused = await BodyAsync(await parent.PostAsync($"{StateUrl(f.Child, second)}/confirm", null), HttpStatusCode.BadRequest);
            Assert.Contains("not going ahead", refused.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);

            // After it has started, the first session can no longer be confirmed or cancelled.
            app.Clock.SetUtcNow(Start.AddHours(49).AddMinutes(5));
            parent = await app.ApiAsAsync("parent1");
            var over = await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, first)}/cant-come", new { reason = "Sorry" }), HttpStatusCode.BadRequest);
            Assert.Contains("already started", over.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_parent_asks_to_move_a_session_and_the_social_worker_approves_or_refuses_with_the_notice_given_recorded()
    {
        var app = NewApp();
        try
        {
            var f = await ArrangeAsync(app, confirmationRequired: false);
            var parent = await app.ApiAsAsync("parent1");
            var staff = await app.ApiAsAsync("socialworker1");
            var (moving, staying) = (f.Sessions[1], f.Sessions[2]);
            var friday = Today.AddDays(11);
            var ask = new { proposedDate = friday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), proposedFrom = "13:00", proposedTo = "15:00", reason = "I start a new job that week" };
            var request = (await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, moving)}/rearrange", ask), HttpStatusCode.Created)).GetProperty("id").GetGuid();

            // A retried request makes no second one.
            var twice = await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, moving)}/rearrange", ask), HttpStatusCode.BadRequest);
            Assert.Contains("already asked", twice.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(1, await app.DbAsync(db => db.RearrangeRequests.CountAsync(r => r.SessionId == moving)));
            var task = await app.DbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Key == $"rearrange:{request}"));
            Assert.Equal((TaskKind.RearrangeRequest, f.SocialWorker, $"/Children/{f.Child}/Sessions/{moving}/Rearrange/{request}"), (task.Kind, task.AssigneeId, task.Link));
            var staffPage = WebUtility.HtmlDecode(await (await app.PagesAsAsync("socialworker1")).GetStringAsync(task.Link));
            Assert.Contains("I start a new job that week", staffPage, StringComparison.Ordinal);
            Assert.Contains("9 days before the session", staffPage, StringComparison.Ordinal);
            // Bad dates and times are a clear 400.
            Assert.Equal(HttpStatusCode.BadRequest, (await parent.PostAsJsonAsync($"{StateUrl(f.Child, staying)}/rearrange", new { proposedDate = "2026-11-24", proposedFrom = "25:00", proposedTo = "nine", reason = "x" })).StatusCode);

            var decision = $"/api/v1/children/{f.Child}/sessions/{moving}/rearrangements/{request}";
            var found = await BodyAsync(await staff.GetAsync(decision), HttpStatusCode.OK);
            Assert.Equal(9, found.GetProperty("noticeDays").GetInt32());
            var version = found.GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"{decision}/approve", new { version = version + 1 })).StatusCode);
            // A parent cannot decide their own request (a staff route: not found for a portal user).
            Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsJsonAsync($"{decision}/approve", new { version })).StatusCode);
            var approved = await BodyAsync(await staff.PostAsJsonAsync($"{decision}/approve", new { start = "14:00", version }), HttpStatusCode.OK);
            Assert.Equal("Approved", approved.GetProperty("status").GetString());
            var moved = await app.DbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == moving));
            Assert.Equal((friday, new TimeOnly(14, 0)), (moved.Date, moved.StartTime));
            Assert.False(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.Key == $"rearrange:{request}" && t.DoneAt == null)));
            var told = await OutboxAsync(app, $"rearrange:{request}:");
            Assert.Contains(told, m => m.Key.EndsWith($":moved:{f.Carer}", StringComparison.Ordinal));
            Assert.Contains(told, m => m.Key.EndsWith($":moved:{f.ContactWorker}", StringComparison.Ordinal));
            Assert.Contains(told, m => m.Key.EndsWith(":family", StringComparison.Ordinal) && m.To == "parent1@example.org");
            Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"{decision}/refuse", new { reason = "Too late" })).StatusCode);

            // Refused: the family reads why, with where the child lives taken out of the worker's words.
            var second = (await BodyAsync(await parent.PostAsJsonAsync($"{StateUrl(f.Child, staying)}/rearrange", ask), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            var postcode = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == f.Child && p.EndDate == null)
                .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (_, h) => h.Postcode).FirstAsync());
            var refuse = $"/api/v1/children/{f.Child}/sessions/{staying}/rearrangements/{second}/refuse";
            Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(refuse, new { reason = " " })).StatusCode);
            await BodyAsync(await staff.PostAsJsonAsync(refuse, new { reason = $"The carers cannot bring the child from {postcode} that day." }), HttpStatusCode.OK);
            var letter = Assert.Single(await OutboxAsync(app, $"rearrange:{second}:"));
            Assert.Contains("The carers cannot bring the child from", letter.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(postcode, letter.Body, StringComparison.OrdinalIgnoreCase);
            var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync($"/Portal/Children/{f.Child}/Sessions/{staying}"));
            Assert.Contains("Your social worker could not move this session", page, StringComparison.Ordinal);
            Assert.DoesNotContain(postcode, page, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_parent_cannot_see_or_act_on_a_session_that_is_not_of_their_own_family_time()
    {
        var app = NewApp();
        try
        {
            var f = await ArrangeAsync(app);
            var parent = await app.ApiAsAsync("parent1");
            var staff = await app.ApiAsAsync("socialworker1");
            // A one-off session of the same child, not of the mother's arrangement: not hers to see or act on.
            // A room free all that day: room names repeat across venues, so the first by name may be booked at 15:00.
            var date = Today.AddDays(3);
            var (venue, room) = await app.DbAsync(async db => await db.Rooms
                .Where(r => !db.Sessions.Any(s => s.RoomId == r.Id && s.Date == date))
                .OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());
            var oneOff = (await BodyAsync(await staff.PostAsJsonAsync($"/api/v1/children/{f.Child}/sessions", new
            {
                date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = "15:00", durationMinutes = 60, venueId = venue, roomId = room,
            }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(StateUrl(f.Child, oneOff))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsync($"{StateUrl(f.Child, oneOff)}/confirm", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("parent1")).GetAsync($"/Portal/Children/{f.Child}/Sessions/{oneOff}")).StatusCode);
            // Nor a session of her own arrangement asked for under another child's address.
            var other = await app.DbAsync(db => db.Children.Where(c => c.Id != f.Child).Select(c => c.Id).FirstAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsync($"{StateUrl(other, f.Sessions[0])}/confirm", null)).StatusCode);
            Assert.Equal(0, await app.DbAsync(db => db.Sessions.CountAsync(s => (s.Id == oneOff || s.Id == f.Sessions[0]) && s.ConfirmedAt != null)));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The parent's session page has its own SQL budget, like every portal page (SqlCommandCountTests).</summary>
    [Fact]
    public async Task The_parents_session_page_sends_no_more_SQL_commands_than_its_budget()
    {
        const int Budget = 16;
        var app = NewApp();
        try
        {
            var f = await ArrangeAsync(app);
            var counted = await SqlCount.OfAsync(app, await app.PagesAsAsync("parent1"), $"/Portal/Children/{f.Child}/Sessions/{f.Sessions[0]}");
            Assert.Equal(HttpStatusCode.OK, counted.Status);
            Assert.True(counted.Count <= Budget, $"{counted.Count} SQL commands:\n" + string.Join("\n", counted.Lines()));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

[Collection("sqlite")]
public sealed class SessionActionTestsOnSqlite() : SessionActionTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class SessionActionTestsOnPostgres() : SessionActionTests(Provider.Postgres);
