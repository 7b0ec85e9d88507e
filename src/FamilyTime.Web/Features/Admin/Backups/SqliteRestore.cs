using System.Globalization;
using FamilyTime.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// Puts a backup in place of a SQLite database, refusing while the service holds the database, a backup that fails
/// SQLite's integrity check or differs from its manifest, and a backup whose schema has migrations this build does not
/// know (a newer FamilyTime made it; this one would run on a schema it does not understand). The database it replaces
/// is kept, renamed with the time, with its write-ahead log, and the restored file is checked against the manifest in
/// place; if that fails the old one is put back.
/// </summary>
public static class SqliteRestore
{
    public static async Task<int> RunAsync(string backup, string target, IReadOnlySet<string> knownMigrations, TimeProvider clock, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(knownMigrations);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(backup))
        {
            await error.WriteLineAsync($"There is no backup at {backup}.");
            return 1;
        }
        if (string.Equals(backup, target, StringComparison.Ordinal))
        {
            await error.WriteLineAsync("The backup and the database to restore are the same file.");
            return 2;
        }
        var manifestFile = BackupManifest.PathFor(backup);
        if (!File.Exists(manifestFile))
        {
            await error.WriteLineAsync($"The backup has no manifest ({manifestFile}), so it cannot be checked. Restore a backup made by familytime backup.");
            return 1;
        }
        if (await BackupManifest.ReadAsync(manifestFile) is not { } manifest)
        {
            await error.WriteLineAsync($"The manifest {manifestFile} is damaged or not a FamilyTime backup manifest.");
            return 1;
        }
        if (Path.GetDirectoryName(target) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var hold = ServiceHold.TakeAlone(target);
        if (hold is null)
        {
            await error.WriteLineAsync($"The FamilyTime service is running on {target} (it holds {ServiceHold.LockFileOf(target)}). Stop the service, then restore.");
            return 1;
        }

        if (await CheckBackupAsync(backup, manifest, knownMigrations) is { } refused)
        {
            await error.WriteLineAsync(refused);
            return 1;
        }

        var restoring = target + ".restoring";
        File.Copy(backup, restoring, overwrite: true);
        var replaced = File.Exists(target) ? KeepName(target, clock) : null;
        if (replaced is not null)
        {
            MoveWithLog(target, replaced);
        }
        // A -wal or -shm of the replaced database left behind would be read as the restored file's own.
        DeleteLog(target);
        File.Move(restoring, target);

        string? mismatch;
        await using (var restored = SqliteChecksums.Open(target, readOnly: true))
        {
            await restored.OpenAsync();
            mismatch = await MismatchAsync(restored, manifest);
        }
        if (mismatch is not null)
        {
            File.Delete(target);
            if (replaced is not null)
            {
                MoveWithLog(replaced, target);
            }
            await error.WriteLineAsync($"The restored database did not match the manifest ({mismatch}); the database it replaced has been put back.");
            return 1;
        }

        await output.WriteLineAsync($"Restored {target} from {backup} (taken {manifest.TakenAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}, "
            + $"schema at {manifest.LastMigration ?? "no migration"}): {manifest.Tables.Count} tables and {manifest.TotalRows} rows match the manifest.");
        await output.WriteLineAsync(replaced is null
            ? "There was no database there before."
            : $"The database it replaced is kept as {replaced}.");
        await output.WriteLineAsync("Start the service: it applies this version's later migrations, if any, as it starts.");
        return 0;
    }

    /// <returns>Why the backup is refused, or null when it is sound, known to this build and matches its manifest.</returns>
    private static async Task<string?> CheckBackupAsync(string backup, BackupManifest manifest, IReadOnlySet<string> knownMigrations)
    {
        try
        {
            await using var connection = SqliteChecksums.Open(backup, readOnly: true);
            await connection.OpenAsync();
            var integrity = await SqliteChecksums.IntegrityCheckAsync(connection);
            if (integrity != "ok")
            {
                return $"The backup {backup} is damaged (SQLite's integrity check: {integrity}). Nothing was restored; use another backup.";
            }
            var unknown = (await SqliteChecksums.AppliedMigrationsAsync(connection)).Append(manifest.LastMigration)
                .OfType<string>().Where(m => !knownMigrations.Contains(m)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return $"The backup {backup} was made by a newer version of FamilyTime: its schema has migrations this version does not know "
                    + $"({string.Join(", ", unknown)}). Nothing was restored; restore it with that version or a later one.";
            }
            return await MismatchAsync(connection, manifest) is { } mismatch
                ? $"The backup {backup} does not match its manifest ({mismatch}): it is damaged or was changed after it was taken. Nothing was restored; use another backup."
                : null;
        }
        catch (SqliteException e)
        {
            return $"The backup {backup} is damaged (SQLite: {e.Message}). Nothing was restored; use another backup.";
        }
    }

    /// <returns>The first difference between the database and the manifest, or null when they agree.</returns>
    private static async Task<string?> MismatchAsync(SqliteConnection connection, BackupManifest manifest)
    {
        if (await SqliteChecksums.SchemaSha256Async(connection) != manifest.SchemaSha256)
        {
            return "the schema differs";
        }
        var actual = (await SqliteChecksums.TablesAsync(connection)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var expected in manifest.Tables)
        {
            if (!actual.Remove(expected.Name, out var table))
            {
                return $"table {expected.Name} is missing";
            }
            if (table.Rows != expected.Rows)
            {
                return $"table {expected.Name} has {table.Rows} rows, the manifest says {expected.Rows}";
            }
            if (table.Sha256 != expected.Sha256)
            {
                return $"the rows of table {expected.Name} differ from the manifest's checksum";
            }
        }
        return actual.Keys.FirstOrDefault() is { } extra ? $"table {extra} is not in the manifest" : null;
    }

    /// <summary>The replaced database's new name: its own with the time of the restore, and a number if that is taken.</summary>
    private static string KeepName(string target, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = $"{target}.replaced-{stamp}";
        for (var n = 2; File.Exists(name); n++)
        {
            name = $"{target}.replaced-{stamp}-{n}";
        }
        return name;
    }

    /// <summary>Moves a database with its write-ahead log (committed work of a service that stopped without a checkpoint).</summary>
    private static void MoveWithLog(string from, string to)
    {
        File.Move(from, to);
        foreach (var (log, moved) in SqliteFiles.LogOf(from).Zip(SqliteFiles.LogOf(to)))
        {
            if (File.Exists(log))
            {
                File.Move(log, moved, overwrite: true);
            }
        }
    }

    private static void DeleteLog(string database)
    {
        foreach (var log in SqliteFiles.LogOf(database))
        {
            File.Delete(log);
        }
    }
}
