using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The social worker's analysis over HTTP: nine past Mondays with Mum laid out in the database (five attended, two
/// late, one ended early, a cancellation by each side, one missed), the summary counted through the API and the
/// page, an assessment saved through the page, and its court PDF read back; those without the case get 404.
/// </summary>
public abstract class AnalysisTests(FamilyTimeFactory app)
{
    private const string Mum = "Rhian Analysis";
    /// <summary>Today in England by the app's clock.</summary>
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);
    private DateOnly From => Today.AddDays(-70);

    private const string Headline = "5 of 9 sessions attended, 2 late, 1 ended early, 1 cancelled by Rhian Analysis, 1 cancelled by the carer, "
        + "1 cancelled by the local authority, 1 where Rhian Analysis wasn't able to attend";

    private sealed record Laid(Guid Child, Guid Mum, Guid OutsideSession, List<Guid> Sessions, Guid CorrectedRecord);

    /// <summary>A new child of socialworker1 with Mum's supervised arrangement and its history written straight into the database.</summary>
    private async Task<Laid> LayOutAsync()
    {
        var api = await app.ApiAsAsync("socialworker1");
        // Ava lives with carer1's household, so the carer reaches her record (and still not the analysis).
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).FirstAsync());
        var body = ApiInput.NewChild(household, "Ava");
        body["legalStatusStartDate"] = Today.AddDays(-120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        ((Dictionary<string, object?>)body["placement"]!)["startDate"] = Today.AddDays(-120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await api.PostAsJsonAsync("/api/v1/children", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var child = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var person = await api.PostAsJsonAsync($"/api/v1/children/{child}/people", ApiInput.Mother(Mum));
        var mum = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var room = await app.DbAsync(db => db.Rooms.OrderBy(r => r.Name).Select(r => new { r.VenueId, r.Id }).FirstAsync());
        var arrangement = await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", new Dictionary<string, object?>
        {
            ["personIds"] = new[] { mum }, ["purposes"] = new[] { "ParentingAssessment" }, ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time.", ["form"] = "FaceToFace", ["frequency"] = "Weekly",
            ["days"] = new[] { "Monday" }, ["firstDate"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["startTime"] = "10:00", ["durationMinutes"] = 90,
            ["venueId"] = room.VenueId, ["roomId"] = room.Id, ["reviewEveryMonths"] = 3, ["whatEndsSession"] = "Talking about the court case",
            ["childsWishes"] = ArrangementMusts.Wishes, ["routeToLessSupervision"] = ArrangementMusts.Route, ["routeToLessSupervisionBy"] = Today.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(arrangement.StatusCode == HttpStatusCode.Created, await arrangement.Content.ReadAsStringAsync());
        var arrangementId = (await arrangement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var worker = await app.UserIdAsync("socialworker1");
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var by = new Signature("cw-analysis", "Tom Bradley", at);

        return await app.DbAsync(async db =>
        {
            var sessions = new List<Guid>();
            FamilyTimeSession Add(DateOnly date, SessionStatus status, string? reason)
            {
                var s = new FamilyTimeSession(child, arrangementId, new SessionSlot(date, new TimeOnly(10, 0), 90, room.VenueId, room.Id, null), worker);
                Assert.True(s.Close(status, reason, worker, at, Today).IsValid);
                db.Sessions.Add(s);
                return s;
            }
            ContactRecord Record(FamilyTimeSession s, string arrived, string positives, string? concerns = null, string? endedEarly = null)
            {
                var (record, errors) = ContactRecord.Submit(s.Id, child, worker, assessed: false, new RecordContent
                {
                    AgeBand = AgeBand.PrimaryAge, ParentArrivedAt = TimeOnly.Parse(arrived, System.Globalization.CultureInfo.InvariantCulture),
                    StartedAt = new TimeOnly(10, 0), EndedAt = new TimeOnly(endedEarly is null ? 11 : 10, 30),
                    WhoAttended = "Ava, Rhian (Mum), Tom Bradley", Interaction = "Ava ran to Mum and they hugged.",
                    Positives = positives, Concerns = concerns, EndedEarly = endedEarly is not null, EndedEarlyReason = endedEarly,
                }, s.Date.AddMonths(3), by);
                Assert.True(errors.IsValid);
                s.MarkRecorded(at, s.Status);
                db.ContactRecords.Add(record!);
                return record!;
            }
            var outside = Add(From.AddDays(-7), SessionStatus.TookPlace, null);
            Record(outside, "10:45", "Before the period: not counted");
            var outcomes = new (SessionStatus Status, string? Reason)[]
            {
                (SessionStatus.TookPlace, null), (SessionStatus.TookPlace, null), (SessionStatus.EndedEarly, "Mum spoke about the court case"),
                (SessionStatus.CancelledByParent, "Mum was unwell"), (SessionStatus.CancelledByCarer, "Ava was ill"),
                (SessionStatus.CancelledByAuthority, "No supervisor was available"), (SessionStatus.TookPlace, null),
                (SessionStatus.ParentDidNotAttend, null), (SessionStatus.TookPlace, null),
            };
            var laid = outcomes.Select((o, i) => Add(From.AddDays(7 * i + 1), o.Status, o.Reason)).ToList();
            sessions.AddRange(laid.Select(s => s.Id));
            var first = Record(laid[0], "10:00", "Mum sang to Ava");
            Record(laid[1], "10:20", "They built a tower together");
            Record(laid[2], "10:00", "Ava showed Mum her drawing", endedEarly: "Mum spoke about the court case");
            Record(laid[6], "10:15", "Mum brought Ava's favourite book", concerns: "Mum was on her phone for 20 minutes");
            Record(laid[8], "09:58", "Ava laughed a lot");
            Assert.True(first.Correct(first.Current.ToContent() with { Positives = "Mum sang a lullaby to Ava and she settled in her arms" },
                "The first version left out how Ava settled", assessed: false, by with { At = at.AddMinutes(5) }).IsValid);
            var (after, _) = CarerObservation.Record(laid[0].Id, child, SessionStatus.TookPlace, ObservationMoment.After,
                CarerObservation.Areas.ToDictionary(a => a, a => (int?)(a == "Sleep" ? 4 : 1)), "Woke twice in the night", "carer", at);
            db.CarerObservations.Add(after!);
            await db.SaveChangesAsync();
            return new Laid(child, mum, outside.Id, sessions, first.Id);
        });
    }

    private string Query(Laid l) => $"personId={l.Mum}&from={From:yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

    private string PageQuery(Laid l) =>
        $"PersonId={l.Mum}&From.Day={From.Day}&From.Month={From.Month}&From.Year={From.Year}&To.Day={Today.Day}&To.Month={Today.Month}&To.Year={Today.Year}";

    [Fact]
    public async Task The_period_summary_counts_what_the_records_say()
    {
        var l = await LayOutAsync();
        var api = await app.ApiAsAsync("socialworker1");

        var response = await api.GetAsync($"/api/v1/children/{l.Child}/analysis?{Query(l)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var summary = JsonDocument.Parse(text).RootElement;

        Assert.Equal(Headline, summary.GetProperty("headline").GetString());
        var counts = summary.GetProperty("counts");
        Assert.Equal(9, counts.GetProperty("planned").GetInt32());
        Assert.Equal(5, counts.GetProperty("attended").GetInt32());
        Assert.Equal(2, counts.GetProperty("late").GetInt32());
        Assert.Equal(1, counts.GetProperty("endedEarly").GetInt32());
        var chronology = summary.GetProperty("chronology").EnumerateArray().ToList();
        Assert.Equal(l.Sessions, chronology.Select(c => c.GetProperty("sessionId").GetGuid()));
        Assert.DoesNotContain(chronology, c => c.GetProperty("sessionId").GetGuid() == l.OutsideSession);
        Assert.Equal($"/Children/{l.Child}/Sessions/{l.Sessions[0]}/Record", chronology[0].GetProperty("recordUrl").GetString());
        Assert.Equal(2, chronology[0].GetProperty("versionNumber").GetInt32());
        Assert.Equal(JsonValueKind.Null, chronology[3].GetProperty("recordUrl").ValueKind);
        Assert.EndsWith("took place; Rhian Analysis arrived 20 minutes late (record, version 1)", chronology[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var positives = summary.GetProperty("positives").EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.Contains("Mum sang a lullaby to Ava and she settled in her arms", positives);
        Assert.DoesNotContain("Mum sang to Ava", positives);
        Assert.DoesNotContain("Before the period: not counted", positives);
        Assert.Equal("Mum was on her phone for 20 minutes", summary.GetProperty("concerns")[0].GetProperty("text").GetString());
        Assert.Equal(1, summary.GetProperty("trend").GetProperty("distressedAfter").GetInt32());
        Assert.Equal(5, summary.GetProperty("recordVersionIds").GetArrayLength());

        var missing = await api.GetAsync($"/api/v1/children/{l.Child}/analysis?from={From:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("personId", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_saves_the_edited_draft_and_downloads_it_for_court_with_the_records_it_drew_on()
    {
        var l = await LayOutAsync();
        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{l.Child}/Analysis";

        var html = WebUtility.HtmlDecode(await pages.GetStringAsync($"{url}?{PageQuery(l)}"));
        Assert.Contains(Headline + ".", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Children/{l.Child}/Sessions/{l.Sessions[1]}/Record\"", html, StringComparison.Ordinal);
        Assert.Contains("[Your judgement: was the agreement kept, and how do you know?]", html, StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html),
            ["PersonId"] = l.Mum.ToString(),
            ["From.Day"] = From.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["From.Month"] = From.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["From.Year"] = From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["To.Day"] = Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["To.Month"] = Today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["To.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Text"] = "  ",
        };
        var empty = await pages.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write the assessment", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Assessments.AnyAsync(a => a.ChildId == l.Child)));

        form["Text"] = "Mum has come to most sessions and Ava enjoys them. Mum kept to the agreement apart from 1 session.";
        var saved = await pages.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var assessment = await app.DbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.ChildId == l.Child));
        Assert.Equal(l.Mum, assessment.PersonId);
        Assert.Equal((From, Today), (assessment.From, assessment.To));
        var current = await app.DbAsync(db => db.ContactRecords.AsNoTracking().Include(r => r.Versions).Where(r => l.Sessions.Contains(r.SessionId)).ToListAsync());
        Assert.Equal(current.Select(r => r.Current.Id).Order(), assessment.RecordVersionIds.Order());
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "Assessment" && e.RecordId == assessment.Id && e.Action == Domain.Audit.AuditAction.Create)));

        var listed = WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.Contains($"?handler=Pdf&assessmentId={assessment.Id}", listed, StringComparison.Ordinal);
        var pdf = await pages.GetAsync($"{url}?handler=Pdf&assessmentId={assessment.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Assessment of family time with Rhian Analysis", words, StringComparison.Ordinal);
        Assert.Contains("5 of 9 sessions attended, 2 late, 1 ended early, 1 cancelled by Rhian Analysis", words, StringComparison.Ordinal);
        Assert.Contains("Mum has come to most sessions and Ava enjoys them.", words, StringComparison.Ordinal);
        Assert.Contains("What went well: Mum sang a lullaby to Ava and she settled in her arms", words, StringComparison.Ordinal);
        Assert.Contains("Correction to the earlier version: The first version left out how Ava settled", words, StringComparison.Ordinal);
        Assert.Contains("Worries: Mum was on her phone for 20 minutes", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Before the period", words, StringComparison.Ordinal);
        // Each attended session's line in the chronology links to its record further on.
        Assert.Equal(5, document.GetPages().Sum(p => p.GetAnnotations().Count()));
    }

    [Fact]
    public async Task Those_without_the_case_get_404_and_the_head_of_service_reads_but_cannot_save()
    {
        var l = await LayOutAsync();
        string other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "sw-analysis-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "Sam Other", EmailConfirmed = true,
                TeamId = await app.DbAsync(db => db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.TeamId).FirstAsync()) };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.SocialWorker)).Succeeded);
            other = user.UserName;
        }
        var otherApi = await app.ApiAsAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/children/{l.Child}/analysis?{Query(l)}")).StatusCode);
        var otherPages = await app.PagesAsAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/Children/{l.Child}/Analysis?{PageQuery(l)}")).StatusCode);

        // The carer reaches the child (Support) but an assessment is for those who hold the case.
        var carer = await app.ApiAsAsync("carer1");
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"/api/v1/children/{l.Child}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync($"/api/v1/children/{l.Child}/analysis?{Query(l)}")).StatusCode);

        // The head of service holds every case: they read the summary but the save button is not theirs.
        var head = await app.PagesAsAsync("headofservice1");
        var html = WebUtility.HtmlDecode(await head.GetStringAsync($"/Children/{l.Child}/Analysis?{PageQuery(l)}"));
        Assert.Contains(Headline, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Save as the assessment", html, StringComparison.Ordinal);
        var refused = await head.PostAsync($"/Children/{l.Child}/Analysis", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html),
            ["PersonId"] = l.Mum.ToString(), ["From.Day"] = "1", ["From.Month"] = "1", ["From.Year"] = "2026",
            ["To.Day"] = "1", ["To.Month"] = "2", ["To.Year"] = "2026", ["Text"] = "Not mine to save",
        }));
        // In reach but not allowed: 403 with the table's reason (it was a redirect to /Account/AccessDenied before one door per child).
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.DbAsync(db => db.Assessments.AnyAsync(a => a.ChildId == l.Child)));
    }
}

[Collection("sqlite")]
public sealed class AnalysisTestsOnSqlite(SqliteApp app) : AnalysisTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AnalysisTestsOnPostgres(PostgresApp app) : AnalysisTests(app.Factory), IClassFixture<PostgresApp>;
