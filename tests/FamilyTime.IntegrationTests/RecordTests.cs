using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Session records through the API: submitting, the inbox, sharing with a parent with third parties taken out,
/// the first view stamped, replies that never alter the record, and closing sessions off.
/// </summary>
public abstract class RecordTests(FamilyTimeFactory app)
{
    /// <summary>Today in England by the app's clock.</summary>
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private sealed record Setup(Guid ChildId, Guid SessionId, string MotherName, string OtherPersonName, string CarersName, string CarersPostcode, string Supervisor);

    /// <summary>A past, unrecorded session of parent1 with their child, supervised by contactworker1 (from the demo service).</summary>
    private Task<Setup> SessionWithParent1Async() => app.DbAsync(async db =>
    {
        var parent1 = await db.Users.Where(u => u.UserName == "parent1").Select(u => u.Id).FirstAsync();
        var worker = await db.Users.Where(u => u.UserName == "contactworker1").Select(u => new { u.Id, u.DisplayName }).FirstAsync();
        var mothers = await db.SignificantPeople.Where(p => p.PortalUserId == parent1).ToListAsync();
        var arrangements = await db.Arrangements.AsNoTracking().ToListAsync();
        var mine = arrangements.Where(a => a.PersonIds.Any(id => mothers.Any(m => m.Id == id))).Select(a => a.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ArrangementId != null && mine.Contains(s.ArrangementId.Value) && s.SupervisorId == worker.Id && s.Date < Today
                && s.Status == SessionStatus.Planned && !db.ContactRecords.Any(r => r.SessionId == s.Id))
            .OrderByDescending(s => s.Date).ToListAsync();
        var session = sessions.First();
        var mother = mothers.First(m => m.ChildId == session.ChildId);
        var other = await db.SignificantPeople.Where(p => p.ChildId == session.ChildId && p.Id != mother.Id).Select(p => p.FullName).FirstAsync();
        var home = await db.Placements.Where(p => p.ChildId == session.ChildId && p.EndDate == null)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Postcode }).FirstAsync();
        return new Setup(session.ChildId, session.Id, mother.FullName, other, home.Name, home.Postcode, worker.DisplayName);
    });

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_shared_record_shows_the_parent_no_third_party_is_stamped_once_and_a_reply_never_alters_it()
    {
        var s = await SessionWithParent1Async();
        var worker = await app.ApiAsAsync("contactworker1");
        var motherFirst = s.MotherName.Split(' ')[0];
        var interaction = $"{motherFirst} arrived with {s.OtherPersonName}. {s.Supervisor} sat nearby. The child said the {s.CarersName} family had made a cake. " +
                          $"{motherFirst} wrote her number 07700 900123 and asked about {s.CarersPostcode}.";
        var url = $"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/record";
        var submitted = await BodyAsync(await worker.PostAsJsonAsync(url, new
        {
            startedAt = "10:00", endedAt = "11:00", whoAttended = $"{motherFirst} and {s.Supervisor}", interaction,
            positives = $"{motherFirst} praised the child's drawing.", analysis = "My view: the attachment looks secure.", assessedWarmth = "Warm greeting.",
        }), HttpStatusCode.Created);
        var recordId = submitted.GetProperty("id").GetGuid();

        // Not shared yet: the parent cannot open it.
        var parent = await app.ApiAsAsync("parent1");
        await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.NotFound);

        // It waits in the social worker's inbox until read.
        var sw = await app.PagesAsAsync("socialworker1");
        Assert.Contains($"/Children/{s.ChildId}/Sessions/{s.SessionId}", await sw.GetStringAsync("/Inbox"), StringComparison.Ordinal);
        var swApi = await app.ApiAsAsync("socialworker1");
        await BodyAsync(await swApi.PostAsync(url + "/acknowledge", null), HttpStatusCode.NoContent);
        await BodyAsync(await swApi.PostAsJsonAsync(url + "/share", new { version = 1 }), HttpStatusCode.NoContent);

        var opened = await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        var shown = opened.GetRawText();
        var text = opened.GetProperty("interaction").GetString()!;
        Assert.Contains(motherFirst, text, StringComparison.Ordinal);
        foreach (var secret in new[] { s.OtherPersonName, s.Supervisor, s.CarersName, s.CarersPostcode, "07700 900123", "My view" })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(Redactor.Removed, text, StringComparison.Ordinal);
        var firstView = opened.GetProperty("firstViewedAt").GetDateTime();
        var again = await BodyAsync(await parent.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        Assert.Equal(firstView, again.GetProperty("firstViewedAt").GetDateTime());
        Assert.Equal(firstView, (await app.DbAsync(db => db.ContactRecords.Where(r => r.Id == recordId).Select(r => r.ParentFirstViewedAt).FirstAsync()))!.Value, TimeSpan.FromMilliseconds(1));

        // The reply sits beside the record; the record's words do not change.
        var before = await app.DbAsync(db => db.RecordVersions.AsNoTracking().Where(v => v.RecordId == recordId).ToListAsync());
        await BodyAsync(await parent.PostAsJsonAsync($"/api/v1/portal/records/{recordId}/replies", new { text = "I was not late, the bus was. Please add that." }), HttpStatusCode.Created);
        await BodyAsync(await parent.PostAsJsonAsync($"/api/v1/portal/records/{recordId}/replies", new { text = "  " }), HttpStatusCode.BadRequest);
        var after = await app.DbAsync(db => db.RecordVersions.AsNoTracking().Where(v => v.RecordId == recordId).ToListAsync());
        Assert.Single(after);
        Assert.Equal(before.Single().Interaction, after.Single().Interaction);
        Assert.Equal(interaction, after.Single().Interaction);
        var record = await BodyAsync(await swApi.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("I was not late, the bus was. Please add that.", record.GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Single(record.GetProperty("versions").EnumerateArray());

        // Someone who is not a parent in this session never reaches it.
        var carer = await app.ApiAsAsync("carer1");
        await BodyAsync(await carer.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_correction_is_a_new_version_and_a_stale_one_is_refused()
    {
        var s = await SessionWithParent1Async();
        var worker = await app.ApiAsAsync("contactworker1");
        var url = $"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/record";
        await BodyAsync(await worker.PostAsJsonAsync(url, new { startedAt = "10:00", endedAt = "10:30", whoAttended = "Mum", interaction = "First account.", endedEarly = true }), HttpStatusCode.BadRequest);
        await BodyAsync(await worker.PostAsJsonAsync(url, new { startedAt = "10:00", endedAt = "10:30", whoAttended = "Mum", interaction = "First account.", endedEarly = true, endedEarlyReason = "The child was upset.", assessedWarmth = "Warm greeting." }), HttpStatusCode.Created);
        await BodyAsync(await worker.PostAsJsonAsync(url, new { startedAt = "10:00", endedAt = "10:30", whoAttended = "Mum", interaction = "Again." }), HttpStatusCode.BadRequest);
        Assert.Equal(SessionStatus.EndedEarly, await app.DbAsync(db => db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.Status).FirstAsync()));

        var version = await app.DbAsync(db => db.ContactRecords.Where(r => r.SessionId == s.SessionId).Select(r => r.Version).FirstAsync());
        var correction = new { startedAt = "10:00", endedAt = "10:30", whoAttended = "Mum", interaction = "Second account.", endedEarly = true, endedEarlyReason = "The child was upset.", assessedWarmth = "Warm greeting.", correctionReason = "Wrong order of events.", version };
        await BodyAsync(await worker.PostAsJsonAsync(url + "/corrections", correction), HttpStatusCode.OK);
        await BodyAsync(await worker.PostAsJsonAsync(url + "/corrections", correction), HttpStatusCode.Conflict);
        var versions = await app.DbAsync(db => db.RecordVersions.AsNoTracking().Where(v => db.ContactRecords.Any(r => r.Id == v.RecordId && r.SessionId == s.SessionId)).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(["First account.", "Second account."], versions.Select(v => v.Interaction));
        Assert.Equal([null, "Wrong order of events."], versions.Select(v => v.CorrectionReason));

        // The parent's own social worker is not the one who writes it; a carer can neither read nor write it.
        var carer = await app.ApiAsAsync("carer1");
        Assert.NotEqual(HttpStatusCode.OK, (await carer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_carer_records_an_observation_through_the_api_once_per_moment()
    {
        var (childId, sessionId) = await app.DbAsync(async db =>
        {
            var household = await db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId).FirstAsync();
            var children = await db.Placements.Where(p => p.EndDate == null && p.CarerHouseholdId == household).Select(p => p.ChildId).ToListAsync();
            // Changed with the carer portal (issue 11): only a session that took place has a before and after.
            var session = await db.Sessions.Where(x => children.Contains(x.ChildId) && x.Date < Today && !db.CarerObservations.Any(o => o.SessionId == x.Id)
                    && (x.Status == FamilyTime.Domain.Sessions.SessionStatus.TookPlace || x.Status == FamilyTime.Domain.Sessions.SessionStatus.EndedEarly))
                .OrderByDescending(x => x.Date).FirstAsync();
            return (session.ChildId, session.Id);
        });
        var carer = await app.ApiAsAsync("carer1");
        var url = $"/api/v1/children/{childId}/sessions/{sessionId}/observations";
        var body = new { moment = "After", sleep = 4, eating = 2, mood = 3, regression = 1, aggression = 1, withdrawal = 2, school = 1, words = "Woke twice in the night." };
        await BodyAsync(await carer.PostAsJsonAsync(url, body), HttpStatusCode.Created);
        var twice = await BodyAsync(await carer.PostAsJsonAsync(url, body), HttpStatusCode.BadRequest);
        Assert.Contains("already been recorded", twice.GetRawText(), StringComparison.Ordinal);
        await BodyAsync(await carer.PostAsJsonAsync(url, new { moment = "During", sleep = 1 }), HttpStatusCode.BadRequest);
        var stored = await app.DbAsync(db => db.CarerObservations.AsNoTracking().SingleAsync(o => o.SessionId == sessionId));
        Assert.Equal((ObservationMoment.After, 4, "Woke twice in the night."), (stored.Moment, stored.Sleep, stored.Words));
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"/api/v1/children/{childId}/wellbeing")).StatusCode);
        var parent = await app.ApiAsAsync("parent1");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsJsonAsync(url, body)).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_closed_off_with_what_happened_and_why()
    {
        var s = await SessionWithParent1Async();
        var sw = await app.ApiAsAsync("socialworker1");
        var url = $"/api/v1/children/{s.ChildId}/sessions/{s.SessionId}/close";
        var noReason = await BodyAsync(await sw.PostAsJsonAsync(url, new { outcome = "CancelledByParent" }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("outcomeReason", out _));
        await BodyAsync(await sw.PostAsJsonAsync(url, new { outcome = "Planned" }), HttpStatusCode.BadRequest);
        await BodyAsync(await sw.PostAsJsonAsync(url, new { outcome = "CancelledByParent", reason = "Mum was unwell and phoned ahead." }), HttpStatusCode.NoContent);
        var closed = await app.DbAsync(db => db.Sessions.AsNoTracking().FirstAsync(x => x.Id == s.SessionId));
        Assert.Equal(SessionStatus.CancelledByParent, closed.Status);
        Assert.Equal("Mum was unwell and phoned ahead.", closed.OutcomeReason);
        Assert.False(closed.IsOverdue(Today));

        var future = await app.DbAsync(db => db.Sessions.Where(x => x.ChildId == s.ChildId && x.Date > Today).Select(x => x.Id).FirstAsync());
        var early = await BodyAsync(await sw.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{future}/close", new { outcome = "TookPlace" }), HttpStatusCode.BadRequest);
        Assert.Contains("can be closed as happened from that day", early.GetRawText(), StringComparison.Ordinal);
        // The supervisor writes the record but does not close sessions off: that is the social worker's.
        var theirs = await app.DbAsync(db => db.Sessions.Where(x => x.ChildId == s.ChildId && x.Date > Today && x.SupervisorId != null
            && db.Users.Any(u => u.Id == x.SupervisorId && u.UserName == "contactworker1")).Select(x => x.Id).FirstAsync());
        var worker = await app.ApiAsAsync("contactworker1");
        await BodyAsync(await worker.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{theirs}/close", new { outcome = "CancelledByAuthority", reason = "x" }), HttpStatusCode.Forbidden);
    }
}

[Collection("sqlite")]
public sealed class RecordTestsOnSqlite(SqliteApp app) : RecordTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class RecordTestsOnPostgres(PostgresApp app) : RecordTests(app.Factory), IClassFixture<PostgresApp>;
