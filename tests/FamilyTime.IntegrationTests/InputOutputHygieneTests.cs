using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// What goes in and what comes out: text with control characters or text-direction overrides, and dates no plan
/// needs, are refused by the API and cleaned from forms; answers to a signed-in request are never stored by a cache;
/// the server does not name itself; passwords are hashed at 210,000 iterations and old hashes strengthened at sign-in;
/// signing out ends every sign-in of the account.
/// </summary>
public abstract class InputOutputHygieneTests(FamilyTimeFactory app)
{
    private async Task<int> ChildCountAsync() => await app.DbAsync(db => db.Children.CountAsync());

    private async Task<Dictionary<string, object?>> NewChildAsync()
    {
        var household = await app.DbAsync(db => db.CarerHouseholds.OrderBy(h => h.Name).Select(h => h.Id).FirstAsync());
        return ApiInput.NewChild(household, "Hygiene");
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    [Theory]
    [InlineData("Ann\u0000a")]
    [InlineData("Ann\u202Eevil")]
    [InlineData("Ann\u2066a\u2069")]
    [InlineData("Ann\u001Ba")]
    public async Task A_name_with_a_control_character_or_a_direction_override_is_refused_by_the_api_and_nothing_is_saved(string name)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var before = await ChildCountAsync();
        var child = await NewChildAsync();
        child["lastName"] = name;

        var errors = await ErrorsAsync(await api.PostAsJsonAsync("/api/v1/children", child));

        Assert.Contains("control character or hidden text-direction mark", errors.GetProperty("lastName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ChildCountAsync());
        // Right-to-left writing itself is welcome: it needs none of those marks.
        child["lastName"] = "حسن";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/children", child)).StatusCode);
    }

    [Fact]
    public async Task A_date_no_plan_needs_is_refused_by_the_api_naming_the_field()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var before = await ChildCountAsync();
        var child = await NewChildAsync();
        child["dateOfBirth"] = "9999-12-31";

        var errors = await ErrorsAsync(await api.PostAsJsonAsync("/api/v1/children", child));

        Assert.Contains("between 1 January 1900 and 31 December 2200", errors.GetProperty("dateOfBirth")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ChildCountAsync());
    }

    [Fact]
    public async Task A_forms_text_loses_control_characters_and_direction_overrides_before_the_page_sees_it()
    {
        var pages = await app.PagesAsAsync("socialworker1");
        var form = await pages.GetStringAsync("/Language/Check");
        var answer = await pages.PostAsync("/Language/Check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            ["Text"] = "Mum\u202E arrived on time.\u000BThe visit went well.",
        }));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Mum arrived on time.The visit went well.", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
        Assert.DoesNotContain('\u000B', html);

        // A NUL is refused before any page reads the form.
        var nul = await pages.PostAsync("/Language/Check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            ["Text"] = "Mum arrived\u0000 on time.",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.DoesNotContain("Mum arrived", await nul.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_to_a_signed_in_request_may_be_stored_by_a_browser_or_a_proxy()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var list = await api.GetAsync("/api/v1/children");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl?.NoStore, $"API answer Cache-Control: {list.Headers.CacheControl}");

        var pages = await app.PagesAsAsync("socialworker1");
        var page = await pages.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, $"page Cache-Control: {page.Headers.CacheControl}");

        // The server does not say what it is.
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
        Assert.False(list.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_password_hashed_with_fewer_iterations_is_strengthened_to_210000_when_its_owner_signs_in()
    {
        // An app hashing as the service does (test apps use fewer rounds, FamilyTimeFactory.TestPasswordIterations).
        await using var service = new FamilyTimeFactory(app.Provider, realPasswordHashing: true);
        const string user = "iro1";
        var weak = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
            .HashPassword(new ApplicationUser(), FamilyTime.Web.Demo.DemoAccounts.Password);
        Assert.Equal(100_000, Iterations(weak));
        await service.DbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.UserName == user);
            account.PasswordHash = weak;
            return await db.SaveChangesAsync();
        });

        await service.ApiAsAsync(user);

        var stored = await service.DbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PasswordHash).SingleAsync());
        Assert.Equal(FamilyTime.Web.Startup.PasswordIterations, Iterations(stored!));
        Assert.Equal(210_000, FamilyTime.Web.Startup.PasswordIterations);
        // And it still opens the account.
        await service.ApiAsAsync(user);
    }

    /// <summary>Identity's version 3 hash: a format byte, then the PRF, the iteration count and the salt's length, big-endian.</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }

    [Fact]
    public async Task Signing_out_in_one_browser_ends_every_cookie_token_and_refresh_token_of_the_account()
    {
        const string user = "manager1";
        var browser = await app.PagesAsAsync(user);
        var otherBrowser = await app.PagesAsAsync(user);
        var (api, refresh) = await TokenAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/Inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/children")).StatusCode);

        var form = await browser.GetStringAsync("/Account/SignOut");
        var signedOut = await browser.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form) }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var other = await otherBrowser.GetAsync("/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/Account/SignIn", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/children")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);

        // Signing out through the API does the same for the browser.
        var browserAgain = await app.PagesAsAsync(user);
        var (apiAgain, _) = await TokenAsync(user);
        Assert.Equal(HttpStatusCode.NoContent, (await apiAgain.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await apiAgain.GetAsync("/api/v1/children")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browserAgain.GetAsync("/Inbox")).StatusCode);
        // And the account can sign in again.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync(user)).GetAsync("/api/v1/children")).StatusCode);
    }

    private async Task<(HttpClient Api, string Refresh)> TokenAsync(string user)
    {
        var client = app.CreateClient();
        var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = FamilyTime.Web.Demo.DemoAccounts.Password });
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return (client, json.GetProperty("refreshToken").GetString()!);
    }
}

public sealed class InputOutputHygieneTestsOnSqlite(SqliteApp app) : InputOutputHygieneTests(app.Factory), IClassFixture<SqliteApp>;

public sealed class InputOutputHygieneTestsOnPostgres(PostgresApp app) : InputOutputHygieneTests(app.Factory), IClassFixture<PostgresApp>;

/// <summary>
/// A body the API cannot read is logged as one warning line naming the route, with no stack trace and none of the
/// body: a fuzzer's hundred thousand malformed requests must not bury the log. The logging does not depend on the engine.
/// </summary>
public sealed class BadBodyLogTests
{
    [Fact]
    public async Task A_malformed_body_is_logged_as_one_warning_line_without_a_stack_trace()
    {
        var logs = new CapturedLogs();
        await using var app = new FamilyTimeFactory(Provider.Sqlite, demo: false, testServices: s => s.AddSingleton<ILoggerProvider>(logs));
        var client = app.CreateClient();
        // What the service logs as it starts (such as its data protection keys) is not this request's.
        var started = logs.Entries.Count;

        var answer = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"userName\": \"secret-name\", ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var about = logs.Entries.Skip(started).Where(e => e.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(about);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("POST /api/v1/auth/token answered 400", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", line.Message, StringComparison.Ordinal);
    }

    private sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
