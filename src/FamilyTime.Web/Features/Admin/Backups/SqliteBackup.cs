namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// A backup of the live SQLite file by SQLite's online backup API: one read transaction over the source, so the copy
/// is the database as it stood at one moment while the service goes on writing (WAL lets it). The copy is made a
/// single self-contained file, checked (PRAGMA integrity_check), counted and checksummed for its manifest, and only then
/// given its name, so a file under the backup's name is always a finished one.
/// </summary>
public static class SqliteBackup
{
    public static async Task<int> RunAsync(string database, string backup, TimeProvider clock, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"There is no database at {database} to back up.");
            return 1;
        }
        var manifestFile = BackupManifest.PathFor(backup);
        if (File.Exists(backup) || File.Exists(manifestFile))
        {
            await error.WriteLineAsync($"{backup} already exists. A backup never overwrites another: choose a new name.");
            return 1;
        }
        if (Path.GetDirectoryName(backup) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var partial = backup + ".partial";
        File.Delete(partial);
        try
        {
            BackupManifest manifest;
            await using (var source = SqliteChecksums.Open(database, readOnly: false))
            await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                await using (var busy = source.CreateCommand())
                {
                    busy.CommandText = "PRAGMA busy_timeout=30000;";
                    await busy.ExecuteNonQueryAsync();
                }
                source.BackupDatabase(copy);
                var takenAt = clock.GetUtcNow();
                // The copy keeps the live file's WAL mode; a backup is one file, with no -wal beside it to lose.
                await using (var journal = copy.CreateCommand())
                {
                    journal.CommandText = "PRAGMA journal_mode=DELETE;";
                    await journal.ExecuteNonQueryAsync();
                }
                var integrity = await SqliteChecksums.IntegrityCheckAsync(copy);
                if (integrity != "ok")
                {
                    await error.WriteLineAsync($"The copy failed SQLite's integrity check ({integrity}); the database itself may be damaged. No backup was written.");
                    return 1;
                }
                manifest = new BackupManifest(BackupManifest.CurrentFormat, takenAt, Path.GetFileName(database),
                    await SqliteChecksums.AppliedMigrationsAsync(copy) is [.., var last] ? last : null,
                    await SqliteChecksums.SchemaSha256Async(copy), await SqliteChecksums.TablesAsync(copy));
            }
            File.Move(partial, backup);
            await manifest.WriteAsync(manifestFile);
            await output.WriteLineAsync($"Backed up {database} to {backup}: {manifest.Tables.Count} tables, {manifest.TotalRows} rows, "
                + $"integrity check ok, schema at {manifest.LastMigration ?? "no migration"}. Manifest: {manifestFile}");
            return 0;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
