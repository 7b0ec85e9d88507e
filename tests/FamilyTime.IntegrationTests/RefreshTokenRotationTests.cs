using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Api.Tokens;
using FamilyTime.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Refresh tokens are stored (as hashes), used once, and revocable: each refresh hands out a successor and ends the
/// token it was given; a used token coming back ends its whole sign-in; racing refreshes with one token cannot fork
/// the sign-in; revoking or signing out ends them; access tokens last the configured minutes.
/// Each test has its own app without demo data, so moving the clock touches no other test.
/// </summary>
public abstract class RefreshTokenRotationTests(Provider provider) : IAsyncLifetime
{
    private readonly FamilyTimeFactory _app = new(provider, demo: false);
    private const string UserName = "rotator";

    public Task InitializeAsync() => _app.AddAccountAsync(UserName, "Rotation test", Roles.SocialWorker);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> SignInAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = UserName, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string? refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    private static async Task<JsonElement> RefreshedAsync(HttpClient client, string? refreshToken)
    {
        var response = await RefreshAsync(client, refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Refresh(JsonElement answer) => answer.GetProperty("refreshToken").GetString()!;

    private static async Task<HttpStatusCode> ChildrenAsync(HttpClient client, JsonElement answer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("accessToken").GetString());
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<List<StoredRefreshToken>> RowsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        return await db.RefreshTokens.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_refresh_gives_a_new_refresh_token_and_the_old_one_stops_working()
    {
        var client = _app.CreateClient();
        var first = await SignInAsync(client);
        var second = await RefreshedAsync(client, Refresh(first));
        Assert.NotEqual(Refresh(first), Refresh(second));
        Assert.Equal(HttpStatusCode.OK, await ChildrenAsync(client, second));

        var again = await RefreshAsync(client, Refresh(first));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("Sign in again", await again.Content.ReadAsStringAsync());

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows.Select(r => r.FamilyId).Distinct());
        var used = Assert.Single(rows, r => r.UsedAt is not null);
        Assert.Equal(rows.Single(r => r.Id != used.Id).Id, used.ReplacedById);
    }

    [Fact]
    public async Task Reusing_a_used_refresh_token_revokes_the_newer_one_too_but_not_another_sign_in()
    {
        var client = _app.CreateClient();
        var first = await SignInAsync(client);
        var second = await RefreshedAsync(client, Refresh(first));
        var third = await RefreshedAsync(client, Refresh(second));
        var otherSignIn = await SignInAsync(client);

        // Someone presents the first token again: the server cannot tell thief from owner, so the sign-in ends.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, Refresh(first))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, Refresh(third))).StatusCode);
        Assert.All((await RowsAsync()).Where(r => r.TokenHash != RefreshTokenStore.Hash(Refresh(otherSignIn))),
            r => Assert.Equal(RefreshTokenStore.ReasonReused, r.RevokedReason));

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, Refresh(otherSignIn))).StatusCode);
    }

    [Fact]
    public async Task Ten_refreshes_racing_with_one_token_leave_at_most_one_working_successor()
    {
        var client = _app.CreateClient();
        var token = Refresh(await SignInAsync(client));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RefreshAsync(client, token)));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
        var successors = new List<string>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            successors.Add(Refresh(await answer.Content.ReadFromJsonAsync<JsonElement>()));
        }
        Assert.True(successors.Count <= 1, $"{successors.Count} refreshes with one token succeeded");

        var working = 0;
        foreach (var successor in successors)
        {
            working += (await RefreshAsync(client, successor)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        Assert.True(working <= 1);
        // The token itself was exchanged for one successor at most.
        Assert.True((await RowsAsync()).Count(r => r.ReplacedById is not null) <= 1);
    }

    [Fact]
    public async Task The_revoke_endpoint_ends_the_whole_sign_in_and_answers_the_same_for_an_unknown_token()
    {
        var client = _app.CreateClient();
        var first = await SignInAsync(client);
        var second = await RefreshedAsync(client, Refresh(first));
        var otherSignIn = await SignInAsync(client);

        // Revoking with the older, used token still reaches its family's newest token.
        var revoked = await client.PostAsJsonAsync("/api/v1/auth/revoke", new { refreshToken = Refresh(first) });
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, Refresh(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, Refresh(otherSignIn))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/revoke", new { refreshToken = "never-issued" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/auth/revoke", new { refreshToken = "" })).StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_every_refresh_token_of_the_account()
    {
        var client = _app.CreateClient();
        var phone = await SignInAsync(client);
        var laptop = await SignInAsync(client);

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", phone.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, Refresh(phone))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, Refresh(laptop))).StatusCode);
        Assert.All(await RowsAsync(), r => Assert.Equal("signed out", r.RevokedReason));
    }

    [Fact]
    public async Task An_access_token_runs_out_after_the_configured_minutes()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false,
            settings: new Dictionary<string, string?> { ["Security:AccessTokenMinutes"] = "3" });
        await app.AddAccountAsync(UserName, "Rotation test", Roles.SocialWorker);
        var client = app.CreateClient();
        var answer = await SignInAsync(client);
        Assert.Equal(180, answer.GetProperty("expiresIn").GetInt32());

        app.Clock.Advance(TimeSpan.FromMinutes(2.9));
        Assert.Equal(HttpStatusCode.OK, await ChildrenAsync(client, answer));
        app.Clock.Advance(TimeSpan.FromMinutes(0.2));
        Assert.Equal(HttpStatusCode.Unauthorized, await ChildrenAsync(client, answer));
        // The refresh token, which holds for days, gives a new one.
        Assert.Equal(HttpStatusCode.OK, await ChildrenAsync(client, await RefreshedAsync(client, Refresh(answer))));
    }

    [Fact]
    public async Task Refreshing_every_few_days_keeps_a_sign_in_going_only_until_its_days_are_up_then_the_password_is_asked_for()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false,
            settings: new Dictionary<string, string?> { ["Security:RefreshTokenDays"] = "14", ["Security:SignInDays"] = "30" });
        await app.AddAccountAsync(UserName, "Rotation test", Roles.SocialWorker);
        var client = app.CreateClient();
        var answer = await SignInAsync(client);

        // Days 10 and 20: each refresh is well inside its token's 14 days, so the sign-in goes on.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            app.Clock.Advance(TimeSpan.FromDays(10));
            answer = await RefreshedAsync(client, Refresh(answer));
        }
        // The token made on day 20 would last to day 34, but the sign-in ends on day 30.
        var rows = await app.DbAsync(db => db.RefreshTokens.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync());
        Assert.Single(rows.Select(r => r.SignedInAt).Distinct());
        Assert.Equal(rows[0].SignedInAt.AddDays(30), rows[^1].ExpiresAt);
        app.Clock.Advance(TimeSpan.FromDays(9.9));
        answer = await RefreshedAsync(client, Refresh(answer));
        app.Clock.Advance(TimeSpan.FromDays(0.2));
        var refused = await RefreshAsync(client, Refresh(answer));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Sign in again", await refused.Content.ReadAsStringAsync());

        // The password starts a new sign-in with days of its own.
        var fresh = await SignInAsync(client);
        Assert.Equal(HttpStatusCode.OK, await ChildrenAsync(client, await RefreshedAsync(client, Refresh(fresh))));
    }

    [Fact]
    public async Task The_database_holds_only_a_hash_of_each_refresh_token()
    {
        var client = _app.CreateClient();
        var first = await SignInAsync(client);
        var second = await RefreshedAsync(client, Refresh(first));
        var tokens = new[] { Refresh(first), Refresh(second) };

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        var stored = JsonSerializer.Serialize(rows);
        Assert.All(tokens, t => Assert.DoesNotContain(t, stored, StringComparison.Ordinal));
        Assert.Equal(tokens.Select(RefreshTokenStore.Hash).Order(), rows.Select(r => r.TokenHash).Order());

        // And straight from the table, every column as text: no row carries either token.
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        foreach (var token in tokens)
        {
            var found = await db.Database.SqlQueryRaw<int>(
                """SELECT COUNT(*) AS "Value" FROM "RefreshTokens" WHERE "TokenHash" = {0} OR "StampHash" = {0} OR "UserId" = {0} OR "RevokedReason" = {0}""",
                token).SingleAsync();
            Assert.Equal(0, found);
        }
    }
}

[Collection("sqlite")]
public sealed class RefreshTokenRotationTestsOnSqlite() : RefreshTokenRotationTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class RefreshTokenRotationTestsOnPostgres() : RefreshTokenRotationTests(Provider.Postgres);
