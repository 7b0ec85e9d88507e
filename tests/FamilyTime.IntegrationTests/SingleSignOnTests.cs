using System.Net;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The council's single sign-on against <see cref="FakeIssuer"/>, which signs real ID tokens: an account is linked by
/// issuer, tenant and object id, never found again by e-mail; another tenant's token naming the same e-mail address is
/// refused; groups map to roles; the set-up link can be used with the council's sign-in instead of a password; a
/// certificate can prove the app instead of a secret; signing out signs out at the council too.
/// </summary>
public abstract class SingleSignOnTests(Provider provider)
{
    private const string TenantA = "11111111-aaaa-4aaa-8aaa-111111111111";
    private const string TenantB = "22222222-bbbb-4bbb-8bbb-222222222222";

    [Fact]
    public async Task An_account_is_linked_by_tenant_and_object_id_and_another_tenant_with_the_same_e_mail_is_refused()
    {
        var issuer = new FakeIssuer();
        await using var root = new FamilyTimeFactory(provider, demo: false);
        await using var app = Council(root, issuer);
        await app.AddAccountAsync("sam", "sam", Roles.SocialWorker, "sam@council.example");
        await app.AddAccountAsync("tia", "tia", Roles.TeamManager, "tia@council.example");

        // First time: the allowed tenant vouches for the address, so the account is linked to this identity.
        var first = await SignInAsync(app, issuer, ("tid", TenantA), ("oid", "oid-sam"), ("email", "sam@council.example"), ("name", "Sam"));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Children")).StatusCode);
        Assert.Equal($"{FakeIssuer.Authority}|{TenantA}|oid-sam",
            await app.DbAsync(db => db.UserLogins.Where(l => l.LoginProvider == OpenIdConnectDefaults.AuthenticationScheme).Select(l => l.ProviderKey).SingleAsync()));

        // The link is the object id: an address changed at the council does not matter…
        var renamed = await SignInAsync(app, issuer, ("tid", TenantA), ("oid", "oid-sam"), ("email", "samuel.new@council.example"));
        Assert.Equal(HttpStatusCode.OK, (await renamed.GetAsync("/Children")).StatusCode);

        // …and the address is no key: another tenant's user who set sam's address on their account gets nothing,
        var otherTenant = await SignInRawAsync(app, issuer, ("tid", TenantB), ("oid", "oid-intruder"), ("email", "sam@council.example"));
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Contains("belongs to an organisation that cannot sign in", await otherTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // nor does someone in the same tenant with a new object id and the same address (sam is linked already).
        var sameTenant = await SignInRawAsync(app, issuer, ("tid", TenantA), ("oid", "oid-other"), ("email", "sam@council.example"));
        Assert.Equal(HttpStatusCode.Forbidden, sameTenant.StatusCode);
        Assert.Contains("not linked to a Family time account", await sameTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.UserLogins.CountAsync()));

        // An account without a mailbox signs in with preferred_username the first time.
        var tia = await SignInAsync(app, issuer, ("tid", TenantA), ("oid", "oid-tia"), ("preferred_username", "tia@council.example"));
        Assert.Equal(HttpStatusCode.OK, (await tia.GetAsync("/Children")).StatusCode);

        // Signing out ends the council's session too.
        var page = await first.GetStringAsync("/Children");
        var signOut = await first.PostAsync("/Account/SignOut", PageForm.Of(page, "__RequestVerificationToken").Content());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(FakeIssuer.EndSessionEndpoint, signOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("post_logout_redirect_uri=https%3A%2F%2Flocalhost%2Fsignout-callback-oidc", signOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await first.GetAsync("/Children")).StatusCode);
    }

    [Fact]
    public async Task Groups_give_the_roles_and_an_account_in_no_mapped_group_is_refused()
    {
        var issuer = new FakeIssuer();
        await using var root = new FamilyTimeFactory(provider, demo: false);
        await using var app = Council(root, issuer, ("Authentication:Oidc:GroupRoles:grp-reviewers", Roles.Iro), ("Authentication:Oidc:GroupRoles:grp-social", Roles.SocialWorker));
        await app.AddAccountAsync("ria", "ria", Roles.SocialWorker, "ria@council.example");

        await SignInAsync(app, issuer, ("tid", TenantA), ("oid", "oid-ria"), ("email", "ria@council.example"), ("groups", "grp-reviewers"), ("groups", "grp-unrelated"));
        Assert.Equal([Roles.Iro], await RolesAsync(app, "ria"));
        var history = await app.DbAsync(db => db.AuditEntries.Where(e => e.RecordType == "StaffAccount").Select(e => e.Changes).ToListAsync());
        Assert.Contains(history, h => h!.Contains("council groups", StringComparison.Ordinal));

        var none = await SignInRawAsync(app, issuer, ("tid", TenantA), ("oid", "oid-ria"), ("groups", "grp-unrelated"));
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Contains("in no group that gives a role", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_set_up_link_links_the_council_account_and_a_certificate_proves_the_app()
    {
        using var certificate = TestCertificate.SelfSigned();
        var pfx = TestCertificate.WritePfx(certificate, "pfx-password");
        try
        {
            var issuer = new FakeIssuer { ClientCertificate = certificate };
            await using var root = new FamilyTimeFactory(provider, demo: false);
            // No tenant list: nobody is linked by e-mail, only by the administrator's set-up link.
            await using var app = Council(root, issuer, ("Authentication:Oidc:AllowedTenants:0", ""),
                ("Authentication:Oidc:ClientCertificatePath", pfx), ("Authentication:Oidc:ClientCertificatePassword", "pfx-password"));
            var userId = await app.AddAccountAsync("newstarter", "newstarter", Roles.ContactWorker, "new@council.example", password: false);
            string token;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(userId))!);
            }
            var byEmail = await SignInRawAsync(app, issuer, ("tid", TenantA), ("oid", "oid-new"), ("email", "new@council.example"));
            Assert.Equal(HttpStatusCode.Forbidden, byEmail.StatusCode);

            var client = Client(app);
            var link = $"/Account/SetUp?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
            var setUp = await client.GetStringAsync(link);
            Assert.Contains("Or use your council account", setUp, StringComparison.Ordinal);
            var challenge = await client.PostAsync("/Account/SetUp?handler=Council", PageForm.Of(setUp, "Token").Content());
            var signedIn = await CompleteAsync(client, issuer, challenge, ("tid", TenantA), ("oid", "oid-new"));
            Assert.True(signedIn.Headers.Location?.OriginalString == "/", $"the council sign-in answered {signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
            var week = await client.GetAsync("/Week");
            Assert.True(week.StatusCode == HttpStatusCode.OK, $"{week.StatusCode} {week.Headers.Location}");
            // The app proved itself with the certificate, and never sent a secret.
            Assert.False(issuer.LastTokenRequest.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", issuer.LastTokenRequest["client_assertion_type"]);
            // The link is spent.
            Assert.Equal(HttpStatusCode.NotFound, (await Client(app).GetAsync(link)).StatusCode);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static WebApplicationFactory<Program> Council(FamilyTimeFactory root, FakeIssuer issuer, params (string Key, string Value)[] settings) =>
        root.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:Oidc:Authority", FakeIssuer.Authority);
            b.UseSetting("Authentication:Oidc:ClientId", FakeIssuer.ClientId);
            b.UseSetting("Authentication:Oidc:ClientSecret", FakeIssuer.ClientSecret);
            b.UseSetting("Authentication:Oidc:AllowedTenants:0", TenantA);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            // Configure runs before the handler's own set-up, which builds its back channel from this handler. The
            // handler keeps the machine's time, as Microsoft.IdentityModel does when it checks the token and the nonce:
            // on the app's fake clock its correlation cookie would have expired before the browser was sent out.
            b.ConfigureTestServices(s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.BackchannelHttpHandler = issuer;
                o.TimeProvider = TimeProvider.System;
            }));
        });

    /// <summary>A browser on https (the handler's correlation and nonce cookies are Secure), not following redirects.</summary>
    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, FakeIssuer issuer, params (string, string)[] claims)
    {
        var client = Client(app);
        var done = await SignInRawAsync(client, issuer, claims);
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"council sign-in answered {done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
        return client;
    }

    private static Task<HttpResponseMessage> SignInRawAsync(WebApplicationFactory<Program> app, FakeIssuer issuer, params (string, string)[] claims) =>
        SignInRawAsync(Client(app), issuer, claims);

    /// <summary>"Sign in with the council" on the sign-in page, the issuer's part played by the test; the answer of /Account/External.</summary>
    private static async Task<HttpResponseMessage> SignInRawAsync(HttpClient client, FakeIssuer issuer, (string, string)[] claims)
    {
        var form = await client.GetStringAsync("/Account/SignIn");
        var challenge = await client.PostAsync("/Account/SignIn?handler=External", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));
        return await CompleteAsync(client, issuer, challenge, claims);
    }

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, FakeIssuer issuer, HttpResponseMessage challenge, params (string, string)[] claims)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(FakeIssuer.AuthorizeEndpoint, authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = issuer.Issue(query["nonce"]!, [("iss", FakeIssuer.Authority), ("sub", "pairwise-" + Guid.NewGuid().ToString("N")), .. claims]);
        var callback = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! }));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"the callback answered {callback.StatusCode}");
        return await client.GetAsync(callback.Headers.Location);
    }

    private static async Task<string[]> RolesAsync(WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).Order(StringComparer.Ordinal)];
    }
}

[Collection("sqlite")]
public sealed class SingleSignOnTestsOnSqlite() : SingleSignOnTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class SingleSignOnTestsOnPostgres() : SingleSignOnTests(Provider.Postgres);
