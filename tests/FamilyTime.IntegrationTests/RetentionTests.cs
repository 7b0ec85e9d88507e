using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Retention (issue 14, item 10): the disposal review list names the children of the manager's team whose record's
/// disposal date (75th birthday; 15 years after a death before 18) has passed or falls within the months asked for,
/// by the app's clock; legal holds are marked, placed and lifted with a reason and audited; social workers and
/// families are refused.
/// </summary>
public abstract class RetentionTests(FamilyTimeFactory app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The children of manager1's team, in a fixed order, each test taking its own.</summary>
    private async Task<List<Guid>> TeamChildrenAsync()
    {
        var manager = await app.UserIdAsync("manager1");
        var team = await app.DbAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.TeamId).SingleAsync());
        var children = await app.DbAsync(db => db.Children.Where(c => c.TeamId == team).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.True(children.Count >= 4, "The demo team has too few children for these tests");
        return children;
    }

    private Task SetDatesAsync(Guid childId, DateOnly born, DateOnly? died = null) =>
        app.DbAsync(db => db.Children.Where(c => c.Id == childId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DateOfBirth, born).SetProperty(c => c.DateOfDeath, died)));

    private static async Task<List<JsonElement>> DueAsync(HttpClient api, string query = "")
    {
        var response = await api.GetAsync("/api/v1/retention/due" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static JsonElement? Row(List<JsonElement> due, Guid childId) =>
        due.Where(d => d.GetProperty("childId").GetGuid() == childId).Select(d => (JsonElement?)d).FirstOrDefault();

    [Fact]
    public async Task The_list_holds_a_child_past_their_75th_birthday_and_not_one_whose_date_is_beyond_the_months_asked()
    {
        var children = await TeamChildrenAsync();
        var (past, later) = (children[0], children[1]);
        await SetDatesAsync(past, Today.AddYears(-75).AddDays(-10));
        await SetDatesAsync(later, Today.AddYears(-75).AddMonths(13));

        var due = await DueAsync(await app.ApiAsAsync("manager1"));

        var row = Row(due, past)!.Value;
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("disposalDate").GetString());
        Assert.Equal("SeventyFifthBirthday", row.GetProperty("basis").GetString());
        Assert.Contains("75th birthday", row.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.False(row.GetProperty("legalHold").GetProperty("onHold").GetBoolean());
        Assert.Null(Row(due, later));
        // Asked for 24 months, the later child is there, not yet overdue.
        var longer = await DueAsync(await app.ApiAsAsync("manager1"), "?months=24");
        Assert.False(Row(longer, later)!.Value.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_list_follows_the_apps_clock_not_the_machines()
    {
        var children = await TeamChildrenAsync();
        var child = children[2];
        await SetDatesAsync(child, Today.AddYears(-75).AddMonths(14));
        Assert.Null(Row(await DueAsync(await app.ApiAsAsync("manager1")), child));

        app.Clock.Advance(TimeSpan.FromDays(70));

        Assert.NotNull(Row(await DueAsync(await app.ApiAsAsync("manager1")), child));
    }

    [Fact]
    public async Task A_child_who_died_before_18_is_due_15_years_after_the_death()
    {
        var children = await TeamChildrenAsync();
        var child = children[3];
        var died = Today.AddYears(-15).AddDays(-1);
        await SetDatesAsync(child, died.AddYears(-10), died);

        var row = Row(await DueAsync(await app.ApiAsAsync("headofservice1")), child)!.Value;

        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("disposalDate").GetString());
        Assert.Equal("FifteenYearsAfterDeath", row.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task A_manager_places_a_legal_hold_with_a_reason_the_list_marks_it_and_both_changes_are_audited()
    {
        var children = await TeamChildrenAsync();
        var child = children[0];
        await SetDatesAsync(child, Today.AddYears(-75).AddDays(-10));
        var api = await app.ApiAsAsync("manager1");

        var noReason = await api.PostAsJsonAsync($"/api/v1/children/{child}/legal-hold", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.False(await app.DbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.OnLegalHold).SingleAsync()));

        var placed = await api.PostAsJsonAsync($"/api/v1/children/{child}/legal-hold", new { reason = "Civil claim against the council" });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var hold = Row(await DueAsync(api), child)!.Value.GetProperty("legalHold");
        Assert.True(hold.GetProperty("onHold").GetBoolean());
        Assert.Equal("Civil claim against the council", hold.GetProperty("reason").GetString());
        Assert.Equal("manager1", hold.GetProperty("placedBy").GetString());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, hold.GetProperty("placedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/children/{child}/legal-hold/lift", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/children/{child}/legal-hold/lift", new { reason = "Claim settled" })).StatusCode);
        Assert.False(Row(await DueAsync(api), child)!.Value.GetProperty("legalHold").GetProperty("onHold").GetBoolean());

        var entries = await app.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordId == child && e.Action == AuditAction.Update && e.Changes != null && e.Changes.Contains("LegalHold"))
            .OrderBy(e => e.Sequence).Select(e => e.Changes!).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Contains("Civil claim against the council", entries[0], StringComparison.Ordinal);
        Assert.Contains("Claim settled", entries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_the_child_and_its_form_places_a_hold_that_needs_a_reason()
    {
        var children = await TeamChildrenAsync();
        var child = children[1];
        await SetDatesAsync(child, Today.AddYears(-75).AddDays(-3));
        var pages = await app.PagesAsAsync("manager1");

        var list = await pages.GetStringAsync("/Retention");
        Assert.Contains($"/Children/{child}/LegalHold", list, StringComparison.Ordinal);
        Assert.Contains("Due now", list, StringComparison.Ordinal);

        var form = PageForm.Of(await pages.GetStringAsync($"/Children/{child}/LegalHold"), "Reason");
        var refused = await pages.PostAsync($"/Children/{child}/LegalHold?handler=Place", form.Set("Reason", "").Content());
        Assert.Contains("Enter why the record must be kept", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var placed = await pages.PostAsync($"/Children/{child}/LegalHold?handler=Place", form.Set("Reason", "Subject access request open").Content());
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal($"/Children/{child}/LegalHold", placed.Headers.Location?.OriginalString);
        Assert.Contains("On legal hold", await pages.GetStringAsync("/Retention"), StringComparison.Ordinal);
        await app.DbAsync(db => db.Children.Where(c => c.Id == child).ExecuteUpdateAsync(s => s.SetProperty(c => c.OnLegalHold, false)
            .SetProperty(c => c.LegalHoldReason, (string?)null).SetProperty(c => c.LegalHoldBy, (string?)null).SetProperty(c => c.LegalHoldSince, (DateTime?)null)));
    }

    [Theory]
    [InlineData("socialworker1", HttpStatusCode.Forbidden)]
    [InlineData("iro1", HttpStatusCode.Forbidden)]
    [InlineData("parent1", HttpStatusCode.NotFound)]
    public async Task Social_workers_and_families_are_refused_the_list_and_the_hold(string user, HttpStatusCode expected)
    {
        var children = await TeamChildrenAsync();
        var api = await app.ApiAsAsync(user);

        Assert.Equal(expected, (await api.GetAsync("/api/v1/retention/due")).StatusCode);
        var hold = await api.PostAsJsonAsync($"/api/v1/children/{children[0]}/legal-hold", new { reason = "no" });
        Assert.Contains(hold.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.False(await app.DbAsync(db => db.Children.Where(c => c.Id == children[0]).Select(c => c.OnLegalHold).SingleAsync()));
        var pages = await app.PagesAsAsync(user);
        Assert.Equal(expected, (await pages.GetAsync("/Retention")).StatusCode);
    }

    [Fact]
    public async Task Months_out_of_range_is_a_clear_400()
    {
        var response = await (await app.ApiAsAsync("manager1")).GetAsync("/api/v1/retention/due?months=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("months", out _));
    }
}

public sealed class RetentionTestsOnSqlite(SqliteApp app) : RetentionTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class RetentionTestsOnPostgres(PostgresApp app) : RetentionTests(app.Factory), IClassFixture<PostgresApp>;
