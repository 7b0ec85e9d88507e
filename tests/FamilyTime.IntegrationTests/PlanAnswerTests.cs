using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The JSON API answers with what it was given: each field issue 10 added to an arrangement is read back from the plan
/// under the name it was written with, enumerations as names, and a carer's home only ever as a kind of place.
/// </summary>
public abstract class PlanAnswerTests(FamilyTimeFactory app)
{
    private const string NotAskedWhy = "She was in hospital for the week the plan was written.";
    private const string Cafe = "The café at Riverside Park";

    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private Dictionary<string, object?> Arrangement(Guid person, string type) => new()
    {
        ["personIds"] = new[] { person },
        ["purposes"] = new[] { "Attachment" },
        ["type"] = type,
        ["reasonForSupervision"] = type == "Supervised" ? "The court has directed observed family time during the assessment." : null,
        ["form"] = "FaceToFace",
        ["frequency"] = "Weekly",
        ["days"] = new[] { "Saturday" },
        ["firstDate"] = Iso(Today.AddDays(1)),
        ["startTime"] = "10:00",
        ["durationMinutes"] = 90,
        ["reviewEveryMonths"] = 3,
        ["interpreterForPersonId"] = person,
    };

    [Fact]
    public async Task The_plan_answer_returns_what_was_written_for_each_arrangement()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var child = ApiInput.NewChild(household, "Answer" + Guid.NewGuid().ToString("N")[..6]);
        child["legalStatus"] = "CareOrder";
        child["inCareProceedings"] = false;
        child["iroId"] = await app.UserIdAsync("iro1");
        var childId = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", child), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = ApiInput.Mother("Romy Readback");
        mother["spokenLanguage"] = "Romanian";
        mother["needsInterpreter"] = true;
        var motherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{childId}/people", mother), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var url = $"/api/v1/children/{childId}/plan/arrangements";

        // Supervised in the community by an aunt, the child not asked for a reason given in words.
        var supervised = Arrangement(motherId, "Supervised");
        supervised["wishesNotAsked"] = "Other";
        supervised["wishesNotAskedWhy"] = NotAskedWhy;
        supervised["routeToLessSupervision"] = ArrangementMusts.Route;
        supervised["routeToLessSupervisionBy"] = Iso(Today.AddMonths(6));
        supervised["place"] = "Community";
        supervised["placeDescription"] = Cafe;
        supervised["supervisedBy"] = "FamilyMember";
        supervised["supervisorName"] = "Gina Grey";
        var supervisedId = (await BodyAsync(await api.PostAsJsonAsync(url, supervised), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Facilitated at the carer's home with the carer supporting it, in the child's own words.
        var atHome = Arrangement(motherId, "Facilitated");
        atHome["childsWishes"] = ArrangementMusts.Wishes;
        atHome["place"] = "CarersHome";
        atHome["supervisedBy"] = "Carer";
        atHome["supervisorName"] = "Carla Carer";
        var atHomeId = (await BodyAsync(await api.PostAsJsonAsync(url, atHome), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var plan = await BodyAsync(await api.GetAsync($"/api/v1/children/{childId}/plan"), HttpStatusCode.OK);
        var list = await BodyAsync(await api.GetAsync(url), HttpStatusCode.OK);
        foreach (var arrangements in new[] { plan.GetProperty("arrangements"), list })
        {
            var read = arrangements.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetGuid());

            var s = read[supervisedId];
            Assert.Equal(JsonValueKind.Null, s.GetProperty("childsWishes").ValueKind);
            Assert.Equal("Other", s.GetProperty("wishesNotAsked").GetString());
            Assert.Equal(NotAskedWhy, s.GetProperty("wishesNotAskedWhy").GetString());
            Assert.Equal(ArrangementMusts.Route, s.GetProperty("routeToLessSupervision").GetString());
            Assert.Equal(Iso(Today.AddMonths(6)), s.GetProperty("routeToLessSupervisionBy").GetString());
            Assert.Equal("Community", s.GetProperty("place").GetString());
            Assert.Equal(Cafe, s.GetProperty("placeDescription").GetString());
            Assert.Equal("FamilyMember", s.GetProperty("supervisedBy").GetString());
            Assert.Equal("Gina Grey", s.GetProperty("supervisorName").GetString());
            Assert.Equal(motherId, s.GetProperty("interpreterForPersonId").GetGuid());

            var h = read[atHomeId];
            Assert.Equal(ArrangementMusts.Wishes, h.GetProperty("childsWishes").GetString());
            Assert.Equal(JsonValueKind.Null, h.GetProperty("wishesNotAsked").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("wishesNotAskedWhy").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("routeToLessSupervision").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("routeToLessSupervisionBy").ValueKind);
            Assert.Equal("CarersHome", h.GetProperty("place").GetString());
            Assert.Equal(JsonValueKind.Null, h.GetProperty("placeDescription").ValueKind);
            Assert.Equal("Carer", h.GetProperty("supervisedBy").GetString());
            Assert.Equal("Carla Carer", h.GetProperty("supervisorName").GetString());
            Assert.Equal(motherId, h.GetProperty("interpreterForPersonId").GetGuid());
        }

        // The carer's home is a kind of place in the answer, never where it is.
        var home = await app.DbAsync(db => db.CarerHouseholds.Where(x => x.Id == household).Select(x => new { x.Address, x.Postcode }).SingleAsync());
        var raw = await api.GetStringAsync($"/api/v1/children/{childId}/plan");
        Assert.DoesNotContain(home.Address, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Postcode, raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sessions_answer_returns_why_the_service_cancelled()
    {
        // A past supervised session of the demo data, as the cancellation rule's own test finds one.
        var s = await app.DbAsync(async db =>
        {
            var worker = await db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.Id).SingleAsync();
            return await db.Sessions.AsNoTracking()
                .Where(x => x.SupervisorId == worker && x.Date < Today && x.Status == SessionStatus.Planned && x.RecordedAt == null && x.ArrangementId != null
                    && db.Arrangements.Any(a => a.Id == x.ArrangementId && a.FactorsMask == 0 && a.Type != ArrangementType.Unsupervised))
                .OrderByDescending(x => x.Date).ThenBy(x => x.Id).Skip(4).Select(x => new { x.ChildId, x.Id, x.Date }).FirstAsync();
        });
        var api = await app.ApiAsAsync("socialworker1");
        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/sessions/{s.Id}/close",
            new { outcome = "CancelledByAuthority", reason = "Nobody could supervise.", cancellationReason = "WorkerUnavailable" }), HttpStatusCode.NoContent);

        var range = await BodyAsync(await api.GetAsync($"/api/v1/children/{s.ChildId}/sessions?from={Iso(s.Date)}&to={Iso(s.Date)}"), HttpStatusCode.OK);
        var row = range.GetProperty("sessions").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == s.Id);
        Assert.Equal("CancelledByAuthority", row.GetProperty("status").GetString());
        Assert.Equal("WorkerUnavailable", row.GetProperty("cancellationReason").GetString());
    }
}

[Collection("sqlite")]
public sealed class PlanAnswerTestsOnSqlite(SqliteApp app) : PlanAnswerTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PlanAnswerTestsOnPostgres(PostgresApp app) : PlanAnswerTests(app.Factory), IClassFixture<PostgresApp>;
