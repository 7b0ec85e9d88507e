using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 12: coordinator1 opens the workers list and contactworker1's profile, then books one of socialworker1's
/// children's sessions: a room already taken is refused in words in the error summary, a free one is booked. Every
/// page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingPageTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_books_a_session_and_a_room_already_taken_is_refused_in_the_error_summary()
    {
        // A future planned session of socialworker1's first child, and another session on its day in a different room.
        var (childId, sessionId, takenRoom) = await WithDbAsync(async db =>
        {
            var sw = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
            var today = new DateOnly(2026, 11, 17);
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.SocialWorkerId == sw && s.Status == SessionStatus.Planned && s.Date > today && s.RoomId != null)
                .OrderBy(s => s.Date).ThenBy(s => s.StartTime).Take(40).ToListAsync();
            foreach (var s in sessions)
            {
                var clash = await db.Sessions.AsNoTracking().Where(o => o.Date == s.Date && o.Id != s.Id && o.Status == SessionStatus.Planned && o.RoomId != null && o.RoomId != s.RoomId
                        && o.StartTime == s.StartTime && o.DurationMinutes == s.DurationMinutes)
                    .Select(o => o.RoomId).FirstOrDefaultAsync();
                if (clash is { } room)
                {
                    return (s.ChildId, s.Id, room);
                }
            }
            var first = sessions[0];
            return (first.ChildId, first.Id, Guid.Empty);
        });

        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "coordinator1");
        await page.GotoAsync("/Workers");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Workers");
        await AssertAccessibleAsync(page, "the workers list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tom Bradley" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tom Bradley");
        await AssertAccessibleAsync(page, "a worker's profile and leave");

        await page.GotoAsync($"/Children/{childId}/Sessions/{sessionId}/Booking");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Book family time");
        await AssertAccessibleAsync(page, "the booking page");
        if (takenRoom != Guid.Empty)
        {
            await page.Locator("#Input_RoomId").SelectOptionAsync(takenRoom.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("is booked");
            await AssertAccessibleAsync(page, "the booking page with a room already taken");
        }
        await page.GotoAsync($"/Children/{childId}/Sessions/{sessionId}/Booking");
        await page.GetByLabel("Book despite the warnings (travel time, no working pattern recorded)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        // As it was booked (or with its soft warnings accepted), or refused in words: never an error page.
        await Expect(page.Locator(".govuk-notification-banner--success, .govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the booking page after booking");
    }

    private async Task<T> WithDbAsync<T>(Func<FamilyTimeDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>());
    }
}
