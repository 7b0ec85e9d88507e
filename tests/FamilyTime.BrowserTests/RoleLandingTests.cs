using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RoleLandingTests(AppFixture app)
{
    [Fact]
    public async Task A_parent_lands_on_their_own_family_time()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "parent1");

        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My family time");
        // parent1 is the mother of the demo's first family: her children are listed, nothing from the staff side is.
        await Expect(page.Locator("main a[href^='/Portal/Children/']").First).ToBeVisibleAsync();
        await Expect(page.Locator("nav[aria-label='Menu']")).Not.ToContainTextAsync("Children");
        await Expect(page.Locator("nav[aria-label='Menu']")).Not.ToContainTextAsync("Audit log");
        await AssertAccessibleAsync(page, "the parent's portal");
    }

    [Fact]
    public async Task A_foster_carer_lands_on_the_children_living_with_them()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "carer1");

        // Carers have the portal's own page now, not the staff list of children.
        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Children living with you");
        // Changed with the carer portal (issue 11): each child is a section with what's next, not a table row.
        await Expect(page.Locator("main section[data-child]").First).ToBeVisibleAsync();
        // A carer cannot record a child coming into care, and the menu holds nothing from the staff side.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "A child comes into care" })).ToHaveCountAsync(0);
        await Expect(page.Locator("nav[aria-label='Menu']")).Not.ToContainTextAsync("Inbox");
        await Expect(page.Locator("nav[aria-label='Menu']")).Not.ToContainTextAsync("Audit log");
        await AssertAccessibleAsync(page, "the carer's portal");
    }

    [Theory]
    [InlineData("parent1")]
    [InlineData("carer1")]
    public async Task Staff_pages_typed_by_a_parent_or_carer_are_not_found_on_a_phone_and_their_portal_still_works(string userName)
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, userName);
        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));

        foreach (var path in new[] { "/Children", "/Inbox", "/Dashboard", "/Admin/Audit" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response?.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
            await AssertAccessibleAsync(page, $"{path} as {userName}");
        }

        await page.GotoAsync("/Portal");
        if (userName == "parent1")
        {
            // A parent opens their child's own page.
            await page.Locator("#children a[href^='/Portal/Children/']").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(PathIs("/Portal/Children/[0-9a-f-]+"));
            await Expect(page.Locator("main")).ToContainTextAsync("calls family time");
            await AssertAccessibleAsync(page, "the parent's view of their child on a phone");
        }
        else
        {
            // A carer opens how a child living with them has been before and after family time.
            await page.Locator("main a[href$='/Wellbeing']").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]+/Wellbeing"));
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, "the carer's wellbeing page on a phone");
        }
    }

    [Fact]
    public async Task An_administrator_lands_on_the_audit_log()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "admin");

        await Expect(page).ToHaveURLAsync(PathIs("/Admin/Audit"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Audit log");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check the log has not been altered" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the audit log");
    }

    [Fact]
    public async Task Tab_from_the_top_of_the_sign_in_page_reaches_the_skip_link_first()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/Account/SignIn");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();
        await Expect(skip).ToHaveAttributeAsync("href", "#main-content");

        // Following it moves on to the main content.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main-content$"));
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }
}
