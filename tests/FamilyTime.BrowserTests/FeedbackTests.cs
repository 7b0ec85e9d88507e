using System.Text.Json;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A social worker writes down a child's complaint about a session; the team manager finds it in "Feedback for you";
/// an administrator raises a venue concern and sees it on the venue's page; a worker checks their words. Every
/// page is checked with axe, the feedback form also while it shows errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackTests(AppFixture app)
{
    /// <summary>A session of the first agreed child the signed-in social worker can open, found through the API (the pages do not show session ids).</summary>
    private static async Task<string> FirstSessionFeedbackPathAsync(IPage page)
    {
        await page.GotoAsync("/Children");
        await page.Locator("tbody tr", new() { HasText = "Agreed" }).First.GetByRole(AriaRole.Link).ClickAsync();
        var childPath = new Uri(page.Url).AbsolutePath;
        var childId = childPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];

        var token = await page.APIRequest.PostAsync("/api/v1/auth/token", new() { DataObject = new { userName = "socialworker1", password = DemoPassword } });
        Assert.True(token.Ok, $"token: {token.Status}");
        var accessToken = (await token.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var sessions = await page.APIRequest.GetAsync($"/api/v1/children/{childId}/sessions",
            new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" } });
        Assert.True(sessions.Ok, $"sessions: {sessions.Status}");
        var first = (await sessions.JsonAsync())!.Value.GetProperty("sessions").EnumerateArray().First();
        return $"{childPath}/Sessions/{first.GetProperty("id").GetGuid()}/Feedback";
    }

    [Fact]
    public async Task A_childs_complaint_reaches_the_team_manager_on_accessible_pages()
    {
        var text = $"Jo said: “I don’t like the little room, there’s nowhere to play.” ({Guid.NewGuid().ToString("N")[..6]})";
        await using (var worker = await app.NewSessionAsync())
        {
            var page = worker.Page;
            await SignInAsync(page, "socialworker1");
            await page.GotoAsync(await FirstSessionFeedbackPathAsync(page));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Feedback on family time");
            await AssertAccessibleAsync(page, "the session feedback form");

            await page.GetByRole(AriaRole.Button, new() { Name = "Send the feedback" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose comment, compliment, complaint or venue concern");
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Write the feedback");
            await AssertAccessibleAsync(page, "the session feedback form showing errors");

            await page.GetByLabel("A complaint: something that went wrong").CheckAsync();
            await page.GetByLabel("Your feedback").FillAsync(text);
            await page.GetByLabel("These are the child’s own words").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the feedback" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("sent to the team manager");
            await AssertAccessibleAsync(page, "the session feedback form after sending");
        }

        await using var manager = await app.NewSessionAsync();
        await SignInAsync(manager.Page, "manager1");
        await manager.Page.GotoAsync("/Feedback");
        await Expect(manager.Page.Locator("h1")).ToHaveTextAsync("Feedback for you");
        var card = manager.Page.Locator(".govuk-summary-card", new() { HasText = text });
        await Expect(card).ToContainTextAsync("Complaint");
        await Expect(card).ToContainTextAsync("The child, in their own words");
        await AssertAccessibleAsync(manager.Page, "feedback for you");

        // The manager marks it read, then answers it: first with nothing written, then properly.
        await Expect(card.Locator("[data-state]")).ToHaveTextAsync("State: New");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Mark as read") }).ClickAsync();
        await Expect(manager.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("marked as read");
        card = manager.Page.Locator(".govuk-summary-card", new() { HasText = text });
        await Expect(card.Locator("[data-state]")).ToHaveTextAsync("State: Read");
        await AssertAccessibleAsync(manager.Page, "feedback for you with an item read");

        await card.GetByRole(AriaRole.Link, new() { NameRegex = new("^Answer") }).ClickAsync();
        await Expect(manager.Page.Locator("h1")).ToHaveTextAsync("Answer the complaint");
        await Expect(manager.Page.Locator(".govuk-inset-text")).ToContainTextAsync("complaints procedure");
        await AssertAccessibleAsync(manager.Page, "the answer form");
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        var summary = manager.Page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Write the answer");
        await Expect(summary).ToContainTextAsync("Choose how you answered");
        await AssertAccessibleAsync(manager.Page, "the answer form showing errors");
        // The summary's link takes the keyboard to the field.
        await summary.GetByRole(AriaRole.Link, new() { NameRegex = new("^Write the answer") }).ClickAsync();
        await Expect(manager.Page.GetByLabel("Your answer")).ToBeFocusedAsync();

        var answer = "I have talked with Jo: next time you will have the big room with the garden.";
        await manager.Page.GetByLabel("In person").CheckAsync();
        await manager.Page.GetByLabel("Your answer").FillAsync(answer);
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Expect(manager.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your answer has been saved");
        var answered = manager.Page.Locator(".govuk-summary-card", new() { HasText = text });
        await Expect(answered.Locator("[data-state]")).ToHaveTextAsync("State: Answered");
        await Expect(answered).ToContainTextAsync(answer);
        await AssertAccessibleAsync(manager.Page, "answered feedback");
    }

    [Fact]
    public async Task A_venue_concern_is_collected_on_the_venue_page()
    {
        var text = $"The baby-change table in the family room is broken ({Guid.NewGuid().ToString("N")[..6]}).";
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/Venues");
        await page.Locator("main table a").First.ClickAsync();
        var venuePath = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "Give feedback about this venue" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Feedback on the venue");
        await AssertAccessibleAsync(page, "the venue feedback form");

        await page.GetByLabel("A concern about the venue: the room, cleanliness, safety or getting in").CheckAsync();
        await page.GetByLabel("Your feedback").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the feedback" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Thank you");

        await page.GotoAsync(venuePath);
        await Expect(page.Locator("#concerns + table")).ToContainTextAsync(text);
        await AssertAccessibleAsync(page, "a venue page with a concern");
    }

    [Fact]
    public async Task The_language_check_shows_advice_on_an_accessible_page()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "contactworker1");
        await page.GotoAsync("/Language/Check");
        await AssertAccessibleAsync(page, "the language check");

        await page.GetByLabel("What you have written").FillAsync("Mum failed to engage today and the LAC review was moved. Jo refused to leave the placement.");
        await page.GetByLabel("What the child calls family time (optional)").FillAsync("seeing Mum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the words" }).ClickAsync();

        var advice = page.Locator("#word-advice");
        await Expect(advice.Locator("mark")).ToHaveTextAsync(["failed to engage", "LAC review", "refused", "placement"]);
        await Expect(advice).ToContainTextAsync("hasn't been able to attend yet");
        await Expect(advice).ToContainTextAsync("It is the child's home.");
        await AssertAccessibleAsync(page, "the language check showing advice");
    }
}
