using FamilyTime.Web.Features.Admin.Backups;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// The files SQLite keeps beside a database file. A copy, move or delete of the database that leaves its write-ahead
/// log behind loses committed work (a service stopped without a checkpoint) or replays stale work into a new file of
/// the same name; so every such step goes through this list.
/// </summary>
public static class SqliteFiles
{
    /// <summary>The write-ahead log and its shared-memory index.</summary>
    public static string[] LogOf(string database) => [database + "-wal", database + "-shm"];

    /// <summary>The database, its log, and the lock file a running service holds beside it (<see cref="ServiceHold"/>):
    /// everything to delete once no service uses the file.</summary>
    public static string[] AllOf(string database) => [database, .. LogOf(database), ServiceHold.LockFileOf(database)];
}
