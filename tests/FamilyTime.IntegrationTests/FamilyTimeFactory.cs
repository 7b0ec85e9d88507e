using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Data.Protection;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Features.Admin.Backups;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FamilyTime.IntegrationTests;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real application over a fresh database of its own (a temp SQLite file, or a new PostgreSQL database on the
/// throwaway cluster ./test.sh starts), seeded with a small demo service so every role has children in reach.
/// </summary>
public sealed partial class FamilyTimeFactory : WebApplicationFactory<Program>
{
    public const string PostgresEnv = "FAMILYTIME_TEST_POSTGRES";
    private readonly string _connectionString;
    private readonly string? _postgresDatabase;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;
    private readonly bool _fieldKeysFromKeyRing;
    private bool _keepDatabase;

    /// <summary>Whether this app's new database may start as a copy of the seeded template (see <see cref="DemoTemplates"/>).</summary>
    private readonly bool _fromTemplate;
    private int _copied;
    private readonly bool _realPasswordHashing;

    /// <summary>
    /// PBKDF2 rounds for passwords in test apps. The service hashes with <see cref="FamilyTime.Web.Startup.PasswordIterations"/>
    /// (210,000, about 0.15 s a sign-in here), which the suite's sign-ins (over 500 places, on both engines) would add up;
    /// the same hasher with fewer rounds takes the same paths. An app made with <c>realPasswordHashing</c> keeps the
    /// service's rounds, for the test that a weaker hash is strengthened.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>
    /// What encrypts the sensitive columns of every test app that does not ask for its own key ring: one for the
    /// whole test run, so EF builds one model (its converters hold the protector) rather than one per app.
    /// </summary>
    public static readonly IFieldProtector SharedFieldProtector = new KeyRingFieldProtector(new EphemeralDataProtectionProvider());

    /// <param name="sqliteFile">A SQLite file to start over (deleted with the factory); a new one when null.</param>
    /// <param name="demo">Demo mode (Demo:Enabled), which seeds an empty database with the demo service.</param>
    /// <param name="clock">The application's clock; a new one standing at <see cref="DefaultStart"/> when null.</param>
    /// <param name="mfaRequiredFor">Mfa:RequiredFor. The demo accounts have no authenticator app, so none by default.</param>
    /// <param name="settings">More settings, as a deployment would give them (such as a GOV.UK Notify account).</param>
    /// <param name="testServices">Services put in place of the app's own after it registers them (such as a stub for Notify's network).</param>
    /// <param name="fieldKeysFromKeyRing">Encrypt sensitive columns with the app's own key ring, as the service does, rather than <see cref="SharedFieldProtector"/>.</param>
    public FamilyTimeFactory(Provider provider, int signInAttemptsPerMinute = 10_000, FakeTimeProvider? clock = null, string? sqliteFile = null, bool demo = true,
        string mfaRequiredFor = "None", IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null,
        bool fieldKeysFromKeyRing = false, bool realPasswordHashing = false)
    {
        _realPasswordHashing = realPasswordHashing;
        _fieldKeysFromKeyRing = fieldKeysFromKeyRing;
        _settings = settings ?? new Dictionary<string, string?>();
        _testServices = testServices;
        MfaRequiredFor = mfaRequiredFor;
        Provider = provider;
        SignInAttemptsPerMinute = signInAttemptsPerMinute;
        Clock = clock ?? new FakeTimeProvider(DefaultStart);
        Demo = demo;
        // Seeding the demo service is most of an app's start (about 3.5 s of the 4.5): a database the app would seed
        // exactly as the template was seeded is copied from it instead. Anything that could change what seeding writes
        // (other settings, other services, its own key ring, a file of the test's own) seeds afresh.
        _fromTemplate = demo && !realPasswordHashing && sqliteFile is null && settings is null or { Count: 0 } && testServices is null && !fieldKeysFromKeyRing;
        if (provider == Provider.Sqlite)
        {
            _connectionString = $"Data Source={sqliteFile ?? NewSqliteFile()}";
        }
        else
        {
            _postgresDatabase = "ft_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = PostgresConnection(_postgresDatabase);
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on the tests' PostgreSQL cluster.</summary>
    internal static string PostgresConnection(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresEnv)
            ?? throw new InvalidOperationException($"{PostgresEnv} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL."))
        { Database = database }.ConnectionString;

    /// <summary>The app that seeds a template: demo data as of <paramref name="now"/>, into <paramref name="database"/>
    /// (a SQLite file or a PostgreSQL database name), which is kept when the app is disposed.</summary>
    internal FamilyTimeFactory(Provider provider, DateTimeOffset now, string database)
        : this(provider, clock: new FakeTimeProvider(now), sqliteFile: provider == Provider.Sqlite ? database : null)
    {
        // A file of its own already rules out a copy on SQLite; on PostgreSQL the database is the template's too.
        _fromTemplate = false;
        _keepDatabase = true;
        if (provider == Provider.Postgres)
        {
            _postgresDatabase = database;
            _connectionString = PostgresConnection(database);
        }
    }

    private FamilyTimeFactory(FamilyTimeFactory before)
    {
        _settings = before._settings;
        _testServices = before._testServices;
        _fieldKeysFromKeyRing = before._fieldKeysFromKeyRing;
        _realPasswordHashing = before._realPasswordHashing;
        Provider = before.Provider;
        SignInAttemptsPerMinute = before.SignInAttemptsPerMinute;
        Clock = before.Clock;
        Demo = before.Demo;
        MfaRequiredFor = before.MfaRequiredFor;
        _connectionString = before._connectionString;
        _postgresDatabase = before._postgresDatabase;
    }

    public Provider Provider { get; }

    public string MfaRequiredFor { get; }
    public int SignInAttemptsPerMinute { get; }

    /// <summary>
    /// Where an app's clock stands when the test brings none: an ordinary Tuesday morning in term time (09:30 in
    /// London, which is on GMT then), weeks from a bank holiday (31 August, 25 December) or a change of the clocks
    /// (25 October, 28 March), so demo data and the test's own dates never depend on the day the tests run.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 17, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// The application's clock (its only TimeProvider), moved by the test with Advance/SetUtcNow and otherwise still.
    /// A test reads "today" and "now" from it, never from the machine.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    public bool Demo { get; }

    /// <summary>The tests' temp folder for SQLite files, made when missing.</summary>
    internal static string SqliteFolder => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "familytime-tests")).FullName;

    /// <summary>A path for a new SQLite file in the tests' temp folder.</summary>
    public static string NewSqliteFile() => Path.Combine(SqliteFolder, Guid.NewGuid().ToString("N") + ".db");

    /// <summary>
    /// Stops this app and starts a new one over the same database and clock, as a restart of the service would:
    /// dispose this one (its database is kept) and use the one returned.
    /// </summary>
    public FamilyTimeFactory Restart()
    {
        _keepDatabase = true;
        var next = new FamilyTimeFactory(this);
        _ = next.Server;
        return next;
    }

    /// <summary>One turn of the scheduler at the clock's time: what the background service does every few seconds.</summary>
    public async Task TickAsync() => await Services.GetRequiredService<FamilyTime.Web.Features.Scheduling.JobRunner>().TickAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Before the app migrates and seeds: a database it would seed like the template starts as a copy of it. An app
        // made by WithWebHostBuilder may add settings or services of its own, so it seeds as before.
        if (_fromTemplate && Factories.Count == 0 && Interlocked.Exchange(ref _copied, 1) == 0)
        {
            DemoTemplates.CopyTo(Provider, Clock.GetUtcNow(), Provider == Provider.Sqlite ? new SqliteConnectionStringBuilder(_connectionString).DataSource : _postgresDatabase!);
        }
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", _connectionString);
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:Children", "30");
        builder.UseSetting("Mfa:RequiredFor", MfaRequiredFor);
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The tests turn the scheduler by hand (TickAsync), so what a job did is known when the test looks.
        builder.UseSetting("Scheduler:Enabled", "false");
        // The rota runs the product's CP-SAT optimiser, stopped by its own measure of work rather than the clock, so a
        // busy machine gets the same plan, only later.
        builder.UseSetting("Rota:DeterministicTimeLimit", "2");
        builder.UseSetting("Rota:SearchWorkers", "1");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            // Counts the SQL of requests that ask for it (SqlCount.OfAsync). ConfigureDbContext adds to the app's own
            // options (its SqlitePragmas stay) and is honoured by AddDbContextPool; with pooling the provider given
            // here is the root one, where the counter is a singleton.
            s.AddHttpContextAccessor();
            s.AddSingleton<SqlCommandCounter>();
            s.ConfigureDbContext<FamilyTimeDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlCommandCounter>()));
            if (!_fieldKeysFromKeyRing)
            {
                s.AddSingleton(SharedFieldProtector);
            }
            if (!_realPasswordHashing)
            {
                s.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
            }
            _testServices?.Invoke(s);
        });
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<string> UserIdAsync(string userName) =>
        await this.DbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>A browser-like client signed in through the sign-in page (cookie, antiforgery token and all).</summary>
    public async Task<HttpClient> PagesAsAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName} answered {response.StatusCode}");
        return client;
    }

    /// <summary>An API client holding a bearer token from POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepDatabase)
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }
        else if (Provider == Provider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqliteFile(new SqliteConnectionStringBuilder(_connectionString).DataSource);
        }
        else if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(_postgresDatabase);
        }
    }

    /// <summary>A SQLite database file with its write-ahead log, shared-memory index and the lock file a running app
    /// holds beside it (<see cref="ServiceHold"/>; the app leaves it behind by design, since removing a lock file others
    /// may hold breaks the lock, but a test's app has stopped by now).</summary>
    internal static void DeleteSqliteFile(string file)
    {
        foreach (var path in SqliteFiles.AllOf(file))
        {
            File.Delete(path);
        }
    }

    internal static async Task DropPostgresDatabaseAsync(string database)
    {
        await using var conn = new NpgsqlConnection(PostgresConnection("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record TokenAnswer(string AccessToken);
}

/// <summary>One app per provider per test class: xunit builds these through IClassFixture.</summary>
public sealed class SqliteApp() : IAsyncLifetime
{
    public FamilyTimeFactory Factory { get; } = new(Provider.Sqlite);
    public Task InitializeAsync() { _ = Factory.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class PostgresApp() : IAsyncLifetime
{
    public FamilyTimeFactory Factory { get; } = new(Provider.Postgres);
    public Task InitializeAsync() { _ = Factory.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
