using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A coordinator finds a venue by what its rooms have and when it opens; an administrator opens a venue's hours,
/// closures and a room. Each page is checked with axe, the forms also while they show errors. Nothing is saved, so
/// the demo venues other tests read stay as they are.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VenueDirectoryTests(AppFixture app)
{
    [Fact]
    public async Task The_venue_list_filters_by_room_features_opening_day_and_babies_on_accessible_pages()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "coordinator1");
        await page.GotoAsync("/Admin/Venues");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Venues");
        await Expect(page.Locator("#results")).ToHaveTextAsync("9 venues");
        await AssertAccessibleAsync(page, "the venue list");

        // Gardens are in the family centres' garden rooms; the family centres open on Saturdays.
        await page.GetByLabel("Garden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Open on").SelectOptionAsync(new SelectOptionValue { Label = "Saturday" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show venues" }).ClickAsync();
        await Expect(page.Locator("#results")).ToHaveTextAsync("3 of 9 venues match");
        await Expect(page.Locator("main tbody tr")).ToHaveCountAsync(3);
        foreach (var row in await page.Locator("main tbody tr td:first-child a").AllInnerTextsAsync())
        {
            Assert.EndsWith("Family Centre", row, StringComparison.Ordinal);
        }
        Assert.Contains("Feature=Garden", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByLabel("Garden", new() { Exact = true })).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, "the venue list filtered");

        // A baby: the family centres' baby-change room for all ages and the children's centres' baby room.
        await page.GotoAsync("/Admin/Venues?Baby=true");
        await Expect(page.Locator("#results")).ToHaveTextAsync("6 of 9 venues match");
        await Expect(page.Locator("main tbody tr", new() { HasText = "Community Hub" })).ToHaveCountAsync(0);

        await page.GetByLabel("Name, address or postcode").FillAsync("no venue is called this");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show venues" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("No venues match");
        await AssertAccessibleAsync(page, "the venue list with no matches");
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear the filters" }).ClickAsync();
        await Expect(page.Locator("#results")).ToHaveTextAsync("9 venues");
    }

    [Fact]
    public async Task A_venues_hours_closures_and_room_forms_are_accessible_and_show_their_errors()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/Venues?Feature=Observation");
        await page.Locator("main tbody tr td:first-child a").First.ClickAsync();
        await Expect(page.Locator("#hours + dl")).ToContainTextAsync("09:00 to 19:00");
        await Expect(page.Locator("#closures + ul")).ToContainTextAsync("Christmas week");
        await AssertAccessibleAsync(page, "a venue with hours, closures and rooms");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the opening hours" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Opening hours");
        await AssertAccessibleAsync(page, "the opening hours form");
        await page.GetByLabel("Monday closes").FillAsync("08:00");
        await page.GetByLabel("Tuesday opens").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the opening hours" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("On Monday the venue must open before it closes");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter both times for Tuesday");
        await AssertAccessibleAsync(page, "the opening hours form showing errors");
        await page.Locator(".govuk-error-summary a", new() { HasText = "Monday" }).ClickAsync();
        await Expect(page.GetByLabel("Monday opens")).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or remove closures" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Closures");
        await AssertAccessibleAsync(page, "the closures page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the closure" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the first day of the closure");
        await AssertAccessibleAsync(page, "the closures page showing errors");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to" }).ClickAsync();
        await page.Locator("#rooms + table a").First.ClickAsync();
        await AssertAccessibleAsync(page, "a room's form");
        await page.GetByLabel("Youngest").FillAsync("9");
        await page.GetByLabel("Oldest").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the room" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The oldest age must be the same as or more than the youngest age");
        await AssertAccessibleAsync(page, "a room's form showing errors");
    }
}
