using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A young person on their phone (360 px): signs in, sees their next family time, says how a session felt with the
/// faces, and asks to talk to someone; every page accessible and none wider than the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class YoungPersonVoiceTests(AppFixture app)
{
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{what} is {width} px wide on a 360 px screen");
    }

    [Fact]
    public async Task A_young_person_says_how_a_session_felt_with_the_faces_and_asks_to_talk_to_someone_on_a_phone()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "youngperson1");

        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Hello,");
        await Expect(page.Locator("main")).ToContainTextAsync("Your next");
        await AssertAccessibleAsync(page, "the young person's front page");
        await AssertFitsAsync(page, "the young person's front page");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Say how it felt") }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("How did it feel?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the face that shows how it felt");
        await AssertAccessibleAsync(page, "the faces with an error");
        await AssertFitsAsync(page, "the faces");
        // Each face is a radio button named by its words, not by the picture.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Good", Exact = true }).CheckAsync();
        await page.GetByLabel("Anything you want to say about it? (optional)").FillAsync("We made a cake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Thank you for telling us");
        await Expect(page.Locator("[data-held]")).ToContainTextAsync("you said “Good”");

        await page.GetByRole(AriaRole.Link, new() { Name = "I want to talk to someone" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("I want to talk to someone");
        await AssertAccessibleAsync(page, "the talk to someone form");
        await AssertFitsAsync(page, "the talk to someone form");
        await page.GetByRole(AriaRole.Radio, new() { Name = "My social worker" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask them to get in touch" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("We’ve let them know");
        await Expect(page.Locator("main")).ToContainTextAsync("will get in touch with you today");
        await Expect(page.Locator("[data-childline]")).ToHaveTextAsync("0800 1111");
        await AssertAccessibleAsync(page, "the talk to someone confirmation");
        await AssertFitsAsync(page, "the talk to someone confirmation");
    }
}
