using FamilyTime.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FamilyTime.Web.Features.Admin.Backups;

/// <summary>
/// How <c>familytime restore</c> knows the service is running on a SQLite database: while it runs, the service keeps
/// <c>&lt;database&gt;.lock</c> open with a shared lock, and a restore needs the file to itself. The operating system
/// drops the lock when the process ends, however it ends, so a crashed service never leaves a stale hold behind (as a
/// file holding a process id would). Several services on one file share the lock; a restore under way holds it alone,
/// and a service started meanwhile stops at once rather than run on a database being replaced.
/// </summary>
public sealed partial class ServiceHold(IConfiguration config, IHostApplicationLifetime lifetime, ILogger<ServiceHold> log) : IHostedService, IDisposable
{
    private FileStream? _held;

    /// <summary>The lock file of a SQLite database file.</summary>
    public static string LockFileOf(string databaseFile) => Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>The SQLite database file the configuration names, or null when the service runs on PostgreSQL or in memory.</summary>
    public static string? DatabaseFileOf(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (DatabaseSetup.ProviderOf(config) != DatabaseSetup.Sqlite)
        {
            return null;
        }
        var file = new SqliteConnectionStringBuilder(config.GetConnectionString(DatabaseSetup.Sqlite) ?? "Data Source=data/familytime.db").DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetFullPath(file);
    }

    /// <summary>The service's shared hold: null when a restore holds the file alone.</summary>
    public static FileStream? TakeShared(string databaseFile) => Take(databaseFile, FileShare.ReadWrite);

    /// <summary>A restore's hold, the file to itself: null while any service holds it.</summary>
    public static FileStream? TakeAlone(string databaseFile) => Take(databaseFile, FileShare.None);

    private static FileStream? Take(string databaseFile, FileShare share)
    {
        try
        {
            // .NET turns FileShare into flock: shared for ReadWrite, exclusive for None (and into share modes on Windows).
            return new FileStream(LockFileOf(databaseFile), FileMode.OpenOrCreate,
                share == FileShare.None ? FileAccess.ReadWrite : FileAccess.Read, share);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (DatabaseFileOf(config) is { } file)
        {
            _held = TakeShared(file);
            if (_held is null)
            {
                RestoreUnderWay(log, file);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "A restore of {Database} is under way (it holds the file's .lock), so the service is stopping. Start it again when the restore has finished.")]
    private static partial void RestoreUnderWay(ILogger logger, string database);
}
