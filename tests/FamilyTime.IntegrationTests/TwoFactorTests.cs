using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
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

        var wrongCode = Totp(key, DateTimeOffset.FromUnixTimeSeconds(0)) ;
        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password, twoFactorCode = wrongCode });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // Identity checks an authenticator code against the machine's clock (Rfc6238AuthenticationService reads
        // DateTime.UtcNow, not the app's TimeProvider), so the code is made for the machine's time: it decides no date.
        var code = Totp(key, TimeProvider.System.GetUtcNow());
        var accepted = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoAccounts.Password, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    /// <summary>RFC 6238 with the authenticator apps' settings: SHA-1, 30-second steps, 6 digits, base32 key.</summary>
    internal static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // TOTP is defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
