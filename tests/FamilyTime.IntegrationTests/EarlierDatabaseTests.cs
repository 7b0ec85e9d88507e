using System.Net;
using FamilyTime.Data;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A database made by an earlier FamilyTime (before the migrations were collapsed into one Initial migration) holds
/// migrations this build does not know and tables that already exist. It is never migrated over: a SQLite demo
/// database is recreated with fresh demo data; anything else stops start-up, untouched, saying what to do.
/// </summary>
public sealed class EarlierDatabaseTests
{
    private const string EarlierInitial = "20261123083512_Initial";
    private const string EarlierContactPlans = "20261123104438_ContactPlans";

    [Fact]
    public async Task An_earlier_sqlite_demo_database_is_recreated_with_fresh_demo_data()
    {
        var file = FamilyTimeFactory.NewSqliteFile();
        await MakeEarlierSqliteDatabaseAsync(file);

        await using var app = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: file, demo: true);
        var health = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var applied = await app.DbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(await app.DbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList())), applied);
        Assert.DoesNotContain(EarlierInitial, applied);
        Assert.DoesNotContain(EarlierContactPlans, applied);
        Assert.Equal(0, await app.DbAsync(db => db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'EarlierOnly'").SingleAsync()));
        Assert.Equal(30, await app.DbAsync(db => db.Children.CountAsync()));
        await app.PagesAsAsync("socialworker1");
    }

    [Fact]
    public async Task With_demo_mode_off_an_earlier_sqlite_database_stops_start_up_and_is_left_as_it_was()
    {
        var file = FamilyTimeFactory.NewSqliteFile();
        await MakeEarlierSqliteDatabaseAsync(file);

        await using var app = new FamilyTimeFactory(Provider.Sqlite, sqliteFile: file, demo: false);
        var error = Assert.ThrowsAny<Exception>(() => _ = app.Server).ToString();

        Assert.Contains("migrations applied that this version of FamilyTime does not know", error);
        Assert.Contains($"{EarlierInitial}, {EarlierContactPlans}", error);
        Assert.Contains("run the version of FamilyTime that made it", error);
        SqliteConnection.ClearAllPools();
        await using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        await conn.OpenAsync();
        Assert.Equal(2L, await ScalarAsync(conn, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1L, await ScalarAsync(conn, "SELECT COUNT(*) FROM \"EarlierOnly\""));
        Assert.Equal(0L, await ScalarAsync(conn, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'AspNetUsers'"));
    }

    /// <summary>PostgreSQL is never the demo's throwaway file: an earlier database stops start-up even in demo mode.</summary>
    [Fact]
    public async Task An_earlier_postgres_database_stops_start_up_even_in_demo_mode()
    {
        var server = Environment.GetEnvironmentVariable(FamilyTimeFactory.PostgresEnv)
            ?? throw new InvalidOperationException($"{FamilyTimeFactory.PostgresEnv} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");
        var name = "ft_test_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            await ExecuteAsync(connectionString, $"""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('{EarlierInitial}', '10.0.15');
                CREATE TABLE "EarlierOnly" ("Id" integer PRIMARY KEY);
                """);
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseSetup.Postgres,
                ["ConnectionStrings:Postgres"] = connectionString,
                ["Demo:Enabled"] = "true",
            }).Build();
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IConfiguration>(config)
                // Protected fields need a key ring; the app's own comes with the web host, absent here.
                .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
                .AddFamilyTimeDatabase(config)
                .BuildServiceProvider();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.MigrateAsync(services));

            Assert.Contains(EarlierInitial, error.Message);
            Assert.DoesNotContain("demo mode", error.Message);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            Assert.Equal([EarlierInitial], await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>What an earlier demo database looks like to this build: two migrations it does not know, and tables.</summary>
    private static async Task MakeEarlierSqliteDatabaseAsync(string file)
    {
        await using (var conn = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('{EarlierInitial}', '10.0.15'), ('{EarlierContactPlans}', '10.0.15');
                CREATE TABLE "Children" ("Id" TEXT NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL);
                INSERT INTO "Children" VALUES ('earlier', 'A child from the earlier demo');
                CREATE TABLE "EarlierOnly" ("Id" INTEGER PRIMARY KEY);
                INSERT INTO "EarlierOnly" VALUES (1);
                """;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
