using System.Net;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Two-factor sign-in as Mfa:RequiredFor sets it (here: administrators only): a recovery code signs in once, turning
/// the app off needs a current code, and a role that needs it cannot turn it off at all.
/// </summary>
public abstract class TwoFactorPolicyTests(Provider provider)
{
    [Fact]
    public async Task Recovery_codes_sign_in_once_and_turning_the_app_off_needs_a_code_and_a_role_that_allows_it()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false, mfaRequiredFor: Roles.Administrator);
        await app.AddAccountAsync("iro", "Isa Reviewer", Roles.Iro);
        await app.AddAccountAsync("admin2", "Ada Admin", Roles.Administrator);

        // An IRO is not required to, but may: their codes are shown once.
        var iro = await app.PagesAsAsync("iro");
        Assert.Equal(HttpStatusCode.OK, (await iro.GetAsync("/Children")).StatusCode);
        var codes = await Authenticator.TurnOnAsync(app.Services, iro, "iro");
        Assert.Equal(10, codes.Count);

        // The code typed must be current to turn it off.
        var page = await iro.GetStringAsync("/Account/Security");
        var noCode = await iro.PostAsync("/Account/Security?handler=Disable", PageForm.Of(page, "Code").Set("Code", "").Set("CurrentPassword", DemoAccounts.Password).Content());
        Assert.Contains("Enter the code from your authenticator app to turn it off", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorOnAsync(app, "iro"));

        // A recovery code signs in in place of the app, once.
        Assert.Equal(HttpStatusCode.OK, await SignInWithCodeAsync(app, "iro", codes[0]));
        Assert.NotEqual(HttpStatusCode.OK, await SignInWithCodeAsync(app, "iro", codes[0]));

        var off = await iro.PostAsync("/Account/Security?handler=Disable", PageForm.Of(page, "Code").Set("Code", await Authenticator.CodeAsync(app.Services, "iro")).Set("CurrentPassword", DemoAccounts.Password).Content());
        Assert.Contains("Signing in no longer asks for a code", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorOnAsync(app, "iro"));

        // An administrator's role needs it: set up, it cannot be turned off, even with a good code.
        var admin = await app.PagesAsAsync("admin2");
        await Authenticator.TurnOnAsync(app.Services, admin, "admin2");
        var adminPage = await admin.GetStringAsync("/Account/Security");
        Assert.DoesNotContain("Stop using an authenticator app", adminPage, StringComparison.Ordinal);
        var refused = await admin.PostAsync("/Account/Security?handler=Disable", PageForm.Of(adminPage, "Code").Set("Code", await Authenticator.CodeAsync(app.Services, "admin2")).Set("CurrentPassword", DemoAccounts.Password).Content());
        Assert.Contains("cannot be turned off", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorOnAsync(app, "admin2"));
    }

    /// <summary>Signs in with the password, then the code on the second step; answers the status of the page after it.</summary>
    private static async Task<HttpStatusCode> SignInWithCodeAsync(FamilyTimeFactory app, string userName, string code)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var first = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));
        Assert.StartsWith("/Account/TwoFactor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var step = await client.GetStringAsync(first.Headers.Location!.OriginalString);
        await client.PostAsync("/Account/TwoFactor", PageForm.Of(step, "Code").Set("Code", code).Content());
        return (await client.GetAsync("/Children")).StatusCode;
    }

    private static async Task<bool> TwoFactorOnAsync(FamilyTimeFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByNameAsync(userName))!.TwoFactorEnabled;
    }
}

[Collection("sqlite")]
public sealed class TwoFactorPolicyTestsOnSqlite() : TwoFactorPolicyTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class TwoFactorPolicyTestsOnPostgres() : TwoFactorPolicyTests(Provider.Postgres);
