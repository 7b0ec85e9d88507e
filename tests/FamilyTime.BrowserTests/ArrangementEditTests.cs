using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// What a new social worker tripped over (issue 10, item 15): changing an agreed arrangement's start time opened a
/// form whose venue list had forgotten the room, so the change was refused for want of a venue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArrangementEditTests(AppFixture app)
{
    private const string Mother = "Morwenna Trelawny";

    [Fact]
    public async Task Editing_an_arrangement_keeps_its_venue_when_only_the_time_changes()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Elowen", "CareOrder", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, Mother, "Mother");
        await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, $"{Mother} (mother)", today);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Change the arrangement with {Mother}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change an arrangement");
        var room = page.Locator("#Input_RoomId");
        var saved = await room.EvaluateAsync<string>("s => s.value");
        Assert.False(string.IsNullOrEmpty(saved), "The venue list should show the saved room, not 'Choose a venue and room'");
        await AssertAccessibleAsync(page, "the arrangement form for a change");

        await page.Locator("#Input_StartTime").FillAsync("16:30");
        await page.Locator("#Input_Reason").FillAsync("School finishes later this term, so family time starts half an hour later.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath + "/Plan"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The arrangement has been saved.");
        await Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("16:30");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Change the arrangement with {Mother}" }).ClickAsync();
        Assert.Equal(saved, await page.Locator("#Input_RoomId").EvaluateAsync<string>("s => s.value"));
    }
}
