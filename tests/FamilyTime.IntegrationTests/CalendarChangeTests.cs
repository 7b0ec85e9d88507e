using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Calendars that behave (issue 11, item 8): when an arrangement changes or a session is cancelled, a parent's
/// calendar keeps each event (the same UID), sees a higher SEQUENCE on what changed, and sees cancelled sessions
/// as cancelled instead of losing them; the feed answers its ETag with 304. The feeds are read with node-ical.
/// Each test makes its own child, with an agreed weekly arrangement with a mother whose account is parent1's.
/// </summary>
public abstract partial class CalendarChangeTests(FamilyTimeFactory app)
{
    private DateOnly Today => LondonTime.Today(app.Clock);

    private sealed record Setup(HttpClient Worker, Guid Child, Guid Arrangement, Dictionary<string, object?> Body, string Feed, HttpClient CalendarApp);

    [Fact]
    public async Task A_calendar_app_keeps_every_event_through_an_arrangement_change_and_a_cancellation_with_a_higher_sequence_read_by_node_ical()
    {
        var s = await SetUpAsync();
        var before = await NodeIcal.ParseAsync(await FetchAsync(s));
        var ours = await SessionIdsAsync(s.Child);
        var first = before.Where(e => ours.Contains(e.Uid)).ToDictionary(e => e.Uid);
        Assert.True(first.Count > 40, $"the parent's feed holds {first.Count} of the child's sessions");
        Assert.All(first.Values, e => Assert.Equal(("CONFIRMED", 0), (e.Status, e.Sequence)));
        Assert.All(first.Values, e => Assert.NotNull(e.LastModified));

        // A minor change: a later start and a first date three weeks on. The first three Fridays leave the plan.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var firstDate = Today.AddDays(1).AddDays(21);
        await ChangeArrangementAsync(s, new() { ["startTime"] = "16:30", ["firstDate"] = Iso(firstDate) });
        // And one session is cancelled by the service.
        var cancelled = await app.DbAsync(db => db.Sessions.AsNoTracking()
            .Where(x => x.ArrangementId == s.Arrangement && x.Status == SessionStatus.Planned).OrderBy(x => x.Date).Skip(2).Select(x => x.Id).FirstAsync());
        await BodyAsync(await (await WorkerAsync()).PostAsJsonAsync($"/api/v1/children/{s.Child}/sessions/{cancelled}/close",
            new { outcome = "CancelledByAuthority", reason = "Nobody could supervise.", cancellationReason = "WorkerUnavailable" }), HttpStatusCode.NoContent);

        var after = (await NodeIcal.ParseAsync(await FetchAsync(s))).Where(e => ours.Contains(e.Uid) || first.ContainsKey(e.Uid)).ToDictionary(e => e.Uid);

        // The same UIDs: nothing lost, nothing duplicated.
        Assert.Equal(first.Keys.Order(), after.Keys.Where(first.ContainsKey).Order());
        Assert.Empty(after.Keys.Except(first.Keys).Except(await SessionIdsAsync(s.Child)));
        var changedAt = app.Clock.GetUtcNow().UtcDateTime;
        foreach (var (uid, e) in after.Where(e => first.ContainsKey(e.Key)))
        {
            Assert.True(e.Sequence > first[uid].Sequence, $"{uid}: SEQUENCE {e.Sequence} is not higher than {first[uid].Sequence}");
            Assert.True(e.LastModified > first[uid].LastModified, $"{uid}: LAST-MODIFIED did not move");
            Assert.Equal(changedAt, e.LastModified);
        }
        var withdrawn = after.Values.Where(e => e.Start < TimeZoneInfo.ConvertTimeToUtc(firstDate.ToDateTime(TimeOnly.MinValue), London)).ToList();
        Assert.Equal(3, withdrawn.Count);
        Assert.All(withdrawn, e => Assert.Equal("CANCELLED", e.Status));
        Assert.Equal("CANCELLED", after[cancelled.ToString()].Status);
        Assert.StartsWith("Cancelled: ", after[cancelled.ToString()].Summary, StringComparison.Ordinal);
        var stillOn = after.Values.Where(e => e.Status == "CONFIRMED").ToList();
        Assert.NotEmpty(stillOn);
        Assert.All(stillOn, e => Assert.Equal(new TimeOnly(16, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.Start!.Value, London))));
    }

    [Fact]
    public async Task The_feed_answers_304_to_its_own_ETag_and_carries_a_new_ETag_after_any_change()
    {
        var s = await SetUpAsync();
        var first = await s.CalendarApp.GetAsync(s.Feed);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.Private, "the feed is private: no shared cache may keep it");
        Assert.True(first.Headers.CacheControl?.NoCache, "the calendar app must ask again, with the ETag");
        Assert.False(first.Headers.CacheControl?.Public ?? false);

        var same = await ConditionalAsync(s, etag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, same.Headers.ETag);
        // Fetching again later the same day, with nothing changed, gives the same tag.
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(s, etag.Tag)).StatusCode);

        await ChangeArrangementAsync(s, new() { ["durationMinutes"] = 120 });
        var changed = await ConditionalAsync(s, etag.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.StartsWith("BEGIN:VCALENDAR", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_raises_its_sequence_once_for_each_saved_change_a_calendar_shows_and_never_for_others()
    {
        var s = await SetUpAsync();
        var id = await app.DbAsync(db => db.Sessions.Where(x => x.ArrangementId == s.Arrangement).OrderBy(x => x.Date).Select(x => x.Id).FirstAsync());
        var made = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal((0, made), await StampAsync(id));

        // Two fields in one save are one change.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SaveAsync(id, x => x.Reschedule(new SessionSlot(x.Date.AddDays(1), new TimeOnly(17, 0), x.DurationMinutes, x.VenueId, x.RoomId, x.SupervisorId)));
        var moved = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal((1, moved), await StampAsync(id));

        // Written about, nothing a calendar shows has changed: no new sequence.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SaveAsync(id, x => x.MarkRecorded(app.Clock.GetUtcNow().UtcDateTime, SessionStatus.Planned));
        Assert.Equal((1, moved), await StampAsync(id));

        // A cancellation is a change.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SaveAsync(id, x => Assert.True(x.Close(new SessionClosing(SessionStatus.CancelledByCarer, "The car broke down"), SessionRules.NoRecordNeeded, "someone", app.Clock.GetUtcNow().UtcDateTime, Today).IsValid));
        Assert.Equal((2, app.Clock.GetUtcNow().UtcDateTime), await StampAsync(id));
    }

    [Fact]
    public async Task A_session_the_plan_withdrew_is_kept_out_of_the_staff_list_and_stays_in_the_feed_as_cancelled_for_30_days()
    {
        var s = await SetUpAsync();
        await ChangeArrangementAsync(s, new() { ["firstDate"] = Iso(Today.AddDays(1).AddDays(14)) });
        var withdrawn = await app.DbAsync(db => db.Sessions.AsNoTracking().Where(x => x.ArrangementId == s.Arrangement && x.Status == SessionStatus.PlanChanged).ToListAsync());
        Assert.Equal(2, withdrawn.Count);
        Assert.All(withdrawn, w => Assert.Equal(SessionPlanner.PlanChangedReason, w.OutcomeReason));

        var list = await BodyAsync(await s.Worker.GetAsync($"/api/v1/children/{s.Child}/sessions"), HttpStatusCode.OK);
        var listed = list.GetProperty("sessions").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(withdrawn[0].Id, listed);
        Assert.NotEmpty(listed);

        var feed = await NodeIcal.ParseAsync(await FetchAsync(s));
        Assert.All(withdrawn, w => Assert.Equal("CANCELLED", feed.Single(e => e.Uid == w.Id.ToString()).Status));

        // 30 days after the later of its cancellation and its date, it leaves the feed.
        app.Clock.Advance(TimeSpan.FromDays(14 + 31));
        var later = await NodeIcal.ParseAsync(await FetchAsync(s));
        Assert.All(withdrawn, w => Assert.DoesNotContain(later, e => e.Uid == w.Id.ToString()));
    }

    // ---- helpers ----

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Setup> SetUpAsync()
    {
        var worker = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var child = ApiInput.NewChild(household, "Cal" + Guid.NewGuid().ToString("N")[..6]);
        child["legalStatus"] = "CareOrder";
        child["inCareProceedings"] = false;
        var childId = (await BodyAsync(await worker.PostAsJsonAsync("/api/v1/children", child), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = (await BodyAsync(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/people", ApiInput.Mother("Cass Calendar")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var parent1 = await app.UserIdAsync("parent1");
        await app.DbAsync(async db =>
        {
            (await db.SignificantPeople.SingleAsync(p => p.Id == mother)).LinkPortalAccount(parent1);
            return await db.SaveChangesAsync();
        });
        var (venue, room) = await app.DbAsync(async db => await db.Rooms.OrderBy(r => r.Name).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());
        var body = ArrangementMusts.With(new Dictionary<string, object?>
        {
            ["personIds"] = new[] { mother },
            ["purposes"] = new[] { "Attachment" },
            ["type"] = "Facilitated",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { "Saturday" },
            ["firstDate"] = Iso(Today.AddDays(1)),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = room,
            ["reviewEveryMonths"] = 3,
        }, Today);
        var arrangement = (await BodyAsync(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await worker.PostAsync($"/api/v1/children/{childId}/plan/agree", null), HttpStatusCode.OK);
        var feed = await MakeAddressAsync(await app.PagesAsAsync("parent1"));
        return new Setup(worker, childId, arrangement, body, feed, app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
    }

    private async Task ChangeArrangementAsync(Setup s, Dictionary<string, object?> changes)
    {
        s.Body["version"] = await app.DbAsync(db => db.Arrangements.Where(a => a.Id == s.Arrangement).Select(a => a.Version).FirstAsync());
        s.Body["change"] = new { reason = "Mum has started a new job." };
        foreach (var (k, v) in changes)
        {
            s.Body[k] = v;
        }
        var saved = await BodyAsync(await (await WorkerAsync()).PutAsJsonAsync($"/api/v1/children/{s.Child}/plan/arrangements/{s.Arrangement}", s.Body), HttpStatusCode.OK);
        Assert.False(saved.TryGetProperty("proposalId", out var p) && p.ValueKind != JsonValueKind.Null, "the change went to the IRO instead of being made");
    }

    /// <summary>
    /// The social worker signed in now: access tokens last 10 minutes on the app's clock, and these tests move the
    /// clock on, so the worker signs in again as a real client would refresh.
    /// </summary>
    private Task<HttpClient> WorkerAsync() => app.ApiAsAsync("socialworker1");

    private static async Task<string> FetchAsync(Setup s)
    {
        var answer = await s.CalendarApp.GetAsync(s.Feed);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ConditionalAsync(Setup s, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, s.Feed);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await s.CalendarApp.SendAsync(request);
    }

    private Task<HashSet<string>> SessionIdsAsync(Guid child) =>
        app.DbAsync(async db => (await db.Sessions.Where(x => x.ChildId == child).Select(x => x.Id).ToListAsync()).Select(x => x.ToString()).ToHashSet());

    private Task<(int, DateTime)> StampAsync(Guid id) =>
        app.DbAsync(db => db.Sessions.AsNoTracking().Where(x => x.Id == id).Select(x => new ValueTuple<int, DateTime>(x.Sequence, x.LastModified)).FirstAsync());

    private Task<int> SaveAsync(Guid id, Action<FamilyTimeSession> change) =>
        app.DbAsync(async db =>
        {
            change(await db.Sessions.SingleAsync(x => x.Id == id));
            return await db.SaveChangesAsync();
        });

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Presses "make my calendar address" and reads the address back off the page, as the person would.</summary>
    private static async Task<string> MakeAddressAsync(HttpClient pages)
    {
        var form = await pages.GetStringAsync("/Account/Security");
        var made = await pages.PostAsync("/Calendar?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var https = AddressPattern().Match(WebUtility.HtmlDecode(await made.Content.ReadAsStringAsync()));
        Assert.True(https.Success, "the page shows no calendar address");
        return $"/calendar/{https.Groups[1].Value}.ics";
    }

    [GeneratedRegex(@"http://localhost/calendar/([A-Za-z0-9_-]{43})\.ics")]
    private static partial Regex AddressPattern();
}

[Collection("sqlite")]
public sealed class CalendarChangeTestsOnSqlite(SqliteApp app) : CalendarChangeTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CalendarChangeTestsOnPostgres(PostgresApp app) : CalendarChangeTests(app.Factory), IClassFixture<PostgresApp>;
