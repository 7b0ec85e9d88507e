using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>Migrations, health, the OpenAPI document and the security basics, on each engine.</summary>
public abstract class PlatformTests(FamilyTimeFactory app)
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        Assert.False(await app.DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The EF model differs from the migrations: run scripts/add-migration.sh <Name>.");
        Assert.Empty(await app.DbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Health_answers_200()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/children", "/api/v1/children/{id}", "/api/v1/children/{id}/people" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        Assert.True(paths.GetProperty("/api/v1/children/{id}").TryGetProperty("put", out _));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_a_policy_with_no_inline_script()
    {
        var response = await app.CreateClient().GetAsync("/Account/SignIn");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("GDS Transport", html);
    }

    [Fact]
    public async Task An_unknown_page_answers_a_plain_404_page_and_an_unknown_api_route_a_problem()
    {
        var pages = await app.PagesAsAsync("socialworker1");
        var page = await pages.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());

        var api = await app.ApiAsAsync("socialworker1");
        var missing = await api.GetAsync("/api/v1/children/not-a-guid");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app.Factory), IClassFixture<PostgresApp>;

/// <summary>Sign-in is rate limited per client: the 4th attempt in a minute with a limit of 3 answers 429.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FamilyTimeFactory _app = new(Provider.Sqlite, signInAttemptsPerMinute: 3);

    [Fact]
    public async Task Too_many_sign_in_attempts_answer_429()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "socialworker1", password = "wrong-password-here" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "socialworker1", password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    public Task InitializeAsync() { _ = _app.Server; return Task.CompletedTask; }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
