using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.IntegrationTests;
using FamilyTime.Web.Features.Admin.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Going live (issue 13): on a fresh database with two-factor sign-in enforced as in production, <c>familytime admin</c>
/// makes the first administrator, who sets up an authenticator app and, in the browser, adds an area, a team, a social
/// worker and a team manager; the social worker chooses a password from the e-mailed link, signs in and is asked to set
/// up an authenticator app before anything else. Every new page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GoLiveJourneyTests(AppFixture app)
{
    [Fact]
    public async Task The_first_administrator_sets_up_a_team_and_staff_and_the_social_worker_is_asked_to_set_up_mfa()
    {
        await using var host = AppFixture.StartHost(demo: false, "AllStaff");
        var address = host.Address;
        var exit = await AdminCommand.RunAsync(host.Services,
            ["admin", "create-administrator", "--user-name", "itadmin", "--name", "Ivy Admin", "--email", "ivy@council.example", "--password-stdin"],
            new StringReader(DemoPassword + "\n"), TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, exit);

        await using var adminContext = await NewContextAsync(address);
        var page = await adminContext.NewPageAsync();
        await SignInAsync(page, "itadmin");
        await Expect(page).ToHaveURLAsync(PathIs("/Account/Security"));
        await Expect(page.Locator("#mfa-required")).ToContainTextAsync("Set up an authenticator app to go on");
        await AssertAccessibleAsync(page, "the authenticator set-up an administrator is sent to");
        await TurnOnAuthenticatorAsync(page);
        await AssertAccessibleAsync(page, "the recovery codes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }).ClickAsync();
        await Expect(page.Locator("#no-areas")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "areas and teams, empty");
        await page.GetByLabel("Area name").FillAsync("North");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the area" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The area North has been added");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the team" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the team's name");
        await AssertAccessibleAsync(page, "a team without a name");
        await page.GetByLabel("Team name").FillAsync("Children in Care 1");
        await page.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the team" }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("Children in Care 1");
        await AssertAccessibleAsync(page, "areas and teams");

        await AddStaffAsync(page, "Sam Social", "ssocial", "sam@council.example", "Social worker");
        await AssertAccessibleAsync(page, "a new staff account");
        await AddStaffAsync(page, "Tia Manager", "tmanager", "tia@council.example", "Team manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("Sam Social");
        await Expect(page.Locator("table")).ToContainTextAsync("Tia Manager");
        await AssertAccessibleAsync(page, "the staff accounts");

        string link;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var body = await db.Outbox.Where(m => m.To == "sam@council.example").Select(m => m.Body).SingleAsync();
            link = LinkPattern().Match(body).Value;
        }
        await using var workerContext = await NewContextAsync(address);
        var worker = await workerContext.NewPageAsync();
        await worker.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(worker.Locator("main")).ToContainTextAsync("Your user name is ssocial");
        await AssertAccessibleAsync(worker, "choosing a password");
        await worker.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
        await worker.GetByLabel("Type the password again").FillAsync(DemoPassword);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(worker.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password is set");
        await SignInAsync(worker, "ssocial");
        await Expect(worker).ToHaveURLAsync(PathIs("/Account/Security"));
        await Expect(worker.Locator("#mfa-required")).ToContainTextAsync("Set up an authenticator app to go on");
        // Nowhere else opens until it is done.
        await worker.GotoAsync("/Children");
        await Expect(worker).ToHaveURLAsync(PathIs("/Account/Security"));
        await AssertAccessibleAsync(worker, "the social worker asked to set up an authenticator app");
    }

    /// <summary>
    /// The page a council sign-in ends on when it cannot sign someone in (here: reached without one) says so, offers
    /// the password sign-in, answers 403 and passes axe.
    /// </summary>
    [Fact]
    public async Task The_council_sign_in_refusal_is_plain_and_accessible()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var response = await page.GotoAsync("/Account/External");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("We could not sign you in");
        await Expect(page.Locator("main")).ToContainTextAsync("The council sign-in did not complete. Try again.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a user name and password" })).ToHaveAttributeAsync("href", "/Account/SignIn");
        await AssertAccessibleAsync(page, "the council sign-in's refusal");
    }

    private async Task<IBrowserContext> NewContextAsync(Uri address)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Types the code a phone would show for the key on the page, and checks the recovery codes appear.</summary>
    private static async Task TurnOnAuthenticatorAsync(IPage page)
    {
        var key = (await page.Locator("code.app-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }) });
        // A change to how someone signs in asks for their current password first.
        await form.GetByLabel("Your current password").FillAsync(DemoPassword);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
    }

    private static async Task AddStaffAsync(IPage page, string name, string userName, string email, string role)
    {
        await page.GotoAsync("/Admin/Users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a staff account" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add a staff account");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Work e-mail address").FillAsync(email);
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Team (for a social worker or team manager)").SelectOptionAsync(new SelectOptionValue { Label = "Children in Care 1 (North)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the account" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"The account {userName} has been added");
        await Expect(page.Locator("main")).ToContainTextAsync("Children in Care 1");
    }

    [GeneratedRegex(@"https?://\S+/Account/SetUp\?\S+")]
    private static partial Regex LinkPattern();
}
