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
        await page.GotoAsync(childPath + "/Plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrangement" }).ClickAsync();
        await page.GetByLabel("Isolde Carrow (mother)").CheckAsync();
        await page.GetByLabel("Building or keeping a bond with a parent").CheckAsync();
        await page.GetByLabel("Facilitated: practical and emotional support, not watched throughout").CheckAsync();
        await page.GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Every week, on the days chosen below").CheckAsync();
        await page.GetByLabel(today.AddDays(1).DayOfWeek.ToString(), new() { Exact = true }).CheckAsync();
        await PlanPages.FillDateAsync(page, "Input_FirstDate", today.AddDays(1));
        await page.Locator("#Input_StartTime").FillAsync("16:00");
        await page.Locator("#Input_DurationMinutes").FillAsync("60");
        await page.Locator("#Input_RoomId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();

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
