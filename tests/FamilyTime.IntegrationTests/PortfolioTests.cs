using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The parent's portfolio and diary (issue 11, item 7): attendance counted from their own sessions in words that do
/// not blame, goals agreed by the social worker that the parent reads (through the family guard), certificates
/// checked by content, and a diary of their own that only they change.
/// </summary>
public abstract class PortfolioTests(FamilyTimeFactory app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    private async Task<(Guid ChildId, Guid PersonId)> Parent1sPersonAsync()
    {
        var uid = await app.UserIdAsync("parent1");
        return await app.DbAsync(async db => await db.SignificantPeople.Where(p => p.PortalUserId == uid).OrderBy(p => p.Id)
            .Select(p => new ValueTuple<Guid, Guid>(p.ChildId, p.Id)).FirstAsync());
    }

    [Fact]
    public async Task Attendance_is_counted_from_the_parents_own_sessions_in_words_that_do_not_blame()
    {
        var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync("/Portal/Portfolio"));
        Assert.Contains("Family time held", page);
        Assert.Contains("Times you couldn’t come", page);
        Assert.Contains("Cancelled by us", page);
        Assert.DoesNotContain("failed", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("did not attend", page, StringComparison.OrdinalIgnoreCase);

        var portfolio = await (await app.ApiAsAsync("parent1")).GetFromJsonAsync<JsonElement>("/api/v1/portfolio");
        var uid = await app.UserIdAsync("parent1");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var expectedHeld = await app.DbAsync(async db =>
        {
            var people = await db.SignificantPeople.Where(p => p.PortalUserId == uid).Select(p => p.Id).ToListAsync();
            var arrangements = (await db.Arrangements.Select(a => new { a.Id, a.PersonIds }).ToListAsync()).Where(a => a.PersonIds.Any(people.Contains)).Select(a => (Guid?)a.Id).ToList();
            return await db.Sessions.CountAsync(s => arrangements.Contains(s.ArrangementId) && s.Date <= today && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly));
        });
        Assert.Equal(expectedHeld, portfolio.GetProperty("attendance").EnumerateArray().Sum(a => a.GetProperty("attendance").GetProperty("held").GetInt32()));
    }

    [Fact]
    public async Task A_goal_agreed_by_the_social_worker_reaches_the_parent_without_where_the_child_lives_and_can_be_marked_achieved()
    {
        var (childId, personId) = await Parent1sPersonAsync();
        var postcode = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == childId && p.EndDate == null && p.CarerHouseholdId != null)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => h.Postcode).FirstAsync());
        var worker = await app.ApiAsAsync("socialworker1");
        var title = "Go to the parenting group " + Guid.NewGuid().ToString("N")[..6];

        var created = await worker.PostAsJsonAsync($"/api/v1/children/{childId}/portfolio/goals",
            new { personId, kind = "Goal", title, detail = $"The group meets near {postcode} on Tuesdays." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var goalId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var mine = await (await app.ApiAsAsync("parent1")).GetStringAsync("/api/v1/portfolio");
        Assert.Contains(title, mine);
        Assert.DoesNotContain(postcode, mine);
        var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync("/Portal/Portfolio"));
        Assert.Contains(title, page);
        Assert.DoesNotContain(postcode, page);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("parent1")).PostAsync($"/api/v1/children/{childId}/portfolio/goals/{goalId}/achieved", null)).StatusCode);
        // A carer or contact worker may reach the child, but goals are agreed by the child's social worker or team manager.
        var carers = await (await app.ApiAsAsync("carer1")).PostAsJsonAsync($"/api/v1/children/{childId}/portfolio/goals", new { personId, kind = "Goal", title = "x" });
        Assert.Contains(carers.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"/api/v1/children/{childId}/portfolio/goals/{goalId}/achieved", null)).StatusCode);
        var portfolio = await (await app.ApiAsAsync("parent1")).GetFromJsonAsync<JsonElement>("/api/v1/portfolio");
        Assert.Contains(portfolio.GetProperty("achievements").EnumerateArray(), g => g.GetProperty("id").GetGuid() == goalId);
        Assert.DoesNotContain(portfolio.GetProperty("goals").EnumerateArray(), g => g.GetProperty("id").GetGuid() == goalId);
    }

    [Fact]
    public async Task A_certificate_is_checked_by_content_and_only_its_owner_downloads_it()
    {
        var api = await app.ApiAsAsync("parent1");
        MultipartFormDataContent Form(byte[] bytes, string name) => new()
        {
            { new StringContent("Food hygiene level 2"), "title" },
            { new StringContent("2026-10-01"), "awardedOn" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", name },
        };

        var renamed = await api.PostAsync("/api/v1/portfolio/certificates", Form("MZ\u0090\0"u8.ToArray(), "certificate.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal(FileSniffer.WrongKind, (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        var created = await api.PostAsync("/api/v1/portfolio/certificates", Form(Png, "certificate.pdf"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var download = await (await app.PagesAsAsync("parent1")).GetAsync($"/Portal/Portfolio/Certificates/{id}");
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("carer1")).GetAsync($"/api/v1/portfolio/certificates/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_parents_diary_shows_their_family_time_and_their_own_entries_which_only_they_change()
    {
        var api = await app.ApiAsAsync("parent1");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var title = "Solicitor " + Guid.NewGuid().ToString("N")[..6];

        var created = await api.PostAsJsonAsync("/api/v1/diary", new { title, date = today.AddDays(3), time = "10:30", place = "Town centre" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/diary", new { title = "" })).StatusCode);

        var diary = await api.GetFromJsonAsync<JsonElement>("/api/v1/diary");
        Assert.Contains(diary.EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
        Assert.Contains(diary.EnumerateArray(), l => l.GetProperty("isFamilyTime").GetBoolean());
        var page = WebUtility.HtmlDecode(await (await app.PagesAsAsync("parent1")).GetStringAsync("/Portal/Diary"));
        Assert.Contains(title, page);
        Assert.Contains("Family time with", page);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("carer1")).DeleteAsync($"/api/v1/diary/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("carer1")).GetAsync($"/Portal/Diary/{id}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/diary/{id}", new { title = "Changed", date = today, version = 99 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/diary/{id}", new { title = title + " moved", date = today.AddDays(4), version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/diary/{id}")).StatusCode);
        Assert.False(await app.DbAsync(db => db.DiaryEntries.AnyAsync(d => d.Id == id)));
    }
}

[Collection("sqlite")]
public sealed class PortfolioTestsOnSqlite(SqliteApp app) : PortfolioTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PortfolioTestsOnPostgres(PostgresApp app) : PortfolioTests(app.Factory), IClassFixture<PostgresApp>;
