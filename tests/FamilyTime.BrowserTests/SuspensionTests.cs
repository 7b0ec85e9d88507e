using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>A social worker suspends agreed family time in an emergency; the clock shows on the plan.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SuspensionTests(AppFixture app)
{
    [Fact]
    public async Task A_suspension_is_started_and_its_clock_shown_on_accessible_pages()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Wren", "CareOrder", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, "Isolde Carrow", "Mother");
        await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, "Isolde Carrow (mother)", today);

        await page.GetByRole(AriaRole.Link, new() { Name = "Suspend family time with Isolde Carrow" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Suspend family time in an emergency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend family time" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why family time is suspended");
        await AssertAccessibleAsync(page, "the suspension form showing errors");
        await page.Locator("#Reasons").FillAsync("Mum arrived intoxicated and frightened Wren.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend family time" }).ClickAsync();
        await Expect(page.Locator(".app-suspension-clock")).ToContainTextAsync("Day 1 of 7");
        await AssertAccessibleAsync(page, "a running suspension");

        await page.GotoAsync(childPath + "/Plan");
        await Expect(page.Locator(".app-suspension-clock")).ToContainTextAsync("Day 1 of 7");
        await AssertAccessibleAsync(page, "the plan with a running suspension");
    }
}
