using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace FamilyTime.BrowserTests;

/// <summary>
/// One FamilyTime host on real Kestrel (loopback, free port, a fresh SQLite file seeded with demo data)
/// and one headless Debian Chromium, shared by every browser test. Each test takes a new browser context.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync, which disposes the host.")]
public sealed class AppFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"familytime-browser-{Guid.NewGuid():N}.db");
    private FamilyTimeHost? _host;
    private IPlaywright? _playwright;

    /// <summary>
    /// The app's clock, which stands still at an ordinary Tuesday morning in term time (09:30 in London, on GMT then),
    /// weeks from a bank holiday or a change of the clocks: the demo data, the app's "today" and every date a test types
    /// come from it, never from the day the tests run. One app serves the whole collection, so this is one clock too.
    /// </summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 17, 9, 30, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started");

    /// <summary>The app's services, for a test to lay out history (past sessions, records) the demo data does not have.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The app has not started");

    public async Task InitializeAsync()
    {
        // The browser is Debian's; Playwright must never fetch one of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // An expectation waits as long as an action does (15 s, below): Playwright's own 5 s for expectations was once
        // too short on the busy 2-core CI box for a page reached by a click (ArrangementEditTests), which loaded later.
        Assertions.SetDefaultExpectTimeout(15_000);

        _host = new FamilyTimeHost(_databasePath);
        BaseAddress = Serve(_host);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh, isolated browser context (own cookies) with one page on it; disposing it closes the context.</summary>
    public async Task<BrowserSession> NewSessionAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        DeleteDatabase(_databasePath);
    }

    /// <summary>
    /// Another host on real Kestrel over a SQLite file of its own, for a journey that needs one (a fresh, empty database
    /// with two-factor sign-in enforced as in production; the app behind a TLS proxy). Disposing it stops the host and
    /// deletes the file.
    /// </summary>
    /// <param name="settings">More settings, applied last.</param>
    /// <param name="services">Test services, such as the single sign-on's back channel.</param>
    public static SecondHost StartHost(bool demo, string mfaRequiredFor, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"familytime-browser-{Guid.NewGuid():N}.db");
        var host = new FamilyTimeHost(databasePath, demo, mfaRequiredFor, settings, services);
        return new SecondHost(host, Serve(host), databasePath);
    }

    /// <summary>Starts the host on real Kestrel (loopback, a free port) and answers its address. It migrates and seeds
    /// before the server listens (Program.cs), so the app is ready when this returns.</summary>
    private static Uri Serve(WebApplicationFactory<Program> host)
    {
        host.UseKestrel(0);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server does not say where it is listening");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel is not listening on http: {string.Join(", ", addresses)}");
        return new Uri(address.TrimEnd('/') + "/");
    }

    private static void DeleteDatabase(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        // The lock file beside it is the app's hold on the file, left behind by design; the app has stopped.
        foreach (var file in SqliteFiles.AllOf(databasePath))
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A host started by <see cref="StartHost"/>.</summary>
    public sealed class SecondHost(WebApplicationFactory<Program> host, Uri address, string databasePath) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            DeleteDatabase(databasePath);
        }
    }

    /// <param name="mfaRequiredFor">Mfa:RequiredFor: the demo accounts have no authenticator app, so none by default.</param>
    private sealed class FamilyTimeHost(string databasePath, bool demo = true, string mfaRequiredFor = "None",
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            builder.UseSetting("Mfa:RequiredFor", mfaRequiredFor);
            builder.UseSetting("Demo:Children", "40");
            // Every test signs in; the real limit (10 a minute per address) would throttle the suite.
            builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
            builder.UseSetting("Authentication:Oidc:Authority", "");
            // The product's CP-SAT optimiser plans the rota, stopped by its own measure of work rather than the clock.
            builder.UseSetting("Rota:DeterministicTimeLimit", "2");
            builder.UseSetting("Rota:SearchWorkers", "1");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                services?.Invoke(s);
            });
        }
    }
}

public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "browser";
}
