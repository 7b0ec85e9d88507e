using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 11 "done when", across the parts that meet: parent1 on a 360 px phone goes from their front page to a
/// session of the child who lives with carer1, confirms it and says they are running late to the next one; carer1,
/// on their own phone, sees both on their page for the child — so nobody sets off for nothing, and nobody waits wondering.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FamiliesAsPartnersJourneyTests(AppFixture app)
{
    /// <summary>The child of parent1 living with carer1, and two of their coming sessions nobody has acted on yet.</summary>
    private async Task<(Guid Child, Guid First, Guid Second)> SessionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var today = TodayInLondon();
        var parent = await db.Users.Where(u => u.UserName == "parent1").Select(u => u.Id).SingleAsync();
        var household = await db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId).SingleAsync();
        var mine = await db.SignificantPeople.Where(p => p.PortalUserId == parent).Select(p => new { p.Id, p.ChildId }).ToListAsync();
        var childIds = mine.Select(m => m.ChildId).ToList();
        var child = await db.Placements.Where(p => childIds.Contains(p.ChildId) && p.EndDate == null && p.CarerHouseholdId == household)
            .Select(p => p.ChildId).FirstAsync();
        var people = mine.Where(m => m.ChildId == child).Select(m => m.Id).ToList();
        var arrangements = (await db.Arrangements.AsNoTracking().Where(a => a.ChildId == child).Select(a => new { a.Id, a.PersonIds }).ToListAsync())
            .Where(a => a.PersonIds.Intersect(people).Any()).Select(a => a.Id).ToList();
        // Within what the carer's page for the child shows (the next twelve) and untouched by other tests sharing the database.
        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.ChildId == child && s.Status == SessionStatus.Planned && s.Date >= today)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.ArrangementId, s.Date, s.ConfirmedAt, s.RunningLateMinutes }).Take(12).ToListAsync();
        var free = next.Where(s => s.ArrangementId != null && arrangements.Contains(s.ArrangementId.Value) && s.Date > today.AddDays(1)
            && s.ConfirmedAt == null && s.RunningLateMinutes == null).ToList();
        Assert.True(free.Count >= 2, "parent1's child living with carer1 needs two coming sessions nobody has acted on");
        return (child, free[0].Id, free[1].Id);
    }

    [Fact]
    public async Task A_parent_confirms_and_says_they_are_running_late_on_a_phone_and_the_carer_sees_both()
    {
        var (child, first, second) = await SessionsAsync();

        await using (var parent = await app.NewSessionAsync())
        {
            var page = parent.Page;
            await page.SetViewportSizeAsync(360, 740);
            await SignInAsync(page, "parent1");
            await Expect(page.Locator("#next-family-time")).ToBeInViewportAsync();
            await AssertAccessibleAsync(page, "the parent's front page on a phone");

            // From the front page to the child, then to the session, by links as a parent would.
            await page.Locator($"#children a[href='/Portal/Children/{child}']").ClickAsync();
            await page.Locator($"a[href='/Portal/Children/{child}/Sessions/{first}']").First.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "I’m coming" }).ClickAsync();
            await Expect(page.Locator("#state")).ToContainTextAsync("You confirmed on");
            await AssertAccessibleAsync(page, "a confirmed session on a phone");

            await page.GotoAsync($"/Portal/Children/{child}");
            await page.Locator($"a[href='/Portal/Children/{child}/Sessions/{second}']").First.ClickAsync();
            await page.GetByLabel("How late will you be?").SelectOptionAsync("20");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tell them I’m running late" }).ClickAsync();
            await Expect(page.Locator("#late")).ToContainTextAsync("running 20 minutes late");

            // Back on the child's page, the parent reads what they said beside each session.
            await page.GotoAsync($"/Portal/Children/{child}");
            await Expect(page.Locator("main")).ToContainTextAsync("You have confirmed you are coming.");
            await Expect(page.Locator("main")).ToContainTextAsync("You told us you are running 20 minutes late.");
            await AssertAccessibleAsync(page, "the parent's child page after confirming");
        }

        await using var carer = await app.NewSessionAsync();
        var carerPage = carer.Page;
        await carerPage.SetViewportSizeAsync(360, 740);
        await SignInAsync(carerPage, "carer1");
        await carerPage.GotoAsync($"/Portal/Children/{child}/Carer");
        await Expect(carerPage.Locator($"[data-session='{first}'] .app-confirmation")).ToHaveTextAsync("Confirmed by the family");
        await Expect(carerPage.Locator($"[data-session='{second}'] .app-confirmation")).ToContainTextAsync("Running 20 minutes late");
        await AssertAccessibleAsync(carerPage, "the carer's page for the child with the family's confirmation");
    }
}
