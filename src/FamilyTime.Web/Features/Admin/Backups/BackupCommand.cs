using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// <c>familytime backup FILE</c> and <c>familytime restore FILE [--to DATABASE]</c> for a SQLite database. PostgreSQL
/// is backed up with its own tools (pg_dump, pg_basebackup and WAL archiving for point-in-time recovery): the commands
/// say so rather than half-do it. Both run before the database is migrated, so neither changes the service's database
/// except by a restore itself. Every refusal is one plain line.
/// </summary>
public static class BackupCommand
{
    public const string Usage = """
        Usage: familytime backup FILE
                 Copies the SQLite database, while the service runs, to FILE, checks the copy and writes FILE.manifest.json.
               familytime restore FILE [--to DATABASE]
                 Replaces the service's SQLite database (or DATABASE) with the backup FILE once it has been checked against
                 its manifest; the service must be stopped. The database it replaces is kept beside it.
        """;

    public const string PostgresMessage = "FamilyTime's backup and restore commands are for a SQLite database. On PostgreSQL use pg_dump, "
        + "or WAL archiving with pg_basebackup for point-in-time recovery: see \"Backups\" in README.md (PostgreSQL point-in-time recovery).";

    /// <summary>Whether the process was started as one of these commands rather than the web service.</summary>
    public static bool Asked(string[] args) => args is ["backup", ..] or ["restore", ..];

    /// <returns>The process exit code: 0 done, 1 refused or failed, 2 wrong use (or PostgreSQL).</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var config = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (args is not (["backup", _] or ["restore", _] or ["restore", _, "--to", _]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (ServiceHold.DatabaseFileOf(config) is not { } database)
        {
            await error.WriteLineAsync(PostgresMessage);
            return 2;
        }
        var file = args[1];
        try
        {
            if (args[0] == "backup")
            {
                return await SqliteBackup.RunAsync(database, Path.GetFullPath(file), clock, output, error);
            }
            var target = args is [_, _, "--to", var to] ? Path.GetFullPath(to) : database;
            return await SqliteRestore.RunAsync(Path.GetFullPath(file), target, await KnownMigrationsAsync(services), clock, output, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A full disc, a folder that cannot be written, a file SQLite cannot open: what went wrong, not where in the code.
            await error.WriteLineAsync($"The {args[0]} did not finish: {e.Message}");
            return 1;
        }
    }

    /// <summary>The migrations this build has; a backup with any other was made by a newer FamilyTime.</summary>
    private static async Task<IReadOnlySet<string>> KnownMigrationsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        return db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }
}
