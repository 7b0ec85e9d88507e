using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 11 "Done when": on a 360 px phone, parent1 confirms one session (of family time that asks them to confirm)
/// and says they are running late to another, on accessible pages that need no JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionActionsTests(AppFixture app)
{
    /// <summary>Two of parent1's sessions still ahead and untouched: one that asks for confirmation, and another.</summary>
    private async Task<(Guid Child, Guid ToConfirm, Guid Child2, Guid Late)> SessionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var today = TodayInLondon();
        var parent = await db.Users.Where(u => u.UserName == "parent1").Select(u => u.Id).SingleAsync();
        var mine = await db.SignificantPeople.Where(p => p.PortalUserId == parent).Select(p => p.Id).ToListAsync();
        var arrangements = (await db.Arrangements.AsNoTracking().Select(a => new { a.Id, a.PersonIds, a.ConfirmationRequired }).ToListAsync())
            .Where(a => a.PersonIds.Intersect(mine).Any()).ToList();
        var ids = arrangements.Select(a => a.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ArrangementId != null && ids.Contains(s.ArrangementId.Value) && s.Status == SessionStatus.Planned && s.Date > today.AddDays(2)
                && s.ConfirmedAt == null && s.RunningLateMinutes == null)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.ChildId, s.ArrangementId }).ToListAsync();
        var confirm = sessions.First(s => arrangements.Single(a => a.Id == s.ArrangementId).ConfirmationRequired);
        var late = sessions.First(s => s.Id != confirm.Id);
        return (confirm.ChildId, confirm.Id, late.ChildId, late.Id);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{what} is {width} px wide on a 360 px screen");
    }

    [Fact]
    public async Task Parent_confirms_one_session_and_says_they_are_running_late_to_another_on_a_phone()
    {
        var (child, toConfirm, child2, late) = await SessionsAsync();
        // Scripts on: axe runs as a script in the page, which a page without JavaScript cannot run (the test hung).
        // The forms themselves are plain posts that need no script.
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "parent1");

        await page.GotoAsync($"/Portal/Children/{child}/Sessions/{toConfirm}");
        await Expect(page.Locator("#state")).ToContainTextAsync("Please confirm you are coming by");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Claim travel costs for this session" })).ToHaveAttributeAsync("href", $"/Portal/Travel/Claim?session={toConfirm}");
        await AssertNoSidewaysScrollAsync(page, "a session awaiting confirmation");
        await AssertAccessibleAsync(page, "a parent's session awaiting confirmation on a phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "I’m coming" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You have confirmed you are coming");
        await Expect(page.Locator("#state")).ToContainTextAsync("You confirmed on");
        await AssertAccessibleAsync(page, "a confirmed session on a phone");

        await page.GotoAsync($"/Portal/Children/{child2}/Sessions/{late}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell them I’m running late" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose how late you will be");
        await AssertAccessibleAsync(page, "running late with a missing answer on a phone");
        await page.GetByLabel("How late will you be?").SelectOptionAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell them I’m running late" }).ClickAsync();
        await Expect(page.Locator("#late")).ToContainTextAsync("We have told the carer you are running 15 minutes late");
        await AssertNoSidewaysScrollAsync(page, "a session with running late said");
        await AssertAccessibleAsync(page, "a session with running late said on a phone");
    }
}
