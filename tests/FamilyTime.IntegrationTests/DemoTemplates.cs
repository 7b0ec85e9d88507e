using System.Collections.Concurrent;
using FamilyTime.Web.Infrastructure;
using Npgsql;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Databases seeded once with the demo service, one per engine and clock reading, copied for each test app that would
/// seed the same (a SQLite file copied, a PostgreSQL database made with it as its TEMPLATE). Seeding is most of an
/// app's start, and the suite starts a few hundred apps: each still gets a database of its own, the same rows seeding
/// would have written, its migrations checked and its start-up run as before.
/// </summary>
/// <remarks>
/// Sound because seeding depends only on the engine, the clock and the settings, and only an app with the default
/// settings and services is given a copy (<see cref="FamilyTimeFactory"/>); its encrypted columns are readable because
/// every such app shares <see cref="FamilyTimeFactory.SharedFieldProtector"/>. The templates are removed when the test
/// run ends (./test.sh throws its whole PostgreSQL cluster away too).
/// </remarks>
internal static class DemoTemplates
{
    private static readonly ConcurrentDictionary<(Provider, DateTimeOffset), Lazy<string>> Templates = new();
    /// <summary>A template this old was left by a run whose test host stopped before its ProcessExit handler had
    /// removed it (the test runner does not wait long for it): the next run removes it. No run lasts this long.</summary>
    private static readonly TimeSpan Stale = TimeSpan.FromHours(12);

    private const string SqlitePrefix = "template-", PostgresPrefix = "ft_template_";

    static DemoTemplates()
    {
        RemoveStale();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();
    }

    /// <summary>Makes <paramref name="database"/> (a SQLite file, or a PostgreSQL database name not yet in use) a copy
    /// of the template seeded at <paramref name="now"/>, seeding the template first if this is its first use.</summary>
    public static void CopyTo(Provider provider, DateTimeOffset now, string database)
    {
        var template = Templates.GetOrAdd((provider, now), key => new Lazy<string>(() => Seed(key.Item1, key.Item2))).Value;
        if (provider == Provider.Sqlite)
        {
            // The template's app is gone and its connections closed, so its write-ahead log is in the file; a -wal left
            // behind is copied too, and SQLite reads it.
            File.Copy(template, database);
            var (wal, copy) = (SqliteFiles.LogOf(template)[0], SqliteFiles.LogOf(database)[0]);
            if (File.Exists(wal)) File.Copy(wal, copy);
            return;
        }
        using var conn = new NpgsqlConnection(FamilyTimeFactory.PostgresConnection("postgres"));
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", conn);
        cmd.ExecuteNonQuery();
    }

    private static string Seed(Provider provider, DateTimeOffset now)
    {
        // Named with when it was made (the machine's clock, for housekeeping only), so a later run knows a stale one.
        var made = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var database = provider == Provider.Sqlite
            ? Path.Combine(FamilyTimeFactory.SqliteFolder, $"{SqlitePrefix}{unique}.db")
            : $"{PostgresPrefix}{made}_{unique}";
        // Seeded by an app of its own on a thread-pool thread: this runs while another app's host is being built. Its
        // disposal keeps the database and closes every pooled connection, as a template must have none.
        Task.Run(async () =>
        {
            await using var app = new FamilyTimeFactory(provider, now, database);
            _ = app.Server;
        }).GetAwaiter().GetResult();
        return database;
    }

    private static void RemoveStale()
    {
        var before = TimeProvider.System.GetUtcNow() - Stale;
        try
        {
            foreach (var file in Directory.EnumerateFiles(FamilyTimeFactory.SqliteFolder, $"{SqlitePrefix}*.db")
                         .Where(f => File.GetLastWriteTimeUtc(f) < before.UtcDateTime))
                FamilyTimeFactory.DeleteSqliteFile(file);
            if (Environment.GetEnvironmentVariable(FamilyTimeFactory.PostgresEnv) is null) return;
            using var conn = new NpgsqlConnection(FamilyTimeFactory.PostgresConnection("postgres"));
            conn.Open();
            using var cmd = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{PostgresPrefix}%'", conn);
            var names = new List<string>();
            using (var reader = cmd.ExecuteReader())
                while (reader.Read()) names.Add(reader.GetString(0));
            foreach (var name in names.Where(n => long.TryParse(n[PostgresPrefix.Length..].Split('_')[0], out var made)
                         && DateTimeOffset.FromUnixTimeSeconds(made) < before))
                FamilyTimeFactory.DropPostgresDatabaseAsync(name).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or NpgsqlException or UnauthorizedAccessException)
        {
            // Housekeeping only: what cannot be removed now is tried again by the next run.
        }
    }

    private static void RemoveAll()
    {
        foreach (var ((provider, _), template) in Templates)
        {
            if (!template.IsValueCreated) continue;
            try
            {
                if (provider == Provider.Sqlite) FamilyTimeFactory.DeleteSqliteFile(template.Value);
                else FamilyTimeFactory.DropPostgresDatabaseAsync(template.Value).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or NpgsqlException or UnauthorizedAccessException)
            {
                // A template left behind is in the temp folder or the throwaway cluster; nothing else depends on it.
            }
        }
    }
}
