using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// carer1 on a 360 px phone, as issue 11 asks: sees what's next, records before and after for a session that took
/// place on one screen, and logs a social-media contact that reaches the social worker; axe clean throughout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CarerPortalTests(AppFixture app)
{
    /// <summary>A session that took place yesterday for a child living with carer1, at a time no other test uses.</summary>
    private async Task<(Guid Child, Guid Session)> HeldYesterdayAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var household = await db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId).SingleAsync();
        var arrangement = await db.Arrangements
            .Where(a => a.EndedOn == null && db.Placements.Any(p => p.ChildId == a.ChildId && p.EndDate == null && p.CarerHouseholdId == household))
            .OrderBy(a => a.ChildId).ThenBy(a => a.Id).FirstAsync();
        var worker = await db.Children.Where(c => c.Id == arrangement.ChildId).Select(c => c.SocialWorkerId).SingleAsync();
        var today = TodayInLondon();
        var session = new FamilyTimeSession(arrangement.ChildId, arrangement.Id, new SessionSlot(today.AddDays(-1), new TimeOnly(17, 45), 60, null, null, null), worker);
        session.Close(SessionStatus.TookPlace, null, worker, AppFixture.Clock.GetUtcNow().UtcDateTime, today);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return (arrangement.ChildId, session.Id);
    }

    [Fact]
    public async Task Carer1_on_a_phone_sees_whats_next_records_before_and_after_and_logs_a_social_media_contact()
    {
        var (child, held) = await HeldYesterdayAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "carer1");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Children living with you");
        var mine = page.Locator($"section[data-child=\"{child}\"]");
        await Expect(mine.GetByRole(AriaRole.Heading, new() { Name = "What’s next" })).ToBeVisibleAsync();
        await Expect(mine.Locator(".app-next-session").First).ToContainTextAsync("Getting there and back");
        await AssertAccessibleAsync(page, "the carer's front page on a phone");

        await mine.Locator($"a[href=\"/Portal/Children/{child}/Carer\"]").ClickAsync();
        await Expect(page.Locator("#to-record")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the carer's page for one child");

        // Before and after on one screen: first sent empty, to see what is asked, then both at once.
        await page.Locator($"a[href=\"/Portal/Children/{child}/Carer/Sessions/{held}/BeforeAndAfter\"]").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("How was");
        await AssertAccessibleAsync(page, "before and after on one screen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Rate how the child was before or after");
        await AssertAccessibleAsync(page, "before and after with nothing filled in");
        foreach (var area in new[] { "Sleep", "Eating", "Mood", "Regression", "Aggression", "Withdrawal", "School" })
        {
            await page.Locator($"#Before_{area}").CheckAsync();
            await page.Locator(area == "Mood" ? "#After_Mood-4" : $"#After_{area}-2").CheckAsync();
        }
        await page.Locator("#After_Words").FillAsync("Quiet at tea and asked for Mum at bedtime");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Before and after are recorded");
        await Expect(page.Locator($"a[href$=\"/Sessions/{held}/BeforeAndAfter\"]")).ToHaveCountAsync(0);

        // A video message on social media, as the plan allows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a call, message, letter or something online" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Log a call, message or something online");
        await AssertAccessibleAsync(page, "the indirect-contact log form");
        await page.Locator("#Input_Kind-5").CheckAsync();
        await page.Locator("#Input_Time").FillAsync("08:15");
        await page.Locator("#Input_Who").CheckAsync();
        await page.Locator("#Input_WhatHappened").FillAsync("A video message on the agreed app, singing a song from school");
        await page.Locator("#Input_HowChildWas").FillAsync("Smiled and watched it twice");
        await page.Locator("#Input_WhatCarerDid").FillAsync("Sat with them and talked about the next family time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the social worker" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("gone to the social worker");
        await Expect(page.Locator("main")).ToContainTextAsync("A video message on the agreed app");
        await AssertAccessibleAsync(page, "the carer's page with the log");

        await page.GetByRole(AriaRole.Link, new() { Name = "Family time and social media: guidance for carers" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Family time and social media");
        await AssertAccessibleAsync(page, "the guidance for carers");
        await page.GotoAsync("/Portal/Carer/Alerts");
        await AssertAccessibleAsync(page, "how the carer hears about changes");
    }
}
