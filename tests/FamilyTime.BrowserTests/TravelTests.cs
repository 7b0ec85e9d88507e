using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// On a 360 px phone, parent1 claims travel for a recent family time with a photo of the receipt, and manager1
/// approves it; the parent sees it approved. Then the parent's portfolio and diary. Every page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TravelTests(AppFixture app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    [Fact]
    public async Task A_parent_claims_travel_with_a_receipt_on_a_phone_and_the_team_manager_approves_it()
    {
        await using (var session = await app.NewSessionAsync())
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(360, 740);
            await SignInAsync(page, "parent1");
            await page.GotoAsync("/Portal/Travel");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Travel costs");
            await AssertAccessibleAsync(page, "the parent's travel costs");

            await page.Locator("main a[href^='/Portal/Travel/Claim']").First.ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Claim travel costs");
            await AssertAccessibleAsync(page, "the travel claim form");

            // Sent with nothing filled in: every problem is listed, in words.
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my claim" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter where you travelled from");
            await AssertAccessibleAsync(page, "the travel claim form with its problems");

            await page.GetByLabel("Where did you travel from?").FillAsync("Bus stop on Church Street");
            await page.GetByLabel("Where did you travel to?").FillAsync("The family centre");
            await page.GetByLabel("Bus").CheckAsync();
            await page.GetByLabel("How much did it cost, there and back?").FillAsync("4.35");
            await page.GetByLabel("A photo or PDF of your ticket or receipt").SetInputFilesAsync(new FilePayload { Name = "ticket.png", MimeType = "image/png", Buffer = Png });
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my claim" }).ClickAsync();

            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your claim has been sent to the team manager");
            await Expect(page.Locator("main")).ToContainTextAsync("£4.35");
            await Expect(page.Locator("main")).ToContainTextAsync("Waiting for a decision");
            await AssertAccessibleAsync(page, "the parent's claims after claiming");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"the travel page is {width} px wide on a 360 px screen");
        }

        await using (var session = await app.NewSessionAsync())
        {
            var page = session.Page;
            await SignInAsync(page, "manager1");
            await page.GotoAsync("/Travel");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Travel claims");
            await AssertAccessibleAsync(page, "the team manager's travel claims");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve Kelly Harper’s claim of £4.35" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The claim has been approved");
            await AssertAccessibleAsync(page, "the travel claims after approving");
        }

        await using (var session = await app.NewSessionAsync())
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(360, 740);
            await SignInAsync(page, "parent1");
            await page.GotoAsync("/Portal/Travel");
            await Expect(page.Locator(".govuk-summary-card", new() { HasText = "£4.35" })).ToContainTextAsync("Approved");

            await page.GotoAsync("/Portal/Portfolio");
            await Expect(page.Locator("h1")).ToHaveTextAsync("My portfolio");
            await Expect(page.Locator("main")).ToContainTextAsync("Family time held");
            await AssertAccessibleAsync(page, "the parent's portfolio");

            await page.GotoAsync("/Portal/Diary");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an appointment" }).ClickAsync();
            await AssertAccessibleAsync(page, "adding to the diary");
            await page.GetByLabel("What is it?").FillAsync("Parenting course");
            var day = TodayInLondon().AddDays(2);
            await page.GetByLabel("Day").FillAsync(day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Month").FillAsync(day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Year").FillAsync(day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to my diary" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("added to your diary");
            await Expect(page.Locator("main")).ToContainTextAsync("Parenting course");
            await AssertAccessibleAsync(page, "the parent's diary");
        }
    }
}
