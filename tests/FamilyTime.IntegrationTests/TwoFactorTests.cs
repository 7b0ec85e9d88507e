using System.Net;
using System.Net.Http.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>An account with an authenticator app needs its current code, on the API as on the sign-in page.</summary>
public sealed class TwoFactorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_token_needs_the_authenticator_code_once_two_factor_is_on()
    {
        var userName = "twofactor-" + Guid.NewGuid().ToString("N")[..6];
        string key;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = userName, DisplayName = "Two factor" };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var client = app.Factory.CreateClient();

        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("twoFactorCode", await withoutCode.Content.ReadAsStringAsync());

        var wrongCode = Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(0)) ;
        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password, twoFactorCode = wrongCode });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // Identity checks an authenticator code against the machine's clock (Rfc6238AuthenticationService reads
        // DateTime.UtcNow, not the app's TimeProvider), so the code is made for the machine's time: it decides no date.
        var code = Totp.Code(key, TimeProvider.System.GetUtcNow());
        var accepted = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
