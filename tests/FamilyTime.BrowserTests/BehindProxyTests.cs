using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.IntegrationTests;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// FamilyTime behind nginx terminating TLS with a self-signed certificate, as the README describes (issue 13): a person
/// signs in over https, and the calendar address, the link in an e-mail and the single sign-on redirect are all the
/// public https address; the council's sign-in then completes through the proxy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BehindProxyTests(AppFixture app)
{
    private const string Tenant = "11111111-aaaa-4aaa-8aaa-111111111111";

    [Fact]
    public async Task Behind_nginx_every_address_the_app_writes_is_the_public_https_one()
    {
        Assert.True(File.Exists(NginxProxy.Executable), $"{NginxProxy.Executable} is missing: ./test.sh installs Debian's nginx");
        var port = NginxProxy.FreePort();
        var publicUrl = $"https://localhost:{port}";
        var issuer = new FakeIssuer();
        await using var host = AppFixture.StartHost(demo: true, "None", new Dictionary<string, string>
        {
            ["PublicBaseUrl"] = publicUrl,
            ["Demo:Children"] = "8",
            ["Authentication:Oidc:Authority"] = FakeIssuer.Authority,
            ["Authentication:Oidc:ClientId"] = FakeIssuer.ClientId,
            ["Authentication:Oidc:ClientSecret"] = FakeIssuer.ClientSecret,
            ["Authentication:Oidc:AllowedTenants:0"] = Tenant,
        }, s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            // The council's back channel is the in-process issuer; the handler keeps the machine's clock, as
            // Microsoft.IdentityModel does when it checks the token.
            o.BackchannelHttpHandler = issuer;
            o.TimeProvider = TimeProvider.System;
        }));
        await using var proxy = await NginxProxy.StartAsync(port, host.Address.Port);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = publicUrl, IgnoreHTTPSErrors = true, Locale = "en-GB", TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        // Calendar addresses are for carers, contact workers and parents.
        await SignInAsync(page, "contactworker1");
        Assert.StartsWith(publicUrl, page.Url, StringComparison.Ordinal);
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "familytime");
        Assert.True(cookie.Secure, "the sign-in cookie is Secure behind the TLS proxy");

        await page.GotoAsync("/Calendar");
        // The demo may have made one already: a new one is made either way.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Make (my|a new) calendar address$") }).ClickAsync();
        Assert.StartsWith($"{publicUrl}/calendar/", await page.Locator("#https-address").InputValueAsync(), StringComparison.Ordinal);
        var webcal = await page.GetByRole(AriaRole.Button, new() { Name = "Add to my calendar" }).GetAttributeAsync("href");
        Assert.StartsWith($"webcal://localhost:{port}/calendar/", webcal, StringComparison.Ordinal);

        // An e-mail's link: an administrator adds a member of staff, whose set-up link is the public address.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/Users/Add");
        await page.GetByLabel("Full name").FillAsync("Nia Proxy");
        await page.GetByLabel("User name").FillAsync("nproxy");
        await page.GetByLabel("Work e-mail address").FillAsync("nia@council.example");
        await page.GetByLabel("Independent reviewing officer", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the account" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("has been added");
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var body = await db.Outbox.Where(m => m.To == "nia@council.example").Select(m => m.Body).SingleAsync();
            Assert.Matches($@"{Regex.Escape(publicUrl)}/Account/SetUp\?user=", body);
        }

        // The council's sign-in: the redirect back is the public address, and the sign-in completes through nginx.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        string? redirectUri = null;
        await context.RouteAsync($"{FakeIssuer.Authority}/**", async route =>
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query);
            redirectUri = query["redirect_uri"];
            var code = issuer.Issue(query["nonce"]!, ("iss", FakeIssuer.Authority), ("sub", "pairwise-sw1"), ("tid", Tenant), ("oid", "oid-sw1"), ("email", "socialworker1@example.org"));
            await route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html",
                Body = $"<!doctype html><html lang=\"en\"><title>Council sign-in</title><form method=\"post\" action=\"{redirectUri}\">"
                    + $"<input type=\"hidden\" name=\"code\" value=\"{code}\"><input type=\"hidden\" name=\"state\" value=\"{query["state"]}\">"
                    + "<button>Continue to Family time</button></form></html>",
            });
        });
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Council sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Family time" }).ClickAsync();
        Assert.Equal($"{publicUrl}/signin-oidc", redirectUri);
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(publicUrl)}/Children"));
        await Expect(page.GetByText("Signed in as")).ToBeVisibleAsync();
    }
}
