using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 10, items 18, 19 and 20, as a new contact worker and social worker would meet them: the records they owe
/// are in their inbox, the inbox leads with the most urgent child, a decision's task is closed by the decision, Enter
/// in a box never sends a half-written record, the word advice takes the focus, and a baby's template asks nothing a
/// baby cannot do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordsAndInboxMustsTests(AppFixture app)
{
    [Fact]
    public async Task Contact_workers_inbox_lists_the_sessions_they_supervised_that_await_a_record()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "contactworker1");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your inbox");
        var owed = page.Locator("tr[data-work='RecordToWrite']");
        await Expect(owed.First).ToContainTextAsync("Write the record of the session you supervised");
        await Expect(owed.First).ToContainTextAsync("Overdue");
        await AssertAccessibleAsync(page, "a contact worker's inbox with records to write");

        await owed.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
    }

    [Fact]
    public async Task Sessions_list_shows_the_recent_past_by_default()
    {
        var from = TodayInLondon().AddDays(-28);
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "contactworker1");
        await page.GotoAsync("/Children");
        await page.Locator("main table tbody a").First.ClickAsync();
        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/Sessions");
        await Expect(page.Locator("input[name='From.Day']")).ToHaveValueAsync(from.Day.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("input[name='From.Month']")).ToHaveValueAsync(from.Month.ToString(CultureInfo.InvariantCulture));
        await AssertAccessibleAsync(page, "a child's sessions from the recent past");
    }

    [Fact]
    public async Task Enter_in_a_box_never_sends_the_record_and_the_word_advice_takes_the_focus()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "contactworker1");
        await page.GotoAsync("/Inbox");
        await page.Locator("tr[data-work='RecordToWrite']").Last.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
        var writeUrl = new Uri(page.Url).AbsolutePath;
        var sessionId = Guid.Parse(writeUrl.Split('/')[4]);

        // Half written, Enter in the one-line time box: the words are checked, nothing is sent, nothing is lost.
        await page.Locator("#Input_WhoAttended").FillAsync("Mum and the family time worker");
        await page.Locator("#Input_EndedAt").FillAsync("11:00");
        await page.Locator("#Input_EndedAt").PressAsync("Enter");
        await Expect(page.Locator("#advice")).ToBeFocusedAsync();
        await Expect(page.Locator("#advice")).ToContainTextAsync("No words to think about were found.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
        await Expect(page.Locator("#Input_EndedAt")).ToHaveValueAsync("11:00");
        await Expect(page.Locator("#Input_WhoAttended")).ToHaveValueAsync("Mum and the family time worker");
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        Assert.False(await RecordedAsync(sessionId));

        // "Check my words" takes the reader to the advice.
        await page.Locator("#Input_Interaction").FillAsync("Mum failed to engage at first.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my words" }).ClickAsync();
        await Expect(page.Locator("#advice")).ToBeFocusedAsync();
        await Expect(page.Locator("#advice .word-advice")).ToContainTextAsync("failed to engage");
        await AssertAccessibleAsync(page, "the record form after checking the words");
        Assert.False(await RecordedAsync(sessionId));
    }

    [Fact]
    public async Task Enter_in_a_box_never_sends_the_record_without_javascript()
    {
        await using var session = await app.NewSessionAsync(javaScriptEnabled: false);
        var page = session.Page;
        await SignInAsync(page, "contactworker1");
        await page.GotoAsync("/Inbox");
        var link = await page.Locator("tr[data-work='RecordToWrite'] a").First.GetAttributeAsync("href");
        await page.GotoAsync(link!);
        var sessionId = Guid.Parse(link!.Split('/')[4]);
        await page.Locator("#Input_StartedAt").FillAsync("10:00");
        await page.Locator("#Input_EndedAt").FillAsync("11:00");
        await page.Locator("#Input_StartedAt").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("handler=Check"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
        await Expect(page.Locator("#advice")).ToBeFocusedAsync();
        await Expect(page.Locator("#Input_EndedAt")).ToHaveValueAsync("11:00");
        Assert.False(await RecordedAsync(sessionId));
    }

    [Fact]
    public async Task Babies_record_template_asks_nothing_a_baby_cannot_do()
    {
        var (url, socialWorker) = await BabySessionAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, socialWorker);
        await page.GotoAsync(url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
        await Expect(page.Locator("main")).ToContainTextAsync("Babies and infants (under 3)");
        await Expect(page.Locator("#Input_ChildsWords")).ToHaveCountAsync(0);
        await Expect(page.Locator("#Input_Debrief")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("own words");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Debrief");
        await AssertAccessibleAsync(page, "the babies' record template");
    }

    [Fact]
    public async Task Inbox_is_grouped_by_child_most_urgent_first_and_a_decisions_task_closes_by_the_decision()
    {
        var today = TodayInLondon();
        var title = "Decide on an Independent Visitor " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var sw = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
            var child = await db.Children.Where(c => c.SocialWorkerId == sw).Select(c => c.Id).FirstAsync();
            var tasks = scope.ServiceProvider.GetRequiredService<TaskList>();
            await tasks.AddAsync("browser-iv:" + title, TaskKind.IndependentVisitor, sw, child, title, $"/Children/{child}", today.AddDays(-3), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "socialworker1");
        await page.GotoAsync("/Inbox");

        // One part per child, each named once, the most urgent child first.
        var sections = page.Locator("section.app-inbox-child");
        Assert.True(await sections.CountAsync() > 1);
        var names = await sections.Locator("h2").AllInnerTextsAsync();
        Assert.Equal(names.Count, names.Distinct().Count());
        var urgencies = (await sections.EvaluateAllAsync<string[]>("s => s.map(x => x.dataset.urgency)"))
            .Select(u => u.Split(':').Select(int.Parse).ToArray()).Select(u => (Tier: u[0], Within: u[1])).ToList();
        Assert.Equal(urgencies.OrderBy(u => u.Tier).ThenBy(u => u.Within), urgencies);
        // What leads is what the page says: a suspension on day 5 or later, or the most days overdue.
        var lead = sections.First;
        if (urgencies[0] is { Tier: 0, Within: int.MinValue })
        {
            // An urgent task (a young person asking to talk, unplanned contact online) leads even a suspension's clock.
            await Expect(lead.Locator("tbody tr").First).ToContainTextAsync("Urgent:");
        }
        else if (urgencies[0].Tier == 0)
        {
            await Expect(lead.Locator(".app-suspension-clock").First).ToContainTextAsync($"Day {-urgencies[0].Within} of 7");
        }
        else if (urgencies[0].Tier == 1)
        {
            await Expect(lead.Locator("tbody tr").First).ToContainTextAsync($"Overdue {-urgencies[0].Within} days");
        }

        // The decision's task links to the decision and cannot be ticked off.
        var row = page.Locator("tr[data-work='Task']", new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Link)).ToContainTextAsync("Record the decision");
        await AssertAccessibleAsync(page, "a social worker's inbox by child");
    }

    private async Task<bool> RecordedAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        return await db.ContactRecords.AnyAsync(r => r.SessionId == sessionId);
    }

    /// <summary>The record form of a past, unrecorded supervised session of a child under 3, and a demo account that may write it.</summary>
    private async Task<(string Url, string SocialWorker)> BabySessionAsync()
    {
        var today = TodayInLondon();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var bornAfter = today.AddYears(-3).AddDays(7);
        // Someone with a demo account may write it: the contact worker who supervised it, or the social worker.
        var worker = await db.Users.Where(u => u.UserName == "contactworker1").Select(u => u.Id).SingleAsync();
        var social = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.Date < today && s.Status == SessionStatus.Planned && s.RecordedAt == null && (s.SupervisorId == worker || s.SocialWorkerId == social)
                && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type != ArrangementType.Unsupervised && a.FactorsMask == 0)
                && db.Children.Any(c => c.Id == s.ChildId && c.DateOfBirth > bornAfter))
            .OrderByDescending(s => s.Date)
            .Select(s => new { s.ChildId, s.Id, SocialWorker = s.SupervisorId == worker ? "contactworker1" : "socialworker1" })
            .FirstAsync();
        return ($"/Children/{found.ChildId}/Sessions/{found.Id}/Record/Write", found.SocialWorker);
    }
}
