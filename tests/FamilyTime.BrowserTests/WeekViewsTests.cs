using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>Issue 12, item 4: each week view reached from the navigation, its weeks either side, and its printable copy, axe clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WeekViewsTests(AppFixture app)
{
    /// <summary>A session tomorrow in a North room, supervised by contactworker1, so every view has a row to show.</summary>
    private async Task<Guid> SessionTomorrowAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var north = await db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync();
        var child = await db.Children.Where(c => db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == north)).OrderBy(c => c.Id).FirstAsync();
        var room = await db.Rooms.Where(r => db.Venues.Any(v => v.Id == r.VenueId && v.AreaId == north && v.IsOpen)).OrderBy(r => r.Id).FirstAsync();
        var worker = await db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.Id).SingleAsync();
        var session = new FamilyTimeSession(child.Id, null, new SessionSlot(TodayInLondon().AddDays(1), new TimeOnly(16, 30), 90, room.VenueId, room.Id, worker), child.SocialWorkerId);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    [Fact]
    public async Task A_contact_worker_opens_this_week_moves_a_week_on_and_prints_it()
    {
        var id = await SessionTomorrowAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(page, "contactworker1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Your week" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Week"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("This week: 16 to 22 November 2026");
        await Expect(page.Locator($"[data-session='{id}']")).ToContainTextAsync("You: Supervising");
        await Expect(page.Locator(".app-week-day--today h2")).ToContainTextAsync("Tuesday 17 November");
        await AssertAccessibleAsync(page, "a contact worker's week");

        // Printed from the browser's menu, the navigation and the week links are left off and the title stays.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.govuk-pagination")).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator(".app-print-only")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Week\\?week=2026-11-23$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Week: 23 to 29 November 2026");

        await page.GetByRole(AriaRole.Link, new() { Name = "Print this page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("week=2026-11-23&print=1$"));
        await Expect(page.Locator("[data-printed]")).ToContainTextAsync("Printed on 17 November 2026");
        await Expect(page.Locator(".govuk-service-navigation")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "the printable copy of a contact worker's week");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the page" }).ClickAsync();
        await page.GotoAsync("/Today");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Today: Tuesday 17 November 2026");
        await AssertAccessibleAsync(page, "a contact worker's today");
    }

    [Fact]
    public async Task A_social_worker_opens_their_childrens_week_and_today()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "socialworker1");
        await page.GetByRole(AriaRole.Link, new() { Name = "This week", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Week/Children"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("This week: 16 to 22 November 2026");
        await AssertAccessibleAsync(page, "a social worker's children's week");
        await page.GotoAsync("/Today/Children?print=1");
        await AssertAccessibleAsync(page, "the printable copy of a social worker's today");
    }

    [Fact]
    public async Task A_coordinator_opens_the_areas_week_by_room_and_by_worker_and_prints_it()
    {
        var id = await SessionTomorrowAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(page, "coordinator1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Area week" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Week/Area"));
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("North area");
        await Expect(page.Locator($"[data-room] [data-session='{id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"[data-by-worker] [data-session='{id}']")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page, "an area's week");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print this page" }).ClickAsync();
        await Expect(page.Locator("[data-printed]")).ToContainTextAsync("Printed on");
        await AssertAccessibleAsync(page, "the printable copy of an area's week");
    }
}
