using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>Each view and each change of a child leaves exactly one audit entry, and tampering is detected.</summary>
public abstract class AuditTests(FamilyTimeFactory app)
{
    private Task<List<AuditEntry>> EntriesAfterAsync(long sequence) =>
        app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync());

    private Task<long> LastSequenceAsync() =>
        app.DbAsync(db => db.AuditEntries.Select(e => (long?)e.Sequence).MaxAsync()).ContinueWith(t => t.Result ?? 0);

    [Fact]
    public async Task Opening_a_child_page_leaves_one_view_entry()
    {
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var pages = await app.PagesAsAsync("socialworker1");
        var before = await LastSequenceAsync();

        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Children/{child}")).StatusCode);

        var entry = Assert.Single(await EntriesAfterAsync(before), e => e.ChildId == child);
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal("socialworker1", entry.UserName);
        Assert.Equal(await app.UserIdAsync("socialworker1"), entry.UserId);
        Assert.Null(entry.Changes);
    }

    [Fact]
    public async Task A_refused_look_leaves_no_entry_for_the_child()
    {
        var (_, outside) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var api = await app.ApiAsAsync("socialworker1");
        var before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{outside}")).StatusCode);
        Assert.DoesNotContain(await EntriesAfterAsync(before), e => e.ChildId == outside);
    }

    [Fact]
    public async Task A_change_leaves_one_entry_saying_what_changed()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var url = (await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, "Poppy"))).Headers.Location!.OriginalString;
        var child = await api.GetFromJsonAsync<JsonElement>(url);
        var before = await LastSequenceAsync();

        var update = await api.PutAsJsonAsync(url, new
        {
            firstName = "Poppy", lastName = "Okonkwo-Test", preferredName = "Pops", dateOfBirth = "2019-04-12", gender = "Female",
            familyTimeName = "seeing Mum", version = child.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var entry = Assert.Single(await EntriesAfterAsync(before));
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Equal(child.GetProperty("id").GetGuid(), entry.ChildId);
        var changes = JsonDocument.Parse(entry.Changes!).RootElement;
        var preferred = changes.GetProperty("PreferredName");
        Assert.Equal(JsonValueKind.Null, preferred[0].ValueKind);
        Assert.Equal("Pops", preferred[1].GetString());
        Assert.False(changes.TryGetProperty("FirstName", out _), "unchanged fields are not listed");
    }

    [Fact]
    public async Task Altering_an_old_audit_row_is_detected_by_the_chain_check()
    {
        // Make sure there is history, then check it is intact.
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var api = await app.ApiAsAsync("socialworker1");
        for (var i = 0; i < 3; i++)
        {
            await api.GetAsync($"/api/v1/children/{child}");
        }
        var (intact, count) = await VerifyAsync();
        Assert.Null(intact);
        Assert.True(count >= 3);

        // Someone with database access rewrites who looked at the record in an old entry.
        var target = await app.DbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).Skip(1).FirstAsync());
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Sequence\" = {target}"));
        try
        {
            var (broken, _) = await VerifyAsync();
            Assert.Equal(target, broken);

            var manager = await app.PagesAsAsync("headofservice1");
            var page = await manager.GetStringAsync("/Admin/Audit?verify=true");
            Assert.Contains($"entry {target} does not fit the chain", page);
        }
        finally
        {
            var original = await app.DbAsync(db => db.AuditEntries.Where(e => e.Sequence == target).Select(e => e.UserId).FirstAsync());
            var name = await app.DbAsync(db => db.Users.Where(u => u.Id == original).Select(u => u.UserName).FirstAsync());
            await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = {name} WHERE \"Sequence\" = {target}"));
        }
        Assert.Null((await VerifyAsync()).FirstBreak);
    }

    [Fact]
    public async Task The_application_cannot_edit_or_delete_an_audit_entry()
    {
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        await (await app.ApiAsAsync("socialworker1")).GetAsync($"/api/v1/children/{child}");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.DbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_team_manager_reads_their_team_and_a_social_worker_cannot_read_the_log()
    {
        var manager = await app.PagesAsAsync("manager1");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Admin/Audit")).StatusCode);
        // A staff page refuses staff without the role with 403 and the reason (it answered 404 before the route rules).
        var worker = await app.PagesAsAsync("socialworker1");
        var refused = await worker.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This is for: Administrator, Head of service, Team manager.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(long? FirstBreak, long Checked)> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(CancellationToken.None);
    }
}

[Collection("sqlite")]
public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app.Factory), IClassFixture<PostgresApp>;
