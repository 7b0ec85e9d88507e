using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Behind the council's TLS proxy: with PublicBaseUrl set, the addresses the app writes are the public ones and the
/// sign-in cookie is Secure; the proxy's X-Forwarded-For and -Proto are believed from a known proxy only. The proxy
/// handling does not depend on the engine, so SQLite only.
/// </summary>
public sealed class PublicAddressTests : IAsyncLifetime
{
    private const string Public = "https://familytime.council.example.gov.uk";
    private const string UserName = "proxied";
    private readonly FamilyTimeFactory _root = new(Provider.Sqlite, signInAttemptsPerMinute: 4, demo: false);

    public Task InitializeAsync() => _root.AddAccountAsync(UserName, "Behind a proxy", Roles.ContactWorker);

    public async Task DisposeAsync() => await _root.DisposeAsync();

    /// <summary>The app as the proxy at <paramref name="proxy"/> reaches it, with <paramref name="settings"/>.</summary>
    private WebApplicationFactory<Program> Behind(IPAddress proxy, params (string Key, string Value)[] settings) =>
        _root.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            // The test server has no client address of its own: this one stands for the proxy's.
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ConnectionFrom(proxy)));
        });

    /// <summary>Opens the sign-in page and signs in (two requests, both from the client the proxy names).</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        Forwarded(get, forwardedFor, forwardedProto);
        var page = await client.SendAsync(get);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return page;
        }
        var form = await page.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = UserName,
                ["Input.Password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            }),
        };
        Forwarded(request, forwardedFor, forwardedProto);
        return await client.SendAsync(request);
    }

    private static void Forwarded(HttpRequestMessage request, string? forwardedFor, string? forwardedProto)
    {
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Single(c => c.StartsWith("familytime=", StringComparison.Ordinal)) : "";

    [Fact]
    public async Task With_a_public_address_the_app_writes_it_everywhere_and_its_cookie_is_secure()
    {
        await using var app = Behind(IPAddress.Loopback, ("PublicBaseUrl", Public));
        // The proxy speaks plain HTTP to the app; the client's cookie jar is told it is on HTTPS, as the browser is,
        // so that it sends the Secure cookie back.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

        var signedIn = await SignInAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", AuthCookie(signedIn), StringComparison.OrdinalIgnoreCase);

        var calendar = await client.GetStringAsync("/Calendar");
        var made = await client.PostAsync("/Calendar?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(calendar),
        }));
        var page = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Matches(@"https://familytime\.council\.example\.gov\.uk/calendar/[A-Za-z0-9_-]+\.ics", page);
        Assert.Matches(@"webcal://familytime\.council\.example\.gov\.uk/calendar/[A-Za-z0-9_-]+\.ics", page);
        Assert.DoesNotContain("http://localhost", page, StringComparison.Ordinal);

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal(Public, document.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_single_sign_on_redirect_is_the_public_https_address()
    {
        await using var app = _root.WithWebHostBuilder(b =>
        {
            b.UseSetting("PublicBaseUrl", Public);
            b.UseSetting("Authentication:Oidc:Authority", "https://login.example.test/council");
            b.UseSetting("Authentication:Oidc:ClientId", "familytime");
            // The council's sign-in service as its discovery document would describe it, without the network.
            b.ConfigureTestServices(s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "https://login.example.test/council/authorize" };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");

        var challenge = await client.PostAsync("/Account/SignIn?handler=External", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith("https://login.example.test/council/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("https://familytime.council.example.gov.uk/signin-oidc", query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task A_known_proxy_is_believed_about_https_and_the_client_so_each_person_has_their_own_sign_in_limit()
    {
        await using var app = Behind(IPAddress.Loopback);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var overHttps = await SignInAsync(client, forwardedFor: "203.0.113.7", forwardedProto: "https");
        Assert.Equal(HttpStatusCode.Redirect, overHttps.StatusCode);
        Assert.Contains("; secure", AuthCookie(overHttps), StringComparison.OrdinalIgnoreCase);

        // Four requests a minute each (this app's limit), two to a sign-in: a third sign-in from 203.0.113.7 is refused,
        // while 198.51.100.9, behind the same proxy, still gets in.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, forwardedFor: "198.51.100.9")).StatusCode);
    }

    [Fact]
    public async Task What_an_unknown_address_says_it_forwards_is_not_believed()
    {
        await using var app = Behind(IPAddress.Parse("192.0.2.44"));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var claimed = await SignInAsync(client, forwardedFor: "203.0.113.7", forwardedProto: "https");
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.DoesNotContain("; secure", AuthCookie(claimed), StringComparison.OrdinalIgnoreCase);

        // Whatever client it names, every request counts against the one address it came from.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, forwardedFor: "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, forwardedFor: "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task A_network_named_in_the_settings_is_believed_and_a_wrong_setting_stops_the_service_starting()
    {
        await using var app = Behind(IPAddress.Parse("10.20.30.40"), ("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/16"));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Contains("; secure", AuthCookie(await SignInAsync(client, forwardedFor: "203.0.113.7", forwardedProto: "https")), StringComparison.OrdinalIgnoreCase);

        foreach (var (key, value, says) in new[]
        {
            ("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/99", "not an address range"),
            ("ForwardedHeaders:KnownProxies:0", "proxy.council.local", "not an IP address"),
            ("PublicBaseUrl", "familytime.council.gov.uk", "PublicBaseUrl must be the address people use"),
            ("PublicBaseUrl", "https://council.gov.uk/familytime", "no path or query"),
        })
        {
            await using var wrong = Behind(IPAddress.Loopback, (key, value));
            var error = Assert.ThrowsAny<Exception>(() => wrong.Services);
            Assert.Contains(says, error.ToString(), StringComparison.Ordinal);
        }
    }
}
