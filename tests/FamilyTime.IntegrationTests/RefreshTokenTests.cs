using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The token answer's refreshToken is accepted by <c>POST /api/v1/auth/refresh</c>: it gives a working new token, and is
/// refused once expired, after the password changes, while the account is suspended, and when it is anything else.
/// Rotation, reuse and revocation: <see cref="RefreshTokenRotationTests"/>.
/// Each test has its own app without demo data, so moving the clock touches no other test.
/// </summary>
public abstract class RefreshTokenTests(Provider provider) : IAsyncLifetime
{
    private readonly FamilyTimeFactory _app = new(provider, demo: false);
    private const string UserName = "refresher";

    public Task InitializeAsync() => _app.AddAccountAsync(UserName, "Refresh test", Roles.SocialWorker);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = UserName, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string? refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_that_works()
    {
        var client = _app.CreateClient();
        var first = await TokenAsync(client);
        _app.Clock.Advance(TimeSpan.FromHours(2));

        // The first access token has run out (ten minutes by default)…
        var expired = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children");
        expired.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(expired)).StatusCode);

        // …the refresh token has not, and its answer is a whole new token answer.
        var refreshed = await RefreshAsync(client, first.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", second.GetProperty("tokenType").GetString());
        Assert.Equal(600, second.GetProperty("expiresIn").GetInt32());
        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), second.GetProperty("refreshToken").GetString());

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_runs_out_after_fourteen_days()
    {
        var client = _app.CreateClient();
        var token = (await TokenAsync(client)).GetProperty("refreshToken").GetString();
        _app.Clock.Advance(TimeSpan.FromDays(13));
        var renewed = await RefreshAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        // Each refresh token is used once; its successor holds fourteen days from its own making.
        token = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        _app.Clock.Advance(TimeSpan.FromDays(13.9));
        renewed = await RefreshAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        token = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        _app.Clock.Advance(TimeSpan.FromDays(14.1));
        var refused = await RefreshAsync(client, token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Sign in again", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_password_or_a_suspension_ends_the_refresh_token()
    {
        var client = _app.CreateClient();
        var beforeNewPassword = (await TokenAsync(client)).GetProperty("refreshToken").GetString();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync(UserName))!;
            Assert.True((await users.ChangePasswordAsync(user, DemoAccounts.Password, DemoAccounts.Password + "-new")).Succeeded);
            Assert.True((await users.ChangePasswordAsync(user, DemoAccounts.Password + "-new", DemoAccounts.Password)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, beforeNewPassword)).StatusCode);

        var refreshed = await RefreshAsync(client, (await TokenAsync(client)).GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var beforeSuspension = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // As suspending a portal account does: the lockout without end, the security stamp untouched.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync(UserName))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, beforeSuspension)).StatusCode);
    }

    [Fact]
    public async Task Anything_but_a_refresh_token_is_refused_plainly()
    {
        var client = _app.CreateClient();
        var answer = await TokenAsync(client);

        var missing = await RefreshAsync(client, null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Enter the refresh token", await missing.Content.ReadAsStringAsync());

        // A refresh token is looked up by its hash: an access token, or a token one character out, is not one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, answer.GetProperty("accessToken").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, "not-a-token")).StatusCode);
        var tampered = answer.GetProperty("refreshToken").GetString()!;
        tampered = tampered[..^4] + (tampered[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tampered)).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class RefreshTokenTestsOnSqlite() : RefreshTokenTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class RefreshTokenTestsOnPostgres() : RefreshTokenTests(Provider.Postgres);
