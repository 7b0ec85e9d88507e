using FamilyTime.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Infrastructure;

/// <summary>Chooses the database engine from configuration (never guessed) and applies migrations on start-up.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string ProviderOf(IConfiguration config) => config["Database:Provider"] ?? Sqlite;

    public static IServiceCollection AddFamilyTimeDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = ProviderOf(config);
        switch (provider)
        {
            case Sqlite:
                var sqlite = new SqliteConnectionStringBuilder(config.GetConnectionString(Sqlite) ?? "Data Source=data/familytime.db");
                EnsureFolder(sqlite.DataSource);
                services.AddDbContextPool<FamilyTimeDbContext>(o => o
                    .UseSqlite(sqlite.ConnectionString, x => x.MigrationsAssembly("FamilyTime.Migrations.Sqlite"))
                    .AddInterceptors(new SqlitePragmas()));
                break;
            case Postgres:
                var pg = config.GetConnectionString(Postgres);
                if (string.IsNullOrWhiteSpace(pg))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
                }
                services.AddDbContextPool<FamilyTimeDbContext>(o => o
                    .UseNpgsql(pg, x => x.MigrationsAssembly("FamilyTime.Migrations.Postgres")));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        }
        return services;
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while the one writer writes; the setting is kept in the database file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
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
}
