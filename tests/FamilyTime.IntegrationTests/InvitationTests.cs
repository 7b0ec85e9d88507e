using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Accounts by invitation: the token is unguessable, stored hashed, single-use, expires and can be revoked; accepting
/// makes exactly one account linked to the right person; a suspended account cannot sign in and its sign-ins end.
/// </summary>
public abstract partial class InvitationTests(FamilyTimeFactory app)
{
    private const string Password = "Family-time-invite-2026";

    private sealed record Invited(Guid ChildId, Guid PersonId, string Name, string Token, Guid InvitationId);

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A child of socialworker1 who lives with carers, in the database's order.</summary>
    private Task<Guid> SocialWorkersChildAsync(int skip = 0) => app.DbAsync(async db =>
    {
        var worker = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
        return await db.Children.Where(c => c.SocialWorkerId == worker && c.Placements.Any(p => p.EndDate == null && p.CarerHouseholdId != null))
            .OrderBy(c => c.Id).Skip(skip).Select(c => c.Id).FirstAsync();
    });

    /// <summary>A new family member on the child's record, added as socialworker1 would, so each test has its own person.</summary>
    private static async Task<(Guid PersonId, string Name)> NewPersonAsync(HttpClient staff, Guid childId)
    {
        var name = Unique("Jo Invited");
        var added = await staff.PostAsJsonAsync($"/api/v1/children/{childId}/people",
            new { fullName = name, relationship = "AuntOrUncle", email = "jo@example.com" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, name);
    }

    private async Task<Invited> InviteFamilyMemberAsync(Guid? child = null)
    {
        var staff = await app.ApiAsAsync("socialworker1");
        var childId = child ?? await SocialWorkersChildAsync();
        var (personId, name) = await NewPersonAsync(staff, childId);
        var sent = await staff.PostAsJsonAsync($"/api/v1/children/{childId}/invitations",
            new { kind = "FamilyMember", personId, channel = "Email", sendTo = "jo@example.com" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var invitationId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new Invited(childId, personId, name, await TokenFromOutboxAsync(invitationId), invitationId);
    }

    /// <summary>The token as the invitee receives it: from the link in the message in the outbox.</summary>
    private Task<string> TokenFromOutboxAsync(Guid invitationId) => app.DbAsync(async db =>
    {
        var body = await db.Outbox.Where(m => m.Key == $"invitation:{invitationId:N}").Select(m => m.Body).SingleAsync();
        return LinkPattern().Match(body).Groups[1].Value;
    });

    private async Task<HttpResponseMessage> AcceptAsync(string token, string? userName = null, string password = Password) =>
        await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept",
            new { token, userName = userName ?? Unique("jo").Replace(' ', '.'), password, confirmPassword = password });

    private static async Task AssertAcceptedAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"accepting answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static async Task AssertUnusableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(InvitationWords.Unusable, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_token_is_single_use()
    {
        var invited = await InviteFamilyMemberAsync();
        await AssertAcceptedAsync(await AcceptAsync(invited.Token));
        await AssertUnusableAsync(await AcceptAsync(invited.Token));
        var page = await app.CreateClient().GetAsync(AccountLinks.Invitation(invited.Token));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(InvitationWords.Unusable, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_expires_after_the_set_days()
    {
        var invited = await InviteFamilyMemberAsync();
        var expires = await app.DbAsync(db => db.Invitations.Where(i => i.Id == invited.InvitationId).Select(i => new { i.SentAt, i.ExpiresAt }).SingleAsync());
        Assert.Equal(TimeSpan.FromDays(7), expires.ExpiresAt - expires.SentAt);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(AccountLinks.Invitation(invited.Token))).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await AssertUnusableAsync(await AcceptAsync(invited.Token));
        var list = await (await app.ApiAsAsync("socialworker1")).GetFromJsonAsync<JsonElement>($"/api/v1/children/{invited.ChildId}/invitations");
        Assert.Equal("Expired", list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == invited.InvitationId).GetProperty("state").GetString());
        Assert.Equal(0, await app.DbAsync(db => db.Users.CountAsync(u => u.DisplayName == invited.Name)));
    }

    [Fact]
    public async Task A_revoked_invitation_is_refused()
    {
        var invited = await InviteFamilyMemberAsync();
        var staff = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/children/{invited.ChildId}/invitations/{invited.InvitationId}/revoke", null)).StatusCode);
        await AssertUnusableAsync(await AcceptAsync(invited.Token));
        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/children/{invited.ChildId}/invitations");
        Assert.Equal("Revoked", list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == invited.InvitationId).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Re_sending_makes_a_new_token_and_revokes_the_old()
    {
        var invited = await InviteFamilyMemberAsync();
        var staff = await app.ApiAsAsync("socialworker1");
        var resent = await staff.PostAsync($"/api/v1/children/{invited.ChildId}/invitations/{invited.InvitationId}/resend", null);
        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        var newId = (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var newToken = await TokenFromOutboxAsync(newId);
        Assert.NotEqual(invited.Token, newToken);
        await AssertUnusableAsync(await AcceptAsync(invited.Token));
        await AssertAcceptedAsync(await AcceptAsync(newToken));
    }

    [Fact]
    public async Task Tokens_are_at_least_128_bits_and_the_database_holds_only_their_hash()
    {
        var invited = await InviteFamilyMemberAsync();
        var bytes = Convert.FromBase64String(invited.Token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - invited.Token.Length % 4) % 4));
        Assert.True(bytes.Length * 8 >= 128, $"the token carries {bytes.Length * 8} bits");
        var row = await app.DbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invited.InvitationId));
        Assert.Equal(InvitationToken.Hash(invited.Token), row.TokenHash);
        Assert.DoesNotContain(invited.Token, JsonSerializer.Serialize(row), StringComparison.Ordinal);
        // Every text column of every invitation, read back raw: none holds the token.
        var texts = await app.DbAsync(db => db.Invitations.AsNoTracking()
            .Select(i => i.TokenHash + "|" + i.SentTo + "|" + i.InviteeName + "|" + i.OpenKey + "|" + i.SentByUserId).ToListAsync());
        Assert.DoesNotContain(texts, t => t.Contains(invited.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guessed_token_is_refused_the_same_way_as_a_used_one()
    {
        var guessed = InvitationToken.New();
        await AssertUnusableAsync(await AcceptAsync(guessed));
        await AssertUnusableAsync(await AcceptAsync("not-a-token"));
        var page = await app.CreateClient().GetAsync(AccountLinks.Invitation(guessed));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(InvitationWords.Unusable, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var invited = await InviteFamilyMemberAsync();
        await AssertAcceptedAsync(await AcceptAsync(invited.Token));
        var used = await AcceptAsync(invited.Token);
        var usedProblem = await used.Content.ReadFromJsonAsync<JsonElement>();
        var guessedProblem = await (await AcceptAsync(guessed)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(guessedProblem.GetProperty("title").GetString(), usedProblem.GetProperty("title").GetString());
        Assert.Equal(guessedProblem.GetProperty("detail").GetString(), usedProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_tabs_accepting_one_invitation_at_once_make_exactly_one_account()
    {
        var invited = await InviteFamilyMemberAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => AcceptAsync(invited.Token, Unique($"tab{n}").Replace(' ', '.'))));
        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.NotFound));
        var accounts = await app.DbAsync(db => db.Users.Where(u => u.DisplayName == invited.Name).Select(u => u.Id).ToListAsync());
        var account = Assert.Single(accounts);
        Assert.Equal(account, await app.DbAsync(db => db.SignificantPeople.Where(p => p.Id == invited.PersonId).Select(p => p.PortalUserId).SingleAsync()));
    }

    [Fact]
    public async Task An_accepted_parent_reaches_their_childs_portal_page_and_no_other_child()
    {
        var invited = await InviteFamilyMemberAsync();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetAsync(AccountLinks.Invitation(invited.Token));
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Set up your account", html, StringComparison.Ordinal);
        var userName = Unique("jo").Replace(' ', '.');
        var done = await browser.PostAsync(AccountLinks.Invitation(invited.Token), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(AccountLinks.Welcome, done.Headers.Location?.OriginalString);
        var welcome = await browser.GetStringAsync(AccountLinks.Welcome);
        Assert.Contains(AccountLinks.Security, welcome, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Portal/Children/{invited.ChildId}")).StatusCode);
        var other = await SocialWorkersChildAsync(skip: 1);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Portal/Children/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Children/{invited.ChildId}")).StatusCode);
        var roles = await app.DbAsync(db => db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == userName))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Parent], roles);
    }

    [Fact]
    public async Task Weak_passwords_and_different_confirmations_are_refused_with_clear_errors()
    {
        var invited = await InviteFamilyMemberAsync();
        var shortOne = await AcceptAsync(invited.Token, password: "short1A");
        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        Assert.Contains("at least 12 characters", await shortOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var different = await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept",
            new { token = invited.Token, userName = Unique("jo").Replace(' ', '.'), password = Password, confirmPassword = Password + "x" });
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Contains("confirmPassword", await different.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var taken = await AcceptAsync(invited.Token, userName: "parent1");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("is taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // None of these used the invitation up.
        await AssertAcceptedAsync(await AcceptAsync(invited.Token));
    }

    [Fact]
    public async Task A_person_already_linked_to_an_account_cannot_be_invited_again()
    {
        var invited = await InviteFamilyMemberAsync();
        await AssertAcceptedAsync(await AcceptAsync(invited.Token));
        var staff = await app.ApiAsAsync("socialworker1");
        var again = await staff.PostAsJsonAsync($"/api/v1/children/{invited.ChildId}/invitations",
            new { kind = "FamilyMember", personId = invited.PersonId, channel = "Email", sendTo = "jo@example.com" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already has an account", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_or_doubled_invitation_leaves_one_open_invitation()
    {
        var staff = await app.ApiAsAsync("socialworker1");
        var childId = await SocialWorkersChildAsync();
        var (personId, _) = await NewPersonAsync(staff, childId);
        var body = new { kind = "FamilyMember", personId, channel = "Text", sendTo = "07700 900982" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => staff.PostAsJsonAsync($"/api/v1/children/{childId}/invitations", body)));
        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var retried = await staff.PostAsJsonAsync($"/api/v1/children/{childId}/invitations", body);
        Assert.Equal(HttpStatusCode.BadRequest, retried.StatusCode);
        Assert.Contains("already invited", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Invitations.CountAsync(i => i.PersonId == personId)));
    }

    [Fact]
    public async Task A_young_person_under_the_set_age_is_refused_and_one_old_enough_gets_their_own_account()
    {
        var staff = await app.ApiAsAsync("socialworker1");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var children = await app.DbAsync(async db =>
        {
            var worker = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
            return await db.Children.Where(c => c.SocialWorkerId == worker && c.YoungPersonUserId == null)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.DateOfBirth }).ToListAsync();
        });
        var young = children.First(c => c.DateOfBirth.AddYears(8) > today);
        var refused = await staff.PostAsJsonAsync($"/api/v1/children/{young.Id}/invitations", new { kind = "YoungPerson", channel = "Text", sendTo = "07700 900983" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("from the age of 8", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var old = children.First(c => c.DateOfBirth.AddYears(8) <= today);
        var sent = await staff.PostAsJsonAsync($"/api/v1/children/{old.Id}/invitations", new { kind = "YoungPerson", channel = "Text", sendTo = "07700 900984" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var token = await TokenFromOutboxAsync((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var accepted = await AcceptAsync(token);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(Roles.YoungPerson, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.NotNull(await app.DbAsync(db => db.Children.Where(c => c.Id == old.Id).Select(c => c.YoungPersonUserId).SingleAsync()));
    }

    [Fact]
    public async Task An_invited_carer_joins_the_childs_current_carer_household()
    {
        var staff = await app.ApiAsAsync("socialworker1");
        var childId = await SocialWorkersChildAsync();
        var name = Unique("Sam Carer");
        var sent = await staff.PostAsJsonAsync($"/api/v1/children/{childId}/invitations", new { kind = "Carer", name, channel = "Email", sendTo = $"{Guid.NewGuid():N}@example.com" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var token = await TokenFromOutboxAsync((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        await AssertAcceptedAsync(await AcceptAsync(token));
        var household = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == childId && p.EndDate == null).Select(p => p.CarerHouseholdId).SingleAsync());
        Assert.Equal(household, await app.DbAsync(db => db.Users.Where(u => u.DisplayName == name).Select(u => u.CarerHouseholdId).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_childs_social_worker_or_team_manager_can_invite()
    {
        var childId = await SocialWorkersChildAsync();
        var body = new { kind = "Carer", name = "Someone", channel = "Email", sendTo = "someone@example.com" };
        foreach (var userName in new[] { "contactworker1", "carer1", "parent1", "iro1" })
        {
            var answer = await (await app.ApiAsAsync(userName)).PostAsJsonAsync($"/api/v1/children/{childId}/invitations", body);
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{userName} answered {answer.StatusCode}");
        }
    }

    [Fact]
    public async Task The_invitation_message_holds_the_link_and_nothing_about_the_childs_home()
    {
        var invited = await InviteFamilyMemberAsync();
        var message = await app.DbAsync(db => db.Outbox.Where(m => m.Key == $"invitation:{invited.InvitationId:N}").Select(m => m.Subject + "\n" + m.Body).SingleAsync());
        var facts = await app.DbAsync(async db =>
        {
            var child = await db.Children.Where(c => c.Id == invited.ChildId).Select(c => new { c.FirstName, c.LastName, c.School }).SingleAsync();
            var household = await db.Placements.Where(p => p.ChildId == invited.ChildId && p.EndDate == null)
                .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (_, h) => new { h.Id, h.Address, h.Postcode, h.Name }).SingleAsync();
            var carers = await db.Users.Where(u => u.CarerHouseholdId == household.Id).Select(u => u.DisplayName).ToListAsync();
            return new List<string?> { child.FirstName, child.LastName, child.School, household.Address, household.Postcode, household.Name }.Concat(carers).OfType<string>().ToList();
        });
        Assert.NotEmpty(facts);
        foreach (var fact in facts)
        {
            Assert.DoesNotContain(fact, message, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(AccountLinks.Invitation(invited.Token), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_account_cannot_sign_in_and_its_open_sign_ins_end()
    {
        var invited = await InviteFamilyMemberAsync();
        var userName = Unique("jo").Replace(' ', '.');
        await AssertAcceptedAsync(await AcceptAsync(invited.Token, userName));
        var pages = await SignInPagesAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Portal/Children/{invited.ChildId}")).StatusCode);
        var bearer = await TokenAsync(userName);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await bearer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/portal/records")).StatusCode);

        var staff = await app.ApiAsAsync("socialworker1");
        var userId = await app.UserIdAsync(userName);
        var noReason = await staff.PostAsJsonAsync($"/api/v1/children/{invited.ChildId}/accounts/{userId}/suspend", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var suspended = await staff.PostAsJsonAsync($"/api/v1/children/{invited.ChildId}/accounts/{userId}/suspend", new { reason = "Messages to the carers" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        // Open sign-ins end on their next request: the page asks to sign in again, the API answers 401.
        var next = await pages.GetAsync($"/Portal/Children/{invited.ChildId}");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/SignIn", next.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/portal/records")).StatusCode);

        // New sign-ins are refused with the usual words, saying nothing of a suspension.
        var refused = await TryPagesSignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not right", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("suspend", refusal, StringComparison.OrdinalIgnoreCase);
        var tokenRefused = await TokenAsync(userName);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenRefused.StatusCode);
        Assert.DoesNotContain("suspend", await tokenRefused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "PortalAccount" && e.Changes != null && e.Changes.Contains("Messages to the carers"))));

        // Lifted, the account signs in again.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/children/{invited.ChildId}/accounts/{userId}/unsuspend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName)).StatusCode);
    }

    [Fact]
    public async Task Staff_suspend_only_accounts_linked_to_their_child_and_administrators_any()
    {
        var invited = await InviteFamilyMemberAsync();
        var userName = Unique("jo").Replace(' ', '.');
        await AssertAcceptedAsync(await AcceptAsync(invited.Token, userName));
        var staff = await app.ApiAsAsync("socialworker1");
        var carer1 = await app.UserIdAsync("carer1");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/v1/children/{invited.ChildId}/accounts/{carer1}/suspend", new { reason = "No" })).StatusCode);
        var notAdmin = await staff.PostAsJsonAsync($"/api/v1/accounts/{carer1}/suspend", new { reason = "No" });
        Assert.True(notAdmin.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"a social worker suspending any account answered {notAdmin.StatusCode}");
        var admin = await app.ApiAsAsync("admin");
        var userId = await app.UserIdAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/accounts/{userId}/suspend", new { reason = "Asked by the family" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/accounts/{userId}/unsuspend", null)).StatusCode);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/Account/Register", "/Identity/Account/Register", "/api/v1/auth/register", "/register", "/api/v1/register" })
        {
            var get = await client.GetAsync(path);
            var post = await client.PostAsJsonAsync(path, new { userName = "x", password = Password });
            Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"GET {path} answered {get.StatusCode}");
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"POST {path} answered {post.StatusCode}");
        }
        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Select(e => (e as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? e.DisplayName ?? "");
        Assert.DoesNotContain(routes, r => r.Contains("register", StringComparison.OrdinalIgnoreCase) || r.Contains("signup", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpResponseMessage> TokenAsync(string userName) =>
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });

    private async Task<HttpResponseMessage> TryPagesSignInAsync(string userName, HttpClient? client = null)
    {
        client ??= app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));
    }

    private async Task<HttpClient> SignInPagesAsync(string userName)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await TryPagesSignInAsync(userName, client)).StatusCode);
        return client;
    }

    [GeneratedRegex(@"/Account/Invitation/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}

[Collection("sqlite")]
public sealed class InvitationTestsOnSqlite(SqliteApp app) : InvitationTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class InvitationTestsOnPostgres(PostgresApp app) : InvitationTests(app.Factory), IClassFixture<PostgresApp>;
