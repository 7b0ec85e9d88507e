using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Features.Account.Throttle;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Sign-in cannot be turned against its users: wrong passwords hold back the address that made them, not the account;
/// an unknown name, a wrong password, a held address and a suspended account answer alike, in words, status and work
/// (one password hash checked each). Each test has its own app without demo data, behind a proxy on the same machine
/// whose X-Forwarded-For names the client, so each request says which address it comes from and moving the clock
/// touches no other test.
/// </summary>
public abstract partial class SignInThrottleTests(Provider provider) : IAsyncLifetime
{
    private const string Holder = "holder";
    private const string Stranger = "203.0.113.7";
    private const string HoldersAddress = "198.51.100.20";
    private const string WrongPassword = "not-the-password-at-all";
    private readonly PasswordHashChecks _hashes = new();
    private FamilyTimeFactory _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<FamilyTimeFactory> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new FamilyTimeFactory(provider, demo: false, settings: settings, testServices: s =>
        {
            s.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Loopback));
            s.AddSingleton(_hashes);
            s.AddScoped<IPasswordHasher<ApplicationUser>, CountingPasswordHasher>();
        });
        await app.AddAccountAsync(Holder, "Account holder", Roles.SocialWorker);
        return app;
    }

    private static async Task<HttpResponseMessage> TokenAsync(FamilyTimeFactory app, string from, string userName, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { userName, password }),
        };
        request.Headers.Add("X-Forwarded-For", from);
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>Opens the sign-in page and signs in from <paramref name="from"/>, as a browser would.</summary>
    private static async Task<HttpResponseMessage> PageAsync(FamilyTimeFactory app, string from, string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        get.Headers.Add("X-Forwarded-For", from);
        var form = await (await client.SendAsync(get)).Content.ReadAsStringAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            }),
        };
        post.Headers.Add("X-Forwarded-For", from);
        return await client.SendAsync(post);
    }

    /// <summary>What a refused token request says: its status and problem, without the trace id every answer has its own of.</summary>
    private static async Task<string> ApiAnswerAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)response.StatusCode} {problem.GetProperty("type").GetString()} | {problem.GetProperty("title").GetString()} | {problem.GetProperty("detail").GetString()}";
    }

    /// <summary>What a refused sign-in page says: its status, its error summary and the error beside the field.</summary>
    private static async Task<string> PageAnswerAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode} {ErrorSummary().Match(html).Value} | {string.Join(" | ", FieldError().Matches(html).Select(m => m.Value))}";
    }

    /// <summary>Asserts Identity's own lockout was never set off: no wrong password counted, no lock.</summary>
    private async Task AssertIdentityNeverLockedAsync()
    {
        var user = await _app.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == Holder));
        Assert.Equal(0, user.AccessFailedCount);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task A_stranger_failing_twenty_times_in_the_api_does_not_stop_the_holder_getting_a_token_from_their_own_address()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, WrongPassword)).StatusCode);
        }
        // The stranger's address is held: even the right password is refused there...
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);
        // ...while the holder, from their own address, signs in at once, and Identity's lockout was never set off.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_app, HoldersAddress, Holder, DemoAccounts.Password)).StatusCode);
        await AssertIdentityNeverLockedAsync();
    }

    [Fact]
    public async Task A_stranger_failing_twenty_times_on_the_page_does_not_stop_the_holder_signing_in_from_their_own_address()
    {
        for (var i = 0; i < 20; i++)
        {
            var wrong = await PageAsync(_app, Stranger, Holder, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(PasswordSignIn.RefusedOnPage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await PageAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);

        var holder = await PageAsync(_app, HoldersAddress, Holder, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, holder.StatusCode);
        Assert.Equal("/", holder.Headers.Location?.OriginalString);
        await AssertIdentityNeverLockedAsync();
    }

    /// <summary>
    /// Makes each kind of refusal for the real account and for a name nobody has, each from an address of its own:
    /// a wrong password, an address held after 5 wrong ones (the 6th try, with the right password for the real
    /// account), and a suspended account.
    /// </summary>
    private async Task<List<(string Case, T Answer)>> RefusalsAsync<T>(Func<string, string, string, Task<HttpResponseMessage>> signIn, Func<HttpResponseMessage, Task<T>> answer)
    {
        var answers = new List<(string, T)>();
        const string Nobody = "nobody-by-this-name";
        answers.Add(("unknown name", await answer(await signIn("192.0.2.1", Nobody, WrongPassword))));
        answers.Add(("wrong password", await answer(await signIn("192.0.2.2", Holder, WrongPassword))));
        for (var i = 0; i < 5; i++)
        {
            await signIn("192.0.2.3", Holder, WrongPassword);
            await signIn("192.0.2.4", Nobody, WrongPassword);
        }
        answers.Add(("held, real account, right password", await answer(await signIn("192.0.2.3", Holder, DemoAccounts.Password))));
        answers.Add(("held, unknown name", await answer(await signIn("192.0.2.4", Nobody, WrongPassword))));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync(Holder))!;
            user.Suspend(_app.Clock.GetUtcNow().UtcDateTime, "Test");
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        answers.Add(("suspended, right password", await answer(await signIn("192.0.2.5", Holder, DemoAccounts.Password))));
        return answers;
    }

    [Fact]
    public async Task Unknown_name_wrong_password_held_address_and_suspended_account_get_the_same_token_answer()
    {
        var answers = await RefusalsAsync((from, name, password) => TokenAsync(_app, from, name, password), ApiAnswerAsync);

        var expected = $"401 https://tools.ietf.org/html/rfc9110#section-15.5.2 | Sign-in failed | {PasswordSignIn.RefusedInApi}";
        Assert.All(answers, a => Assert.True(a.Answer == expected, $"{a.Case} answered {a.Answer}"));
    }

    [Fact]
    public async Task Unknown_name_wrong_password_held_address_and_suspended_account_get_the_same_sign_in_page_answer()
    {
        var answers = await RefusalsAsync((from, name, password) => PageAsync(_app, from, name, password), PageAnswerAsync);

        var first = answers[0].Answer;
        Assert.StartsWith("200 <div class=\"govuk-error-summary\"", first, StringComparison.Ordinal);
        Assert.Contains(PasswordSignIn.RefusedOnPage, first, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", first, StringComparison.OrdinalIgnoreCase);
        Assert.All(answers, a => Assert.True(a.Answer == first, $"{a.Case} answered {a.Answer}, the unknown name {first}"));
    }

    [Fact]
    public async Task Every_refusal_checks_one_password_hash_made_like_a_real_one_so_an_unknown_name_takes_as_long()
    {
        var counts = new List<(string Case, int Checks)>();
        var before = 0;
        await RefusalsAsync(async (from, name, password) =>
        {
            var response = await TokenAsync(_app, from, name, password);
            counts.Add(($"{name} from {from}", _hashes.Checked.Count - before));
            before = _hashes.Checked.Count;
            return response;
        }, _ => Task.FromResult(0));
        Assert.Equal(15, counts.Count);
        Assert.All(counts, c => Assert.True(c.Checks == 1, $"{c.Case} checked {c.Checks} hashes"));

        // The page's unknown name too.
        before = _hashes.Checked.Count;
        await PageAsync(_app, "192.0.2.9", "nobody-else", WrongPassword);
        Assert.Equal(1, _hashes.Checked.Count - before);

        // The hash an unknown name is checked against is made like the account's own: the same format, pseudo-random
        // function, iteration count and salt length (Identity's first 13 bytes), so the check costs the same.
        var real = await _app.DbAsync(db => db.Users.Where(u => u.UserName == Holder).Select(u => u.PasswordHash!).SingleAsync());
        var dummies = _hashes.Checked.Where(h => h != real).Distinct().ToList();
        var dummy = Assert.Single(dummies);
        Assert.Equal(Convert.FromBase64String(real)[..13], Convert.FromBase64String(dummy)[..13]);
    }

    [Fact]
    public async Task A_held_address_may_try_again_once_its_wait_is_over_and_each_further_failure_doubles_the_wait()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, WrongPassword)).StatusCode);
        }
        // After 5 wrong passwords the address waits 30 seconds, right password or not.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        // A 6th wrong one makes the wait a minute.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, WrongPassword)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);

        // Signing in starts the count again: 4 more wrong ones (10 in all) do not hold the right password back.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_app, Stranger, Holder, WrongPassword)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_app, Stranger, Holder, DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Many_addresses_together_hold_the_name_for_new_addresses_for_an_hour_but_not_for_one_the_holder_signed_in_from()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { [SignInThrottleOptions.AccountFailuresPerHourSetting] = "10" });
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, HoldersAddress, Holder, DemoAccounts.Password)).StatusCode);

        // Three addresses, 4 wrong passwords each: none is held on its own, but 12 reach the name's ceiling of 10.
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, address, Holder, WrongPassword)).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "203.0.113.50", Holder, DemoAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, HoldersAddress, Holder, DemoAccounts.Password)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "203.0.113.50", Holder, DemoAccounts.Password)).StatusCode);
    }

    [GeneratedRegex("<div class=\"govuk-error-summary\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    [GeneratedRegex("<p class=\"govuk-error-message\".*?</p>", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}

[Collection("sqlite")]
public sealed class SignInThrottleTestsOnSqlite() : SignInThrottleTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class SignInThrottleTestsOnPostgres() : SignInThrottleTests(Provider.Postgres);
