using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Going live on an empty database: <c>familytime admin</c> makes the first administrator; they set up their
/// authenticator app (their role needs it), add an area, a team, a social worker and a team manager from the pages;
/// the social worker chooses a password from the e-mailed link and, signed in, is sent to set up an authenticator app
/// before anything else. Then the rules an administrator meets on the API. Each test has its own app and database.
/// </summary>
public abstract partial class StaffAdminTests(Provider provider)
{
    private const string AdminName = "itadmin";

    [Fact]
    public async Task The_first_administrator_sets_up_the_service_and_a_social_worker_is_asked_to_set_up_mfa()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false, mfaRequiredFor: "AllStaff");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCommand.RunAsync(app.Services,
            ["admin", "create-administrator", "--user-name", AdminName, "--name", "Ivy Admin", "--email", "ivy@council.example", "--password-stdin"],
            new StringReader(DemoAccounts.Password + "\n"), output, error);
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Administrator itadmin (Ivy Admin) created", output.ToString(), StringComparison.Ordinal);
        // Once there is an administrator the command line refuses: everyone else is added on the audited pages.
        var again = new StringWriter();
        Assert.Equal(1, await AdminCommand.RunAsync(app.Services,
            ["admin", "create-administrator", "--user-name", "second", "--name", "Second", "--email", "s@council.example"], new StringReader(""), TextWriter.Null, again));
        Assert.Contains("already an administrator (itadmin)", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await AdminCommand.RunAsync(app.Services, ["admin", "make-everyone-admin"], new StringReader(""), TextWriter.Null, TextWriter.Null));

        var admin = await app.PagesAsAsync(AdminName);
        // The administrator's role needs an authenticator app: every page sends them to set it up first.
        var sent = await admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/Account/Security?required=true", sent.Headers.Location!.OriginalString);
        Assert.Equal(10, (await Authenticator.TurnOnAsync(app.Services, admin, AdminName)).Count);

        var teams = await admin.GetStringAsync("/Admin/Teams");
        Assert.Contains("There are no areas yet", teams, StringComparison.Ordinal);
        await PostAsync(admin, "/Admin/Teams?handler=Area", PageForm.Of(teams, "AreaName").Set("AreaName", "North"));
        teams = await admin.GetStringAsync("/Admin/Teams");
        var areaId = await app.DbAsync(db => db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync());
        await PostAsync(admin, "/Admin/Teams?handler=Team", PageForm.Of(teams, "TeamName").Set("TeamName", "Children in Care 1").Set("TeamAreaId", areaId.ToString()));
        var teamId = await app.DbAsync(db => db.Teams.Where(t => t.Name == "Children in Care 1").Select(t => t.Id).SingleAsync());

        var add = await admin.GetStringAsync("/Admin/Users/Add");
        // A social worker without a team would see no child: the form says so and keeps what was typed.
        var noTeam = await admin.PostAsync("/Admin/Users/Add", PageForm.Of(add, "Input.UserName")
            .Set("Input.DisplayName", "Sam Social").Set("Input.UserName", "ssocial").Set("Input.Email", "sam@council.example").Set("Input.Roles", Roles.SocialWorker).Content());
        Assert.Equal(HttpStatusCode.BadRequest, noTeam.StatusCode);
        var noTeamPage = await noTeam.Content.ReadAsStringAsync();
        Assert.Contains("Choose the team", noTeamPage, StringComparison.Ordinal);
        Assert.Contains("value=\"ssocial\"", noTeamPage, StringComparison.Ordinal);

        var socialWorker = await AddStaffAsync(app, admin, "Sam Social", "ssocial", "sam@council.example", Roles.SocialWorker, teamId);
        await AddStaffAsync(app, admin, "Tia Manager", "tmanager", "tia@council.example", Roles.TeamManager, teamId);
        var list = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains("Sam Social", list, StringComparison.Ordinal);
        Assert.Contains("Tia Manager", list, StringComparison.Ordinal);
        Assert.Contains("Not set up yet", list, StringComparison.Ordinal);
        var details = await admin.GetStringAsync($"/Admin/Users/{socialWorker}");
        Assert.Contains("Children in Care 1", details, StringComparison.Ordinal);
        Assert.Contains("Added", details, StringComparison.Ordinal);

        // The set-up link went to the work address, with the user name and nothing else to sign in with.
        var mail = await app.DbAsync(db => db.Outbox.SingleAsync(m => m.To == "sam@council.example"));
        Assert.Contains("Your user name is ssocial", mail.Body, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(mail.Body).Value);
        var newcomer = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var setUp = await newcomer.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Your user name is <strong>ssocial</strong>", setUp, StringComparison.Ordinal);
        var chosen = await newcomer.PostAsync(link.PathAndQuery, PageForm.Of(setUp, "Password")
            .Set("Password", DemoAccounts.Password).Set("ConfirmPassword", DemoAccounts.Password).Content());
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        // The link works once.
        var used = await newcomer.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
        Assert.Contains("This link cannot be used", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var worker = await app.PagesAsAsync("ssocial");
        var children = await worker.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, children.StatusCode);
        Assert.Equal("/Account/Security?required=true", children.Headers.Location!.OriginalString);
        var security = await worker.GetStringAsync("/Account/Security?required=true");
        Assert.Contains("Set up an authenticator app to go on", security, StringComparison.Ordinal);
        // The API says the same in its own words, rather than answering as if nothing were owed.
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "ssocial", password = DemoAccounts.Password });
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var refused = await api.GetAsync("/api/v1/children");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Two-factor sign-in needed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Once set up, the same session goes on; the last sign-in shows on the administrator's list.
        Assert.Equal(10, (await Authenticator.TurnOnAsync(app.Services, worker, "ssocial")).Count);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/Children")).StatusCode);
        Assert.NotNull(await app.DbAsync(db => db.Users.Where(u => u.UserName == "ssocial").Select(u => u.LastSignInAt).SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_scripts_the_set_up_and_the_rules_hold()
    {
        await using var app = new FamilyTimeFactory(provider, demo: false);
        await app.AddAccountAsync(AdminName, "Ivy Admin", Roles.Administrator);
        var api = await app.ApiAsAsync(AdminName);
        var area = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/admin/areas", new { name = "North" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/admin/areas", new { name = "north " })).StatusCode);
        var team = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Team A", areaId = area }));

        var noTeam = await api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "sw", displayName = "Sam", email = "sam@council.example", roles = new[] { Roles.SocialWorker } });
        Assert.Equal(HttpStatusCode.BadRequest, noTeam.StatusCode);
        Assert.Contains("teamId", await noTeam.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var portal = await api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "pa", displayName = "Pat", email = "pat@example.org", roles = new[] { Roles.Parent } });
        Assert.Equal(HttpStatusCode.BadRequest, portal.StatusCode);
        Assert.Contains("not a staff role", await portal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "sw", displayName = "Sam", email = "sam@council.example", roles = new[] { Roles.SocialWorker }, teamId = team });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetString();
        var taken = await api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "SW", displayName = "Other", email = "o@council.example", roles = new[] { Roles.Iro } });
        Assert.Contains("is taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A change without the version it started from could overwrite someone else's: it is asked for.
        var noVersion = await api.PutAsJsonAsync($"/api/v1/admin/staff/{id}", new { userName = "sw", displayName = "Sam", email = "sam@council.example", roles = new[] { Roles.SocialWorker }, teamId = team });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        // Two administrators change the same account: the second, holding the old version, is told.
        var version = saved.GetProperty("version").GetString();
        var first = await api.PutAsJsonAsync($"/api/v1/admin/staff/{id}", new { userName = "sw", displayName = "Sam Social", email = "sam@council.example", roles = new[] { Roles.SocialWorker, Roles.ContactWorker }, teamId = team, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync($"/api/v1/admin/staff/{id}", new { userName = "sw", displayName = "Samuel", email = "sam@council.example", roles = new[] { Roles.SocialWorker }, teamId = team, version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var account = await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/staff/{id}");
        Assert.Equal("Sam Social", account.GetProperty("displayName").GetString());
        Assert.Equal(new[] { Roles.ContactWorker, Roles.SocialWorker }, account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // An administrator keeps a way in: not their own deactivation, nor their own role taken away.
        var adminId = await app.UserIdAsync(AdminName);
        var self = await api.PostAsJsonAsync($"/api/v1/admin/staff/{adminId}/deactivate", new { reason = "testing" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var demote = await api.PutAsJsonAsync($"/api/v1/admin/staff/{adminId}", new { userName = AdminName, displayName = "Ivy", roles = new[] { Roles.Iro }, version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/staff/{adminId}")).GetProperty("version").GetString() });
        Assert.Contains("your own administrator role", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Deactivated with a reason: the account's token stops working and it cannot get another.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id!))!;
            Assert.True((await users.AddPasswordAsync(user, DemoAccounts.Password)).Succeeded);
        }
        var worker = await app.ApiAsAsync("sw");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/children")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/admin/staff")).StatusCode);
        var noReason = await api.PostAsJsonAsync($"/api/v1/admin/staff/{id}/deactivate", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/admin/staff/{id}/deactivate", new { reason = "Left the service" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/v1/children")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "sw", password = DemoAccounts.Password })).StatusCode);

        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/staff/{id}/history");
        Assert.Equal(new[] { "Deactivated: Left the service", "Changed: name, roles", "Added" }, history.EnumerateArray().Select(h => h.GetProperty("what").GetString()!).ToArray());
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task PostAsync(HttpClient client, string url, PageForm form)
    {
        var response = await client.PostAsync(url, form.Content());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> AddStaffAsync(FamilyTimeFactory app, HttpClient admin, string name, string userName, string email, string role, Guid teamId)
    {
        var add = await admin.GetStringAsync("/Admin/Users/Add");
        await PostAsync(admin, "/Admin/Users/Add", PageForm.Of(add, "Input.UserName").Set("Input.DisplayName", name).Set("Input.UserName", userName)
            .Set("Input.Email", email).Set("Input.Roles", role).Set("Input.TeamId", teamId.ToString()));
        return await app.UserIdAsync(userName);
    }

    [GeneratedRegex(@"https?://\S+/Account/SetUp\?\S+")]
    private static partial Regex LinkPattern();
}

[Collection("sqlite")]
public sealed class StaffAdminTestsOnSqlite() : StaffAdminTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class StaffAdminTestsOnPostgres() : StaffAdminTests(Provider.Postgres);
