using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Recording a child's date of death (the page and PUT /api/v1/children/{id}/date-of-death): a team manager or head
/// of service sets it, the case record's disposal date follows (15 years from the death of a child who died before
/// 18) on the review list and GET /api/v1/retention/due, it is audited, a date before the birth or in the future is
/// refused (422 on the API, a linked error on the page), and social workers and families are refused.
/// </summary>
public abstract class DateOfDeathTests(FamilyTimeFactory app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The children of manager1's team, in a fixed order, each test taking its own.</summary>
    private async Task<List<Guid>> TeamChildrenAsync()
    {
        var manager = await app.UserIdAsync("manager1");
        var team = await app.DbAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.TeamId).SingleAsync());
        var children = await app.DbAsync(db => db.Children.Where(c => c.TeamId == team).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.True(children.Count >= 4, "The demo team has too few children for these tests");
        return children;
    }

    private Task SetBirthAsync(Guid childId, DateOnly born) =>
        app.DbAsync(db => db.Children.Where(c => c.Id == childId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DateOfBirth, born).SetProperty(c => c.DateOfDeath, (DateOnly?)null)));

    private Task<DateOnly?> DiedAsync(Guid childId) => app.DbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.DateOfDeath).SingleAsync());

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement?> DueRowAsync(HttpClient api, Guid childId)
    {
        var due = await BodyAsync(await api.GetAsync("/api/v1/retention/due"), HttpStatusCode.OK);
        return due.EnumerateArray().Where(d => d.GetProperty("childId").GetGuid() == childId).Select(d => (JsonElement?)d).FirstOrDefault();
    }

    [Fact]
    public async Task Recording_the_death_of_a_child_who_died_before_18_moves_the_disposal_date_to_15_years_on_and_puts_them_on_the_due_list()
    {
        var child = (await TeamChildrenAsync())[0];
        await SetBirthAsync(child, Today.AddYears(-30));
        var api = await app.ApiAsAsync("manager1");
        Assert.Null(await DueRowAsync(api, child));
        var before = await BodyAsync(await api.GetAsync($"/api/v1/children/{child}/date-of-death"), HttpStatusCode.OK);
        Assert.Equal("SeventyFifthBirthday", before.GetProperty("basis").GetString());
        var version = before.GetProperty("version").GetInt32();
        // Died aged 14, a little over 15 years ago.
        var died = Today.AddYears(-15).AddDays(-5);

        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = Iso(died), version = version + 1 })).StatusCode);
        Assert.Null(await DiedAsync(child));
        var saved = await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = Iso(died), version }), HttpStatusCode.OK);

        Assert.Equal((Iso(died), Iso(died.AddYears(15)), "FifteenYearsAfterDeath"),
            (saved.GetProperty("dateOfDeath").GetString(), saved.GetProperty("disposalDate").GetString(), saved.GetProperty("basis").GetString()));
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        var row = (await DueRowAsync(api, child))!.Value;
        Assert.Equal((Iso(Today.AddDays(-5)), Iso(died), true),
            (row.GetProperty("disposalDate").GetString(), row.GetProperty("dateOfDeath").GetString(), row.GetProperty("overdue").GetBoolean()));
        var entry = await app.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordId == child && e.Action == AuditAction.Update && e.Changes != null && e.Changes.Contains("DateOfDeath"))
            .OrderByDescending(e => e.Sequence).Select(e => new { e.UserName, e.Changes }).FirstAsync());
        Assert.Equal("manager1", entry.UserName);
        Assert.Contains(died.Year.ToString(CultureInfo.InvariantCulture), entry.Changes!, StringComparison.Ordinal);

        // Taken away as a mistake (a head of service may too): the 75th birthday rule again, and off the list.
        var head = await app.ApiAsAsync("headofservice1");
        var removed = await BodyAsync(await head.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = (string?)null }), HttpStatusCode.OK);
        Assert.Equal("SeventyFifthBirthday", removed.GetProperty("basis").GetString());
        Assert.Null(await DueRowAsync(head, child));
    }

    [Fact]
    public async Task A_death_at_18_or_over_keeps_the_75th_birthday_rule()
    {
        var child = (await TeamChildrenAsync())[1];
        await SetBirthAsync(child, Today.AddYears(-40));
        var api = await app.ApiAsAsync("manager1");

        var saved = await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = Iso(Today.AddYears(-20)) }), HttpStatusCode.OK);

        Assert.Equal(("SeventyFifthBirthday", Iso(Today.AddYears(35))), (saved.GetProperty("basis").GetString(), saved.GetProperty("disposalDate").GetString()));
        Assert.Null(await DueRowAsync(api, child));
    }

    [Fact]
    public async Task A_date_in_the_future_or_before_the_birth_answers_422_and_saves_nothing()
    {
        var child = (await TeamChildrenAsync())[2];
        await SetBirthAsync(child, Today.AddYears(-10));
        var api = await app.ApiAsAsync("manager1");

        var born = Today.AddYears(-10);
        foreach (var (wrong, says) in new[]
        {
            (Today.AddDays(1), "Date of death must be today or in the past"),
            (born.AddDays(-1), $"Date of death must be the same as or after their date of birth, {born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"),
        })
        {
            var problem = await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = Iso(wrong) }), HttpStatusCode.UnprocessableEntity);
            Assert.Equal(422, problem.GetProperty("status").GetInt32());
            Assert.Equal(says, problem.GetProperty("errors").GetProperty("dateOfDeath")[0].GetString());
        }
        Assert.Null(await DiedAsync(child));
    }

    [Fact]
    public async Task The_page_shows_a_linked_error_for_a_date_in_the_future_and_saves_a_right_one()
    {
        var child = (await TeamChildrenAsync())[3];
        await SetBirthAsync(child, Today.AddYears(-30));
        var pages = await app.PagesAsAsync("manager1");
        var form = PageForm.Of(await pages.GetStringAsync($"/Children/{child}/DateOfDeath"), "DateOfDeath.Day");
        var tomorrow = Today.AddDays(1);

        var refused = await pages.PostAsync($"/Children/{child}/DateOfDeath", form.Set("DateOfDeath.Day", tomorrow.Day.ToString(CultureInfo.InvariantCulture))
            .Set("DateOfDeath.Month", tomorrow.Month.ToString(CultureInfo.InvariantCulture)).Set("DateOfDeath.Year", tomorrow.Year.ToString(CultureInfo.InvariantCulture)).Content());
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#DateOfDeath\">Date of death must be today or in the past", html, StringComparison.Ordinal);
        Assert.Contains("id=\"DateOfDeath\"", html, StringComparison.Ordinal);
        Assert.Null(await DiedAsync(child));

        var empty = await pages.PostAsync($"/Children/{child}/DateOfDeath", form.Set("DateOfDeath.Day", "").Set("DateOfDeath.Month", "").Set("DateOfDeath.Year", "").Content());
        Assert.Contains("<a href=\"#DateOfDeath\">Enter the date of death</a>", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var died = Today.AddYears(-15).AddDays(-2);
        var saved = await pages.PostAsync($"/Children/{child}/DateOfDeath", form.Set("DateOfDeath.Day", died.Day.ToString(CultureInfo.InvariantCulture))
            .Set("DateOfDeath.Month", died.Month.ToString(CultureInfo.InvariantCulture)).Set("DateOfDeath.Year", died.Year.ToString(CultureInfo.InvariantCulture)).Content());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Back to this child's page, where the banner says what was saved.
        Assert.Equal($"/Children/{child}/DateOfDeath", saved.Headers.Location?.OriginalString);
        Assert.Equal(died, await DiedAsync(child));
        var list = WebUtility.HtmlDecode(await pages.GetStringAsync("/Retention"));
        Assert.Contains($"/Children/{child}/DateOfDeath", list, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(-2).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), list, StringComparison.Ordinal);

        // The same form sent again carries the version it was read at: refused, and nothing is saved over.
        var stale = await pages.PostAsync($"/Children/{child}/DateOfDeath", form.Set("DateOfDeath.Year", (died.Year - 1).ToString(CultureInfo.InvariantCulture)).Content());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this record", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(died, await DiedAsync(child));
    }

    [Fact]
    public async Task The_childs_page_leads_a_head_of_service_to_legal_hold_and_date_of_death_and_the_childs_social_worker_to_neither()
    {
        var worker = await app.UserIdAsync("socialworker1");
        var child = await app.DbAsync(db => db.Children.Where(c => c.SocialWorkerId == worker).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var links = new[] { $"href=\"/Children/{child}/LegalHold\"", $"href=\"/Children/{child}/DateOfDeath\"" };

        var head = await (await app.PagesAsAsync("headofservice1")).GetStringAsync($"/Children/{child}");
        Assert.All(links, l => Assert.Contains(l, head, StringComparison.Ordinal));
        var theirs = await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{child}");
        Assert.All(links, l => Assert.DoesNotContain(l, theirs, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("socialworker1", HttpStatusCode.Forbidden)]
    [InlineData("parent1", HttpStatusCode.NotFound)]
    public async Task Social_workers_and_families_cannot_record_a_date_of_death(string user, HttpStatusCode expected)
    {
        var child = (await TeamChildrenAsync())[0];
        var died = await DiedAsync(child);
        var api = await app.ApiAsAsync(user);

        // Refused as ManageRetention is: 403 to staff who may see the child but not this, 404 to whoever may not see it.
        var allowed = expected == HttpStatusCode.NotFound ? new[] { HttpStatusCode.NotFound } : [HttpStatusCode.Forbidden, HttpStatusCode.NotFound];
        Assert.Contains((await api.PutAsJsonAsync($"/api/v1/children/{child}/date-of-death", new { dateOfDeath = Iso(Today.AddDays(-1)) })).StatusCode, allowed);
        Assert.Contains((await api.GetAsync($"/api/v1/children/{child}/date-of-death")).StatusCode, allowed);
        Assert.Equal(died, await DiedAsync(child));
        var pages = await app.PagesAsAsync(user);
        Assert.Contains((await pages.GetAsync($"/Children/{child}/DateOfDeath")).StatusCode, allowed);
    }
}

public sealed class DateOfDeathTestsOnSqlite(SqliteApp app) : DateOfDeathTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class DateOfDeathTestsOnPostgres(PostgresApp app) : DateOfDeathTests(app.Factory), IClassFixture<PostgresApp>;
