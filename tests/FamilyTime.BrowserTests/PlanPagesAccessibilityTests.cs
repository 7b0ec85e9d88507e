using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>The plan's other pages, as the demo data shows them, checked with axe: connections, venues, sessions.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanPagesAccessibilityTests(AppFixture app)
{
    [Fact]
    public async Task A_childs_agreed_plan_connections_and_sessions_pages_are_accessible()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "socialworker1");
        // The first demo family has agreed plans, so every section of the pages has something in it.
        await page.Locator("tbody tr", new() { HasText = "Agreed" }).First.GetByRole(AriaRole.Link).ClickAsync();
        var childPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync(childPath + "/Plan");
        await Expect(page.Locator(".govuk-summary-card").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "an agreed plan");

        await page.GotoAsync(childPath + "/Connections");
        await Expect(page.Locator("svg[role='img']")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.govuk-table tbody tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the connections map");

        await page.GotoAsync(childPath + "/Sessions");
        await Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the sessions page");
    }

    [Fact]
    public async Task The_venue_pages_are_accessible()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/Venues");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the venue list");
        await page.Locator("main table a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "a venue and its rooms");
        await page.GotoAsync("/Admin/Venues/Add");
        await page.Locator("main form button[type='submit']").First.ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the add-a-venue form showing errors");
    }

    [Fact]
    public async Task A_parent_makes_a_calendar_address_on_an_accessible_page_and_the_feed_opens()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "parent1");
        await page.GotoAsync("/Calendar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your calendar");
        await AssertAccessibleAsync(page, "the calendar page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar address" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add to my calendar" });
        await Expect(add).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the calendar page showing the new address");
        var webcal = await add.GetAttributeAsync("href") ?? "";
        Assert.StartsWith("webcal://", webcal, StringComparison.Ordinal);
        var feed = await page.APIRequest.GetAsync("http://" + webcal["webcal://".Length..]);
        Assert.Equal(200, feed.Status);
        Assert.Contains("BEGIN:VCALENDAR", await feed.TextAsync(), StringComparison.Ordinal);
    }
}
