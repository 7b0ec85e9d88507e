using System.Net;
using System.Text.Json;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// `familytime audit verify` names the first broken link and cut-off newest entries (against an anchor written
/// outside the database), and lists write one entry naming what they showed (issue 14).
/// </summary>
public abstract class AuditVerifyTests(FamilyTimeFactory app)
{
    private Task<List<AuditEntry>> EntriesAfterAsync(long sequence) =>
        app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync());

    private Task<long> LastSequenceAsync() =>
        app.DbAsync(db => db.AuditEntries.Select(e => (long?)e.Sequence).MaxAsync()).ContinueWith(t => t.Result ?? 0);

    private async Task<(int Exit, string Output, string Error)> VerifyAsync(params string[] more)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AuditCommand.RunAsync(app.Services, ["audit", "verify", .. more], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task LookAtAChildAsync(int times)
    {
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var api = await app.ApiAsAsync("socialworker1");
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{child}")).StatusCode);
        }
    }

    [Fact]
    public async Task Verify_walks_an_intact_chain_counts_every_entry_and_exits_0()
    {
        await LookAtAChildAsync(2);
        var last = await LastSequenceAsync();

        var (exit, output, error) = await VerifyAsync();

        Assert.True(exit == 0, output + error);
        Assert.Contains($"Checked {last} audit entries.", output, StringComparison.Ordinal);
        Assert.Contains("Chain intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_an_entry_altered_in_the_database_as_the_first_broken_link_and_exits_1()
    {
        await LookAtAChildAsync(3);
        var target = await app.DbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).Skip(2).FirstAsync());
        var original = await app.DbAsync(db => db.AuditEntries.Where(e => e.Sequence == target).Select(e => e.UserName).FirstAsync());
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Sequence\" = {target}"));
        try
        {
            var (exit, output, _) = await VerifyAsync();

            Assert.Equal(1, exit);
            Assert.Contains($"Checked {target - 1} audit entries.", output, StringComparison.Ordinal);
            Assert.Contains($"First broken link: entry {target}: hash mismatch", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = {original} WHERE \"Sequence\" = {target}"));
        }
        Assert.Equal(0, (await VerifyAsync()).Exit);
    }

    [Fact]
    public async Task Verify_reports_newest_entries_cut_off_after_an_anchor_was_written()
    {
        await LookAtAChildAsync(3);
        var file = Path.Combine(Path.GetTempPath(), $"familytime-anchor-{Guid.NewGuid():N}.txt");
        try
        {
            var anchored = await WriteAnchorAsync(file);
            Assert.NotNull(anchored);
            Assert.Equal(await LastSequenceAsync(), anchored.Sequence);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                (await File.ReadAllLinesAsync(file)).Last().Split(' ')[2]);
            var (intact, intactOutput, _) = await VerifyAsync("--anchor-file", file);
            Assert.True(intact == 0, intactOutput);
            Assert.Contains("matches the 1 anchors", intactOutput, StringComparison.Ordinal);

            // Someone with database access removes the two newest entries: what is left still links up.
            var keep = anchored.Sequence - 2;
            await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {keep}"));
            Assert.Equal(0, (await VerifyAsync()).Exit);

            var (exit, output, _) = await VerifyAsync("--anchor-file", file);

            Assert.Equal(1, exit);
            Assert.Contains($"Newest entries cut off: the chain ends at entry {keep} but the anchor written at", output, StringComparison.Ordinal);
            Assert.Contains($"recorded entry {anchored.Sequence}.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_refuses_an_unknown_subcommand_and_a_missing_anchor_file_with_exit_2()
    {
        var wrong = await VerifyAsync("--everything");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("Usage: familytime audit verify", wrong.Error, StringComparison.Ordinal);
        var missing = await VerifyAsync("--anchor-file", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.txt"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_child_list_writes_one_entry_naming_every_child_shown()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var before = await LastSequenceAsync();

        var shown = await BodyAsync(await api.GetAsync("/api/v1/children?pageSize=500"), HttpStatusCode.OK);

        var entry = Assert.Single(await EntriesAfterAsync(before));
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal(nameof(AuditRecord.ChildList), entry.RecordType);
        Assert.Equal("socialworker1", entry.UserName);
        Assert.Equal(shown.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Named(entry, "Children"));
        Assert.NotEmpty(Named(entry, "Children"));

        // The page too: one entry for the list it shows (the overdue count beside it shows no child).
        before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAsAsync("socialworker1")).GetAsync("/Children")).StatusCode);
        Assert.Equal(nameof(AuditRecord.ChildList), Assert.Single(await EntriesAfterAsync(before)).RecordType);
    }

    [Fact]
    public async Task The_list_of_proposed_changes_writes_one_entry_naming_the_proposals_shown()
    {
        var (inside, _) = await app.DbAsync(db => Reach.AllAsync(db, "socialworker1"));
        var withProposals = await app.DbAsync(db => db.ChangeProposals.Select(p => p.ChildId).Distinct().ToListAsync());
        var child = inside.FirstOrDefault(withProposals.Contains, inside[0]);
        var api = await app.ApiAsAsync("socialworker1");
        var before = await LastSequenceAsync();

        var shown = await BodyAsync(await api.GetAsync($"/api/v1/children/{child}/changes"), HttpStatusCode.OK);

        var entry = Assert.Single(await EntriesAfterAsync(before));
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal(nameof(AuditRecord.ChangeProposal), entry.RecordType);
        Assert.Equal(child, entry.ChildId);
        Assert.Equal(shown.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Named(entry, "Proposals"));
    }

    [Fact]
    public async Task A_parent_reopening_a_shared_record_writes_an_entry_each_time()
    {
        var api = await app.ApiAsAsync("parent1");
        var list = await BodyAsync(await api.GetAsync("/api/v1/portal/records"), HttpStatusCode.OK);
        var recordId = list.EnumerateArray().First().GetProperty("recordId").GetGuid();
        await BodyAsync(await api.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        var before = await LastSequenceAsync();

        await BodyAsync(await api.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);
        await BodyAsync(await api.GetAsync($"/api/v1/portal/records/{recordId}"), HttpStatusCode.OK);

        var entries = (await EntriesAfterAsync(before)).Where(e => e.RecordId == recordId).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditAction.View, e.Action);
            Assert.Equal("parent1", e.UserName);
            Assert.Contains("ReopenedVersion", e.Changes, StringComparison.Ordinal);
        });
    }

    private async Task<AuditAnchorLine?> WriteAnchorAsync(string file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTime.Data.FamilyTimeDbContext>();
        return await new AuditAnchor(db, app.Clock, Options.Create(new AuditAnchorOptions { AnchorFile = file })).WriteAsync(CancellationToken.None);
    }

    private static List<Guid> Named(AuditEntry entry, string list) =>
        JsonDocument.Parse(entry.Changes!).RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetGuid()).ToList();

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

[Collection("sqlite")]
public sealed class AuditVerifyTestsOnSqlite(SqliteApp app) : AuditVerifyTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AuditVerifyTestsOnPostgres(PostgresApp app) : AuditVerifyTests(app.Factory), IClassFixture<PostgresApp>;
