using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>A parent reads the notes shared from a session and adds their reply beside them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ParentNotesTests(AppFixture app)
{
    [Fact]
    public async Task A_parent_reads_shared_notes_and_replies_on_accessible_pages()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "parent1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notes from family time shared with you" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Notes from family time");
        await AssertAccessibleAsync(page, "the parent's list of notes");

        await page.Locator("main ul a").First.ClickAsync();
        await Expect(page.Locator("#observations")).ToContainTextAsync("What happened");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("analysis");
        await AssertAccessibleAsync(page, "a shared record");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add my reply" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Write your reply");
        await AssertAccessibleAsync(page, "a shared record with a reply error");
        await page.Locator("#Reply").FillAsync("Thank you. She loved the puzzle.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add my reply" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your reply has been added beside the record.");
        await Expect(page.Locator("main")).ToContainTextAsync("Thank you. She loved the puzzle.");
    }
}
