using System.Net;
using System.Text.RegularExpressions;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>A phone's authenticator app for a test: the current code for an account's key, and turning it on from the Security page
/// with the account's password.</summary>
public static partial class Authenticator
{
    public static async Task<string> CodeAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return Totp.Code((await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!))!, TimeProvider.System.GetUtcNow());
    }

    /// <summary>Turns the app on with its current code; answers the recovery codes the page shows once.</summary>
    public static async Task<IReadOnlyList<string>> TurnOnAsync(IServiceProvider services, HttpClient client, string userName)
    {
        var page = await client.GetStringAsync("/Account/Security");
        var form = PageForm.Of(page, "Code").Set("Code", await CodeAsync(services, userName));
        // The current password is asked first (an account with none shows a recent sign-in instead).
        if (page.Contains("name=\"CurrentPassword\"", StringComparison.Ordinal))
        {
            form.Set("CurrentPassword", DemoAccounts.Password);
        }
        var on = await client.PostAsync("/Account/Security", form.Content());
        var html = await on.Content.ReadAsStringAsync();
        Assert.True(on.StatusCode == HttpStatusCode.OK && html.Contains("id=\"recovery-codes\"", StringComparison.Ordinal), $"turning on the authenticator answered {on.StatusCode}");
        return [.. RecoveryCode().Matches(html[html.IndexOf("id=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
