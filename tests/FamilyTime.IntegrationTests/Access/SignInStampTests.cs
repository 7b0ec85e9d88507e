using System.Net;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FamilyTime.IntegrationTests.Access;

/// <summary>
/// Revoked access ends within seconds: when an account's security stamp is renewed (a new password, a change of
/// roles), its cookie and its bearer token stop working once the stamp read is older than
/// <see cref="FamilyTime.Web.Access.SecurityStampCheck.Freshness"/>, without re-reading the user on every request.
/// </summary>
public abstract class SignInStampTests(Provider provider)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_renewed_security_stamp_ends_the_cookie_and_the_token_within_seconds()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new FamilyTimeFactory(provider, clock: clock);
        var pages = await app.PagesAsAsync("socialworker1");
        var api = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/tasks")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync("socialworker1");
            await users.UpdateSecurityStampAsync(user!);
        }
        clock.Advance(FamilyTime.Web.Access.SecurityStampCheck.Freshness);

        var page = await pages.GetAsync("/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/tasks")).StatusCode);

        // Signing in again works at once, though the old stamp was read a moment ago.
        var again = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/tasks")).StatusCode);
    }

    [Fact]
    public async Task Opening_the_security_page_makes_a_key_and_keeps_this_sign_in()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new FamilyTimeFactory(provider, clock: clock);
        var pages = await app.PagesAsAsync("contactworker1");
        var before = await app.DbAsync(db => db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.SecurityStamp).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Account/Security")).StatusCode);
        clock.Advance(FamilyTime.Web.Access.SecurityStampCheck.Freshness);

        // The new key renewed the stamp, and the page renewed this sign-in's cookie with it.
        Assert.NotEqual(before, await app.DbAsync(db => db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Inbox")).StatusCode);
    }

    [Fact]
    public async Task An_unchanged_account_is_read_at_most_once_per_freshness_window()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new FamilyTimeFactory(provider, clock: clock);
        var api = await app.ApiAsAsync("socialworker1");
        await api.GetAsync("/api/v1/tasks");

        var warm = await SqlCount.OfAsync(app, api, "/api/v1/tasks", warmUp: false);
        Assert.DoesNotContain(warm.Commands, c => c.Contains("SecurityStamp", StringComparison.Ordinal));

        clock.Advance(FamilyTime.Web.Access.SecurityStampCheck.Freshness);
        var stale = await SqlCount.OfAsync(app, api, "/api/v1/tasks", warmUp: false);
        Assert.Single(stale.Commands, c => c.Contains("SecurityStamp", StringComparison.Ordinal));
    }
}

public sealed class SignInStampTestsOnSqlite() : SignInStampTests(Provider.Sqlite);

public sealed class SignInStampTestsOnPostgres() : SignInStampTests(Provider.Postgres);
