using System.Net;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A view and its audit entry are one transaction (issue 14, item 6): when the entry cannot be written, the reader is
/// shown a plain error and none of the record, and no entry is left behind.
/// </summary>
public abstract class UnauditedViewTests(FamilyTimeFactory app)
{
    /// <summary>A trigger that refuses audit entries of one kind, as a full disk or a broken chain would refuse them all.</summary>
    private const string Trigger = "test_refuse_connections_audit";

    private Task RefuseConnectionsEntriesAsync() => app.DbAsync(db => app.Provider == Provider.Postgres
        ? db.Database.ExecuteSqlRawAsync($"""
            CREATE FUNCTION {Trigger}() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit refused by the test''; END';
            CREATE TRIGGER {Trigger} BEFORE INSERT ON "AuditEntries" FOR EACH ROW WHEN (NEW."RecordType" = 'Connections') EXECUTE FUNCTION {Trigger}();
            """)
        : db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER {Trigger} BEFORE INSERT ON "AuditEntries" WHEN NEW."RecordType" = 'Connections'
            BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END;
            """));

    private Task AllowEntriesAgainAsync() => app.DbAsync(db => app.Provider == Provider.Postgres
        ? db.Database.ExecuteSqlRawAsync($"""DROP TRIGGER {Trigger} ON "AuditEntries"; DROP FUNCTION {Trigger}();""")
        : db.Database.ExecuteSqlRawAsync($"DROP TRIGGER {Trigger};"));

    [Fact]
    public async Task A_view_whose_audit_entry_cannot_be_written_shows_an_error_and_nothing_of_the_record()
    {
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var people = await app.DbAsync(db => db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == child).Select(p => p.FullName).ToListAsync());
        Assert.NotEmpty(people);
        var pages = await app.PagesAsAsync("socialworker1");
        var views = () => app.DbAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == child && e.RecordType == "Connections" && e.Action == AuditAction.View));
        var before = await views();

        await RefuseConnectionsEntriesAsync();
        HttpResponseMessage refused;
        try
        {
            refused = await pages.GetAsync($"/Children/{child}/Connections");
        }
        finally
        {
            await AllowEntriesAgainAsync();
        }

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.All(people, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
        Assert.Equal(before, await views());

        // With the entry writable again the same page shows the people, and its entry: what was withheld was really there.
        var shown = await pages.GetAsync($"/Children/{child}/Connections");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.All(people.Where(n => WebUtility.HtmlEncode(n) == n), name => Assert.Contains(name, page, StringComparison.Ordinal));
        Assert.Equal(before + 1, await views());
    }
}

[Collection("sqlite")]
public sealed class UnauditedViewTestsOnSqlite(SqliteApp app) : UnauditedViewTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class UnauditedViewTestsOnPostgres(PostgresApp app) : UnauditedViewTests(app.Factory), IClassFixture<PostgresApp>;
