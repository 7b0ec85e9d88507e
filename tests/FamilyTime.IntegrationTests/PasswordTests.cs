using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Passwords: a change needs the current one and signs out every other browser and token; a reset link is e-mailed
/// only to a real account, answers the same for any name, works once and for one hour; the authenticator cannot be
/// set up or turned off without the current password.
/// </summary>
public abstract partial class PasswordTests(Provider provider)
{
    private const string NewPassword = "Blue kettle on 4 windowsills";

    [Fact]
    public async Task Changing_the_password_ends_another_browsers_cookie_and_a_bearer_token_but_keeps_this_browser()
    {
        await using var app = new FamilyTimeFactory(provider);
        var here = await app.PagesAsAsync("socialworker1");
        var elsewhere = await app.PagesAsAsync("socialworker1");
        var api = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/tasks")).StatusCode);

        var page = await here.GetStringAsync("/Account/Password");
        var changed = await here.PostAsync("/Account/Password", PageForm.Of(page, "CurrentPassword")
            .Set("CurrentPassword", DemoAccounts.Password).Set("NewPassword", NewPassword).Set("ConfirmPassword", NewPassword).Content());
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/Account/Security", changed.Headers.Location?.OriginalString);

        var other = await elsewhere.GetAsync("/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/Account/SignIn", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Inbox")).StatusCode);
        Assert.Contains("Your password has changed", await here.GetStringAsync("/Account/Security"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "socialworker1", DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task The_api_changes_the_password_and_ends_every_token_and_browser()
    {
        await using var app = new FamilyTimeFactory(provider);
        var browser = await app.PagesAsAsync("socialworker1");
        var api = await app.ApiAsAsync("socialworker1");
        var other = await app.ApiAsAsync("socialworker1");

        var answer = await api.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = DemoAccounts.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_naming_the_field_and_changes_nothing()
    {
        await using var app = new FamilyTimeFactory(provider);
        var api = await app.ApiAsAsync("socialworker1");
        var answer = await api.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not the password at all", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Your current password is not right", problem.GetProperty("errors").GetProperty("currentPassword")[0].GetString());

        // A new password that breaks the rules names the new one.
        var weak = await api.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = DemoAccounts.Password, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var pages = await app.PagesAsAsync("socialworker1");
        var page = await pages.GetStringAsync("/Account/Password");
        var refused = await pages.PostAsync("/Account/Password", PageForm.Of(page, "CurrentPassword")
            .Set("CurrentPassword", "not the password at all").Set("NewPassword", NewPassword).Set("ConfirmPassword", NewPassword).Content());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#CurrentPassword\"", html, StringComparison.Ordinal);

        // Still the old password, and the token still works.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task An_account_with_no_password_is_told_so_instead_of_the_form()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false);
        await app.AddAccountAsync("councilonly", "Cal Council", Roles.SocialWorker, password: false);
        var signedIn = await SignInWithoutPasswordAsync(app, "councilonly");
        var html = await signedIn.GetStringAsync("/Account/Password");
        Assert.Contains("id=\"no-password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"NewPassword\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_with_no_password_changes_its_authenticator_only_within_5_minutes_of_signing_in()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false);
        await app.AddAccountAsync("councilonly", "Cal Council", Roles.SocialWorker, password: false);
        var stale = await SignInWithoutPasswordAsync(app, "councilonly");
        var page = await stale.GetStringAsync("/Account/Security");
        Assert.DoesNotContain("name=\"CurrentPassword\"", page, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var refused = await stale.PostAsync("/Account/Security", PageForm.Of(page, "Code").Set("Code", await Authenticator.CodeAsync(app.Services, "councilonly")).Content());
        Assert.Contains("sign out and sign in again", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorOnAsync(app, "councilonly"));

        // Signed in afresh, the change is allowed.
        var fresh = await SignInWithoutPasswordAsync(app, "councilonly");
        await Authenticator.TurnOnAsync(app.Services, fresh, "councilonly");
        Assert.True(await TwoFactorOnAsync(app, "councilonly"));
    }

    [Fact]
    public async Task A_reset_answers_the_same_for_a_real_and_an_unknown_account_and_mails_only_the_real_one()
    {
        await using var app = new FamilyTimeFactory(provider);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var real = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { nameOrEmail = "socialworker1" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { nameOrEmail = "nobody-by-this-name" });
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(real.StatusCode, unknown.StatusCode);
        Assert.Equal(await real.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        // The page answers the same too, by address as by name.
        var byAddress = await ForgotOnPageAsync(app, "contactworker1@example.org");
        var byNobody = await ForgotOnPageAsync(app, "nobody@example.org");
        Assert.Equal(byAddress, byNobody);

        var mail = await app.DbAsync(db => db.Outbox.Where(m => m.Key.StartsWith("password-reset:")).Select(m => m.To).ToListAsync());
        Assert.Equal(["contactworker1@example.org", "socialworker1@example.org"], mail.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reset_link_works_once_and_ends_every_sign_in()
    {
        await using var app = new FamilyTimeFactory(provider);
        var api = await app.ApiAsAsync("socialworker1");
        var link = await RequestLinkAsync(app, "socialworker1");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var first = await SetPasswordFromLinkAsync(browser, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/Account/SignIn", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", NewPassword)).StatusCode);

        var again = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("id=\"link-unusable\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = new Uri(new Uri("http://localhost"), link).Query.Split("code=")[1];
        var second = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Uri.UnescapeDataString(code), ["NewPassword"] = "Another kettle on 5 sills", ["ConfirmPassword"] = "Another kettle on 5 sills",
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await (await browser.GetAsync("/Account/SignIn")).Content.ReadAsStringAsync()),
        }));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_older_than_an_hour_is_refused()
    {
        await using var app = new FamilyTimeFactory(provider);
        var link = await RequestLinkAsync(app, "socialworker1");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "socialworker1", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "socialworker1", DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task The_authenticator_is_not_set_up_or_turned_off_without_the_current_password()
    {
        await using var app = new FamilyTimeFactory(provider);
        var pages = await app.PagesAsAsync("contactworker1");
        var page = await pages.GetStringAsync("/Account/Security");
        var code = await Authenticator.CodeAsync(app.Services, "contactworker1");

        var none = await pages.PostAsync("/Account/Security", PageForm.Of(page, "Code").Set("Code", code).Set("CurrentPassword", "").Content());
        Assert.Contains("Enter your current password", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrong = await pages.PostAsync("/Account/Security", PageForm.Of(page, "Code").Set("Code", code).Set("CurrentPassword", "not the password at all").Content());
        Assert.Contains("Your current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorOnAsync(app, "contactworker1"));

        await Authenticator.TurnOnAsync(app.Services, pages, "contactworker1");
        Assert.True(await TwoFactorOnAsync(app, "contactworker1"));
        var on = await pages.GetStringAsync("/Account/Security");
        var off = await pages.PostAsync("/Account/Security?handler=Disable", PageForm.Of(on, "Code")
            .Set("Code", await Authenticator.CodeAsync(app.Services, "contactworker1")).Set("CurrentPassword", "").Content());
        Assert.Contains("Enter your current password", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorOnAsync(app, "contactworker1"));
    }

    private static async Task<bool> TwoFactorOnAsync(FamilyTimeFactory app, string userName) =>
        await app.DbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TwoFactorEnabled).SingleAsync());

    private static async Task<HttpResponseMessage> TokenAsync(FamilyTimeFactory app, string userName, string password) =>
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    private static async Task<string> ForgotOnPageAsync(FamilyTimeFactory app, string nameOrEmail)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/Account/ForgotPassword");
        var answer = await client.PostAsync("/Account/ForgotPassword", PageForm.Of(page, "NameOrEmail").Set("NameOrEmail", nameOrEmail).Content());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        return ResetAnswer().Match(html).Value;
    }

    /// <summary>Asks for a link, and reads it from the e-mail in the outbox as its holder would; answers its path and query.</summary>
    private static async Task<string> RequestLinkAsync(FamilyTimeFactory app, string userName)
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { nameOrEmail = userName })).StatusCode);
        var body = await app.DbAsync(db => db.Outbox.Where(m => m.Key.StartsWith("password-reset:")).Select(m => m.Body).SingleAsync());
        return new Uri(ResetLink().Match(body).Value).PathAndQuery;
    }

    private static async Task<HttpResponseMessage> SetPasswordFromLinkAsync(HttpClient browser, string link, string password)
    {
        var page = await browser.GetStringAsync(link);
        return await browser.PostAsync(link, PageForm.Of(page, "NewPassword").Set("NewPassword", password).Set("ConfirmPassword", password).Content());
    }

    /// <summary>
    /// An account with no password, signed in as the council's sign-in would leave it (a cookie from this moment): it
    /// signs in with a password, then the hash is taken away without touching the security stamp.
    /// </summary>
    private static async Task<HttpClient> SignInWithoutPasswordAsync(FamilyTimeFactory app, string userName)
    {
        var hash = app.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), DemoAccounts.Password);
        await app.DbAsync(db => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, hash)));
        var client = await app.PagesAsAsync(userName);
        await app.DbAsync(db => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, (string?)null)));
        return client;
    }

    [GeneratedRegex("id=\"reset-answer\">[^<]*<")]
    private static partial Regex ResetAnswer();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();
}

public sealed class PasswordTestsOnSqlite() : PasswordTests(Provider.Sqlite);

public sealed class PasswordTestsOnPostgres() : PasswordTests(Provider.Postgres);
