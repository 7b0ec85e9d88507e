using System.Text.RegularExpressions;
using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// The security and retention pages walked as a new user would: changing a password on a phone, a forgotten password
/// reset from the e-mailed link, and a team manager's disposal review list with a legal hold placed and lifted. Each
/// journey runs on a host of its own (<see cref="AppFixture.StartHost"/>), so a changed password or a child's changed
/// date of birth never reaches the other browser tests. Every page is checked with axe. With FAMILYTIME_SCREENSHOTS
/// set to a folder, each page is saved there as a full-page PNG for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PasswordAndRetentionPagesTests(AppFixture app)
{
    private const string NewPassword = "Kettle-on-at-four-2026";

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task Parent1_on_a_phone_is_told_a_wrong_current_password_then_changes_it_and_only_the_new_password_signs_in()
    {
        await using var host = AppFixture.StartHost(demo: true, "None");
        await using var context = await NewContextAsync(host.Address, width: 360);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "parent1");

        await page.GotoAsync("/Account/Password");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change your password");
        await Expect(page.Locator(".govuk-back-link")).ToHaveAttributeAsync("href", "/Account/Security");
        await AssertNoSidewaysScrollAsync(page, "the change password page");
        await AssertAccessibleAsync(page, "the change password page on a phone");
        await ShotAsync(page, "password-change");

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync("Not-my-password-2026");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type the new password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Your current password is not right" })).ToHaveAttributeAsync("href", "#CurrentPassword");
        await Expect(page.Locator("#CurrentPassword")).ToHaveAttributeAsync("aria-describedby", new Regex("CurrentPassword-error"));
        await Expect(page.Locator("#CurrentPassword-error")).ToContainTextAsync("Your current password is not right");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await AssertNoSidewaysScrollAsync(page, "the change password page with an error");
        await AssertAccessibleAsync(page, "the change password page with a wrong current password");
        await ShotAsync(page, "password-change-wrong-current");

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(DemoPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type the new password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Account/Security"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password has changed");
        await AssertNoSidewaysScrollAsync(page, "the account page after a password change");
        await AssertAccessibleAsync(page, "the account page after a password change");
        await ShotAsync(page, "account-after-password-change");

        // The authenticator set-up on the same page asks for the current password before turning anything on.
        var turnOn = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }) });
        await Expect(turnOn.GetByLabel("Your current password")).ToBeVisibleAsync();

        await using var again = await NewContextAsync(host.Address, width: 360);
        var other = await again.NewPageAsync();
        await TrySignInAsync(other, "parent1", DemoPassword);
        await Expect(other).ToHaveURLAsync(PathIs("/Account/SignIn"));
        await Expect(other.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await TrySignInAsync(other, "parent1", NewPassword);
        await Expect(other).ToHaveURLAsync(PathIs("/Portal"));
    }

    [Fact]
    public async Task A_forgotten_password_link_from_the_email_sets_a_new_password_that_signs_in_and_is_refused_the_second_time()
    {
        await using var host = AppFixture.StartHost(demo: true, "None");
        await using var context = await NewContextAsync(host.Address, width: 360);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgotten your password?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Account/ForgotPassword"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Forgotten your password");
        await AssertNoSidewaysScrollAsync(page, "the forgotten password page");
        await AssertAccessibleAsync(page, "the forgotten password page");
        await ShotAsync(page, "password-forgotten");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter your user name or e-mail address" }))
            .ToHaveAttributeAsync("href", "#NameOrEmail");
        await AssertAccessibleAsync(page, "the forgotten password page with nothing typed");

        await page.GetByLabel("User name or e-mail address").FillAsync("parent1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your e-mail");
        await AssertNoSidewaysScrollAsync(page, "the check your e-mail page");
        await AssertAccessibleAsync(page, "the check your e-mail page");
        await ShotAsync(page, "password-forgotten-sent");

        string link;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var body = await db.Outbox.Where(m => m.To == "parent1@example.org" && m.Key.StartsWith("password-reset:")).Select(m => m.Body).SingleAsync();
            link = new Uri(ResetLink().Match(body).Value).PathAndQuery;
        }

        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set a new password");
        await Expect(page.Locator("main")).ToContainTextAsync("Your user name is parent1");
        await AssertNoSidewaysScrollAsync(page, "the set a new password page");
        await AssertAccessibleAsync(page, "the set a new password page");
        await ShotAsync(page, "password-reset");

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type the new password again").FillAsync("Kettle-on-at-five-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#ConfirmPassword");
        await AssertAccessibleAsync(page, "the set a new password page with two different passwords");

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type the new password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Account/SignIn"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password has changed");
        await TrySignInAsync(page, "parent1", NewPassword);
        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));

        // The same link again: refused in plain words, not an error page.
        await using var later = await NewContextAsync(host.Address, width: 360);
        var second = await later.NewPageAsync();
        var response = await second.GotoAsync(link);
        Assert.Equal(404, response!.Status);
        await Expect(second.Locator("h1")).ToHaveTextAsync("This link cannot be used");
        await Expect(second.Locator("#link-unusable")).ToContainTextAsync("It may have been used already");
        await Expect(second.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToHaveAttributeAsync("href", "/Account/ForgotPassword");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Set my password" })).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(second, "the used link's page");
        await AssertAccessibleAsync(second, "the used link's page");
        await ShotAsync(second, "password-reset-used-link");
    }

    [Fact]
    public async Task A_team_manager_finds_a_record_due_for_disposal_places_a_legal_hold_with_a_reason_and_lifts_it()
    {
        await using var host = AppFixture.StartHost(demo: true, "None");
        var today = TodayInLondon();
        string childName;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // A child of manager1's team whose 75th birthday has passed: the demo children are all young.
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var team = await db.Users.Where(u => u.UserName == "manager1").Select(u => u.TeamId).SingleAsync();
            var child = await db.Children.Where(c => c.TeamId == team).OrderBy(c => c.Id).FirstAsync();
            await db.Children.Where(c => c.Id == child.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DateOfBirth, today.AddYears(-75).AddDays(-10)));
            childName = $"{child.PreferredName ?? child.FirstName} {child.LastName}";
        }
        await using var context = await NewContextAsync(host.Address, width: 1280);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager1");

        await page.GotoAsync("/Retention");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Records due for disposal");
        var table = page.Locator("table");
        await Expect(table.Locator("caption")).ToHaveTextAsync("1 record to review");
        await Expect(table.Locator("thead th[scope=col]")).ToHaveTextAsync(["Child", "Disposal date", "Rule", "Legal hold"]);
        var row = table.Locator("tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = childName, Exact = true }) });
        await Expect(row.Locator("th[scope=row]")).ToContainTextAsync(childName);
        await Expect(row).ToContainTextAsync("Due now");
        await AssertAccessibleAsync(page, "the disposal review list");
        await ShotAsync(page, "retention-list");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Place a legal hold on {childName}’s record" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}/LegalHold"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Legal hold");
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync(childName);
        await Expect(page.Locator(".govuk-back-link")).ToHaveAttributeAsync("href", "/Retention");
        await AssertAccessibleAsync(page, "the legal hold page");
        await ShotAsync(page, "legal-hold");

        await page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" }).ClickAsync();
        var summaryLink = page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link);
        await Expect(summaryLink).ToHaveAttributeAsync("href", "#Reason");
        await Expect(page.Locator("#Reason")).ToHaveAttributeAsync("aria-describedby", new Regex("Reason-error"));
        await Expect(page.Locator("#Reason-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the legal hold page with no reason");
        await ShotAsync(page, "legal-hold-no-reason");

        await page.GetByLabel("Why must the record be kept?").FillAsync("Civil claim against the council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The legal hold has been placed");
        await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Civil claim against the council");
        await Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Placed by" }).Locator("dd")).ToHaveTextAsync("Helen Murray (manager1)");
        await AssertAccessibleAsync(page, "the legal hold page with a hold placed");
        await ShotAsync(page, "legal-hold-placed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to records due for disposal" }).ClickAsync();
        await Expect(row.Locator(".govuk-tag--purple")).ToHaveTextAsync("On legal hold");
        await Expect(row).ToContainTextAsync("Civil claim against the council");
        await AssertAccessibleAsync(page, "the disposal review list with a hold");
        await ShotAsync(page, "retention-list-with-hold");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Lift the hold on {childName}’s record" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lift the legal hold" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Reason");
        await page.GetByLabel("Why is the hold being lifted?").FillAsync("Claim settled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lift the legal hold" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The legal hold has been lifted");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the legal hold page after the hold is lifted");
        await ShotAsync(page, "legal-hold-lifted");

        await page.GotoAsync("/Retention");
        await Expect(row.Locator(".govuk-tag--purple")).ToHaveCountAsync(0);

        // The same pages on a phone: nothing runs off the side of the screen.
        await page.SetViewportSizeAsync(360, 740);
        await AssertNoSidewaysScrollAsync(page, "the disposal review list");
        // The table is wider than the phone: it scrolls in its own region, so its last column can still be reached.
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Records to review" });
        Assert.Equal("auto", await region.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
        await AssertAccessibleAsync(page, "the disposal review list on a phone");
        await ShotAsync(page, "retention-list-phone");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Place a legal hold on {childName}’s record" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Legal hold");
        await AssertNoSidewaysScrollAsync(page, "the legal hold page");
        await ShotAsync(page, "legal-hold-phone");
    }

    private async Task<IBrowserContext> NewContextAsync(Uri address, int width)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new ViewportSize { Width = width, Height = 740 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>The sign-in form with a password of the test's choosing; the test checks where it ends.</summary>
    private static async Task TrySignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var viewport = page.ViewportSize!.Width;
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= viewport, $"{what} is {width} px wide on a {viewport} px screen");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("FAMILYTIME_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
