using FamilyTime.Data;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>An IRO finds their tasks at the top of the inbox and ticks one off with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxTasksTests(AppFixture app)
{
    [Fact]
    public async Task The_inbox_lists_the_persons_tasks_accessibly_and_one_is_marked_done_by_keyboard()
    {
        var today = TodayInLondon();
        var title = "Read the review report " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var iro = await db.Users.Where(u => u.UserName == "iro1").Select(u => u.Id).SingleAsync();
            var child = await db.Children.Where(c => c.IroId == iro).Select(c => c.Id).FirstAsync();
            var tasks = scope.ServiceProvider.GetRequiredService<TaskList>();
            await tasks.AddAsync("browser:" + title, TaskKind.ReviewToHold, iro, child, title, $"/Children/{child}", today.AddDays(-1), CancellationToken.None);
            await tasks.AddAsync("browser:later:" + title, TaskKind.ReviewDue, iro, child, "Later: " + title, $"/Children/{child}", today.AddDays(10), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "iro1");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Your tasks");
        var taskRows = page.Locator("tr[data-work='Task']");
        var row = taskRows.Filter(new() { HasText = title }).Filter(new() { HasNotText = "Later:" }).First;
        await Expect(row).ToContainTextAsync("Overdue");
        await Expect(taskRows.Filter(new() { HasText = "Later: " + title })).Not.ToContainTextAsync("Overdue");
        await AssertAccessibleAsync(page, "the inbox with tasks");

        // Keyboard only: tab from the task's "Open" link to its button and press Enter.
        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(row.GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Marked as done: " + title);
        await Expect(page.Locator("tr[data-work='Task']", new() { HasText = "Later: " + title })).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-work='Task']", new() { HasText = "Read the review report" }).Filter(new() { HasNotText = "Later:" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "the inbox after a task is done");
    }
}
