using FamilyTime.Data;
using FamilyTime.IntegrationTests.Rota;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 12's "done when" for the rota: coordinator1 opens next week for the North area, plans it (the page shows
/// its progress and refreshes itself), sees every session placed or explained, pins one, plans again, and the pin
/// holds. Every page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RotaTests(AppFixture app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Solving = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_coordinator_plans_next_week_pins_a_session_plans_again_and_the_pin_holds()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await RotaTestData.PrepareNorthAsync(scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>());
        }
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "coordinator1");
        await page.GotoAsync("/Rota");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rota");
        // Next week, in the coordinator's own area.
        await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("North · week 2026-W48");
        await AssertAccessibleAsync(page, "the rota before planning");
        await page.GotoAsync("/Rota?week=garbage");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the week like");
        await Expect(page.Locator("#week")).ToHaveValueAsync("garbage");
        await AssertAccessibleAsync(page, "the rota with a week it cannot read");
        await page.GotoAsync("/Rota");

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the week" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The plan" })).ToBeVisibleAsync(Solving);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not placed" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the planned week");

        // Pin the first placed session as the plan has it.
        var row = page.Locator("main tr", new() { Has = page.Locator("a[href^='/Rota/Runs/']"), HasTextRegex = new System.Text.RegularExpressions.Regex(@"\d\d:\d\d to \d\d:\d\d") }).First;
        var link = row.Locator("a[href^='/Rota/Runs/']");
        var child = (await row.Locator("td").Nth(0).InnerTextAsync()).Trim();
        var time = (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pin or change a session");
        await AssertAccessibleAsync(page, "the pin form");
        await page.GetByLabel("Start time").FillAsync("25:99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pin" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the start time as hours and minutes");
        await AssertAccessibleAsync(page, "the pin form with its problem");
        await page.GetByLabel("Start time").FillAsync(time[..5]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pin" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is pinned");

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the week again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The plan" })).ToBeVisibleAsync(Solving);
        var pinned = page.Locator("main tr", new() { Has = page.Locator(".govuk-tag", new() { HasText = "Pinned" }) }).First;
        await Expect(pinned.Locator("td").Nth(0)).ToContainTextAsync(child);
        await Expect(pinned.Locator("td").Nth(1)).ToHaveTextAsync(time);
        await Expect(pinned.Locator("td").Nth(4)).ToContainTextAsync("Pinned");
        await AssertAccessibleAsync(page, "the week planned again with a pin");

        // On a phone the plan's tables stack, one session to a block, instead of widening the page.
        await page.SetViewportSizeAsync(360, 740);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the rota is {width} px wide on a 360 px screen");
        await AssertAccessibleAsync(page, "the planned week on a phone");
    }
}
