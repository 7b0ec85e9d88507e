using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using FamilyTime.Domain.People;
using FamilyTime.Web.Features.Admin.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The restore drill and its refusals: <c>familytime backup</c> copies a SQLite database while the API writes to it,
/// and <c>familytime restore</c> puts it in a fresh file whose tables match the manifest row for row; a restore is
/// refused while the service holds the database, for a damaged or changed backup and for one from a newer schema, and
/// the database it replaces is kept. PostgreSQL is backed up with its own tools (README "Backups"): the commands say so.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "familytime-tests", "backups-" + Guid.NewGuid().ToString("N")[..12]);

    public BackupTests() => Directory.CreateDirectory(_folder);

    private string In(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task A_backup_taken_during_api_writes_restores_into_a_fresh_file_that_matches_its_manifest_and_serves()
    {
        await using var app = new FamilyTimeFactory(Provider.Sqlite);
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api);
        var before = await app.DbAsync(db => db.SignificantPeople.CountAsync());

        // Twenty people added through the API while the backup is taken.
        var writes = Enumerable.Range(0, 20)
            .Select(i => api.PostAsJsonAsync($"/api/v1/children/{child}/people", ApiInput.Mother($"Backup Drill {i}"))).ToList();
        var backup = Task.Run(() => RunAsync(app, "backup", In("drill.db")));
        var answers = await Task.WhenAll(writes);
        var (exit, output, error) = await backup;

        Assert.True(exit == 0, error);
        Assert.Contains("integrity check ok", output, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var manifest = (await BackupManifest.ReadAsync(BackupManifest.PathFor(In("drill.db"))))!;
        Assert.Equal(app.Clock.GetUtcNow(), manifest.TakenAt);
        Assert.Equal(await app.DbAsync(db => Task.FromResult(db.Database.GetMigrations().Last())), manifest.LastMigration);
        // The copy is the database at one moment: somewhere between before and after the writes, each row whole.
        var people = await app.DbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SignificantPerson))!.GetTableName()!));
        Assert.InRange(manifest.Tables.Single(t => t.Name == people).Rows, before, before + 20);
        Assert.Equal(before + 20, await app.DbAsync(db => db.SignificantPeople.CountAsync()));

        (exit, output, error) = await RunAsync(app, "restore", In("drill.db"), "--to", In("fresh.db"));

        Assert.True(exit == 0, error);
        Assert.Contains($"{manifest.Tables.Count} tables and {manifest.TotalRows} rows match the manifest", output, StringComparison.Ordinal);
        Assert.Contains("There was no database there before", output, StringComparison.Ordinal);
        Assert.Equal(manifest.Tables, await TablesOfAsync(In("fresh.db")));
        Assert.Equal(manifest.SchemaSha256, await SchemaOfAsync(In("fresh.db")));
        // The restored file is a working FamilyTime database.
        await using var restored = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: In("fresh.db"));
        Assert.Equal(manifest.Tables.Single(t => t.Name == people).Rows, await restored.DbAsync(db => db.SignificantPeople.CountAsync()));
        await restored.PagesAsAsync("socialworker1");
    }

    [Fact]
    public async Task Restore_is_refused_while_the_service_holds_the_database_and_goes_ahead_once_it_has_stopped()
    {
        var app = new FamilyTimeFactory(Provider.Sqlite);
        IReadOnlySet<string> known;
        string database;
        try
        {
            _ = app.Server;
            database = ServiceHold.DatabaseFileOf(app.Services.GetRequiredService<IConfiguration>())!;
            known = await app.DbAsync(db => Task.FromResult<IReadOnlySet<string>>(db.Database.GetMigrations().ToHashSet()));
            Assert.Equal(0, (await RunAsync(app, "backup", In("held.db"))).Exit);
            var live = await TablesOfAsync(database);

            var (exit, _, error) = await RunAsync(app, "restore", In("held.db"));

            Assert.Equal(1, exit);
            Assert.Contains($"The FamilyTime service is running on {database}", error, StringComparison.Ordinal);
            Assert.Contains("Stop the service, then restore.", error, StringComparison.Ordinal);
            Assert.Equal(live, await TablesOfAsync(database));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + ".replaced-*"));
        }
        finally
        {
            await app.DisposeAsync();
        }

        // Stopped, the service lets go of the database (its file is gone with the test's app).
        var output = new StringWriter();
        var stopped = await SqliteRestore.RunAsync(In("held.db"), database, known, TimeProvider.System, output, new StringWriter());
        try
        {
            Assert.Equal(0, stopped);
            Assert.Equal((await BackupManifest.ReadAsync(BackupManifest.PathFor(In("held.db"))))!.Tables, await TablesOfAsync(database));
        }
        finally
        {
            File.Delete(database);
            File.Delete(ServiceHold.LockFileOf(database));
        }
    }

    [Fact]
    public async Task A_damaged_or_changed_backup_is_refused_and_the_database_is_left_as_it_was()
    {
        await using var app = new FamilyTimeFactory(Provider.Sqlite);
        Assert.Equal(0, (await RunAsync(app, "backup", In("good.db"))).Exit);
        File.Copy(In("good.db"), In("live.db"));
        var live = await File.ReadAllBytesAsync(In("live.db"));

        // Half the file overwritten, as a failing disc or a cut-off copy leaves it.
        CopyBackup("good.db", "broken.db");
        var bytes = await File.ReadAllBytesAsync(In("broken.db"));
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 2, bytes.Length - bytes.Length / 2);
        await File.WriteAllBytesAsync(In("broken.db"), bytes);
        var (exit, _, error) = await RunAsync(app, "restore", In("broken.db"), "--to", In("live.db"));
        Assert.Equal(1, exit);
        Assert.Contains("is damaged", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was restored", error, StringComparison.Ordinal);

        // A sound SQLite file with one row changed after the backup was taken.
        CopyBackup("good.db", "changed.db");
        await using (var connection = SqliteChecksums.Open(In("changed.db"), readOnly: false))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE \"Children\" SET \"FirstName\" = 'Changed' WHERE rowid = (SELECT MIN(rowid) FROM \"Children\");";
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        (exit, _, error) = await RunAsync(app, "restore", In("changed.db"), "--to", In("live.db"));
        Assert.Equal(1, exit);
        Assert.Contains("does not match its manifest (the rows of table Children differ from the manifest's checksum)", error, StringComparison.Ordinal);

        Assert.Equal(SHA256.HashData(live), SHA256.HashData(await File.ReadAllBytesAsync(In("live.db"))));
        Assert.Empty(Directory.GetFiles(_folder, "live.db.replaced-*"));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_from_a_newer_schema_is_refused()
    {
        const string Later = "29991231235959_FromALaterVersion";
        await using var app = new FamilyTimeFactory(Provider.Sqlite);
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync($"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{Later}', '10.0.0')"));
        Assert.Equal(0, (await RunAsync(app, "backup", In("later.db"))).Exit);
        Assert.Equal(Later, (await BackupManifest.ReadAsync(BackupManifest.PathFor(In("later.db"))))!.LastMigration);

        var (exit, _, error) = await RunAsync(app, "restore", In("later.db"), "--to", In("fresh.db"));

        Assert.Equal(1, exit);
        Assert.Contains($"made by a newer version of FamilyTime: its schema has migrations this version does not know ({Later})", error, StringComparison.Ordinal);
        Assert.False(File.Exists(In("fresh.db")));
    }

    [Fact]
    public async Task Restoring_over_a_database_keeps_the_one_it_replaces_named_with_the_time()
    {
        await using var app = new FamilyTimeFactory(Provider.Sqlite);
        var api = await app.ApiAsAsync("socialworker1");
        Assert.Equal(0, (await RunAsync(app, "backup", In("monday.db"))).Exit);
        await NewChildAsync(app, api);
        Assert.Equal(0, (await RunAsync(app, "backup", In("tuesday.db"))).Exit);
        File.Copy(In("tuesday.db"), In("live.db"));

        var (exit, output, error) = await RunAsync(app, "restore", In("monday.db"), "--to", In("live.db"));

        Assert.True(exit == 0, error);
        var kept = In("live.db.replaced-20261117T093000Z");
        Assert.Contains($"The database it replaced is kept as {kept}", output, StringComparison.Ordinal);
        Assert.Equal((await BackupManifest.ReadAsync(BackupManifest.PathFor(In("tuesday.db"))))!.Tables, await TablesOfAsync(kept));
        Assert.Equal((await BackupManifest.ReadAsync(BackupManifest.PathFor(In("monday.db"))))!.Tables, await TablesOfAsync(In("live.db")));
        // A second restore in the same second keeps both earlier files.
        Assert.Equal(0, (await RunAsync(app, "restore", In("tuesday.db"), "--to", In("live.db"))).Exit);
        Assert.True(File.Exists(kept + "-2"));
        // A backup never overwrites another.
        (exit, _, error) = await RunAsync(app, "backup", In("monday.db"));
        Assert.Equal(1, exit);
        Assert.Contains("A backup never overwrites another", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_postgres_backup_and_restore_point_to_the_readmes_point_in_time_recovery()
    {
        await using var app = new FamilyTimeFactory(Provider.Postgres);
        _ = app.Server;
        foreach (var args in new[] { new[] { "backup", In("pg.db") }, ["restore", In("pg.db")] })
        {
            var (exit, _, error) = await RunAsync(app, args);
            Assert.Equal(2, exit);
            Assert.Contains("\"Backups\" in README.md (PostgreSQL point-in-time recovery)", error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(In("pg.db")));
    }

    private static async Task<Guid> NewChildAsync(FamilyTimeFactory app, HttpClient api)
    {
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).FirstAsync());
        var created = await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, "Bea"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(FamilyTimeFactory app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BackupCommand.RunAsync(app.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private void CopyBackup(string from, string to)
    {
        File.Copy(In(from), In(to));
        File.Copy(BackupManifest.PathFor(In(from)), BackupManifest.PathFor(In(to)));
    }

    private static async Task<IReadOnlyList<TableChecksum>> TablesOfAsync(string file)
    {
        await using var connection = SqliteChecksums.Open(file, readOnly: false);
        await connection.OpenAsync();
        return await SqliteChecksums.TablesAsync(connection);
    }

    private static async Task<string> SchemaOfAsync(string file)
    {
        await using var connection = SqliteChecksums.Open(file, readOnly: true);
        await connection.OpenAsync();
        return await SqliteChecksums.SchemaSha256Async(connection);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
