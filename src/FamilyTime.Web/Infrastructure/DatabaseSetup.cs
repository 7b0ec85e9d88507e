using Microsoft.AspNetCore.Identity;
using FamilyTime.Data;
using FamilyTime.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Infrastructure;

/// <summary>Chooses the database engine from configuration (never guessed) and applies migrations on start-up.</summary>
public static partial class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string ProviderOf(IConfiguration config) => config["Database:Provider"] ?? Sqlite;

    public static IServiceCollection AddFamilyTimeDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = ProviderOf(config);
        // Sensitive columns are encrypted with the key ring (SensitiveFields); one protector for the app's life.
        services.AddSingleton<IFieldProtector, KeyRingFieldProtector>();
        switch (provider)
        {
            case Sqlite:
                var sqlite = new SqliteConnectionStringBuilder(config.GetConnectionString(Sqlite) ?? "Data Source=data/familytime.db");
                EnsureFolder(sqlite.DataSource);
                services.AddDbContextPool<FamilyTimeDbContext>((sp, o) => o
                    .UseFieldProtection(sp.GetRequiredService<IFieldProtector>())
                    .UseSqlite(sqlite.ConnectionString, x => x.MigrationsAssembly("FamilyTime.Migrations.Sqlite"))
                    .AddInterceptors(new SqlitePragmas()));
                break;
            case Postgres:
                var pg = config.GetConnectionString(Postgres);
                if (string.IsNullOrWhiteSpace(pg))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
                }
                services.AddDbContextPool<FamilyTimeDbContext>((sp, o) => o
                    .UseFieldProtection(sp.GetRequiredService<IFieldProtector>())
                    .UseNpgsql(pg, x => x.MigrationsAssembly("FamilyTime.Migrations.Postgres")));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        }
        return services;
    }

    /// <summary>
    /// Brings the database up to this build's migrations. A database that has migrations this build does not know
    /// (made before the migrations were collapsed into one, or by another version) is never migrated over: a SQLite
    /// demo database is recreated, to be seeded afresh; anything else stops start-up with what to do.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var unknown = await UnknownMigrationsAsync(db);
        if (unknown.Count > 0)
        {
            var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
            var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!);
            if (db.Database.IsSqlite() && config.GetValue("Demo:Enabled", false))
            {
                Recreating(log, string.Join(", ", unknown));
                await RecreateSqliteAsync(db);
            }
            else
            {
                var message = UnknownMigrationsMessage(unknown, db.Database.IsSqlite());
                CannotStart(log, message);
                throw new InvalidOperationException(message);
            }
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while the one writer writes; the setting is kept in the database file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await EncryptPlainValuesAsync(db, scope.ServiceProvider);
    }

    /// <summary>
    /// Encrypts sensitive values still stored plain (written before encryption, or restored from an old backup).
    /// With nothing to do it is one small query per sensitive column.
    /// </summary>
    private static async Task EncryptPlainValuesAsync(FamilyTimeDbContext db, IServiceProvider services)
    {
        var encrypted = await PlainFieldEncryptor.EncryptPlainValuesAsync(db, services.GetRequiredService<IFieldProtector>());
        if (encrypted > 0)
        {
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!);
            Encrypted(log, encrypted);
        }
    }

    /// <summary>Every role the service knows, so that a fresh database can be given its first administrator and staff
    /// (<c>familytime admin</c> runs after this).</summary>
    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        // One query at start-up, not one per role.
        var existing = await roles.Roles.Select(r => r.Name).ToListAsync();
        foreach (var role in Domain.Access.Roles.All.Where(r => !existing.Contains(r)))
        {
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"The role {role} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
    }

    /// <summary>Migrations recorded as applied in the database that this build does not have, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(FamilyTimeDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync();
        return applied.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
    }

    private static string UnknownMigrationsMessage(IReadOnlyList<string> unknown, bool sqlite) =>
        $"The database has migrations applied that this version of FamilyTime does not know: {string.Join(", ", unknown)}. "
        + "It was made by another version of FamilyTime (an earlier one, before the migrations were collapsed into one "
        + "Initial migration, or a later one), so FamilyTime has not started and has not changed it. "
        + "If it holds only test or demo data, delete it and start again"
        + (sqlite ? " (a SQLite database in demo mode, Demo:Enabled=true, is recreated by itself)" : "")
        + "; if it holds real data, run the version of FamilyTime that made it, or move the data to a database made by this version.";

    /// <summary>Deletes the SQLite file and any write-ahead log left beside it, which would otherwise be replayed into the new file.</summary>
    private static async Task RecreateSqliteAsync(FamilyTimeDbContext db)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await db.Database.EnsureDeletedAsync();
        if (file is not ":memory:" && !string.IsNullOrEmpty(file))
        {
            foreach (var log in SqliteFiles.LogOf(file))
            {
                File.Delete(log);
            }
        }
    }

    private static void EnsureFolder(string dataSource)
    {
        if (dataSource is ":memory:" || string.IsNullOrEmpty(dataSource))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo database was made by an earlier version of FamilyTime (it has migrations this version does not know: {Unknown}); it is being recreated with fresh demo data.")]
    private static partial void Recreating(ILogger logger, string unknown);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} sensitive values that were stored plain.")]
    private static partial void Encrypted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void CannotStart(ILogger logger, string message);
}
