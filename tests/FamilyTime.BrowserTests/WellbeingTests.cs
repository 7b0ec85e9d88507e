using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A foster carer records how the child they look after was before and after three sessions with one person, sees the
/// trend drawn, and sees the review prompt that repeated distress after those sessions raises.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WellbeingTests(AppFixture app)
{
    private static readonly int[] DaysAgo = [21, 14, 7];
    private static readonly string[] SettledAreas = ["Sleep", "Eating", "Regression", "Aggression", "Withdrawal", "School"];

    private sealed record Setup(Guid Child, string Name, string With, List<(Guid Id, DateOnly Date)> Sessions);

    /// <summary>The demo sessions are all to come, so three past sessions are added for a child living with carer1.</summary>
    private async Task<Setup> PastSessionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var household = await db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId).SingleAsync();
        var children = await db.Children.Where(c => c.Placements.Any(p => p.EndDate == null && p.CarerHouseholdId == household))
            .Select(c => new { c.Id, Name = c.PreferredName ?? c.FirstName, c.SocialWorkerId }).ToListAsync();
        var arrangements = await db.Arrangements.Where(a => children.Select(c => c.Id).Contains(a.ChildId)).ToListAsync();
        var arrangement = arrangements.FirstOrDefault(a => a.PersonIds.Count == 1) ?? throw new InvalidOperationException("carer1 looks after no child with family time arranged");
        var child = children.Single(c => c.Id == arrangement.ChildId);
        var with = await db.SignificantPeople.Where(p => p.Id == arrangement.PersonIds[0]).Select(p => p.FullName).SingleAsync();
        var today = TodayInLondon();
        var now = AppFixture.Clock.GetUtcNow().UtcDateTime;
        var sessions = DaysAgo
            .Select(d => new FamilyTimeSession(child.Id, arrangement.Id, new SessionSlot(today.AddDays(-d), new TimeOnly(16, 0), 60, null, null, null), child.SocialWorkerId))
            .ToList();
        foreach (var s in sessions)
        {
            s.Close(SessionStatus.TookPlace, null, child.SocialWorkerId, now, today);
        }
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync();
        return new Setup(child.Id, child.Name, with, sessions.Select(s => (s.Id, s.Date)).ToList());
    }

    private static async Task RateAsync(IPage page, int mood, string? words)
    {
        foreach (var area in SettledAreas)
        {
            await page.Locator($"#Input_{area}").CheckAsync(); // 1, very settled
        }
        await page.Locator(mood == 1 ? "#Input_Mood" : $"#Input_Mood-{mood}").CheckAsync();
        if (words is not null)
        {
            await page.Locator("#Input_Words").FillAsync(words);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
    }

    private static ILocator Row(IPage page, Guid session) => page.Locator($"#recent-sessions tr[data-session=\"{session}\"]");

    [Fact]
    public async Task Carer_records_before_and_after_sees_the_chart_and_the_review_prompt()
    {
        var setup = await PastSessionsAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "carer1");

        await page.GotoAsync($"/Children/{setup.Child}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"How {setup.Name} has been before and after family time" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"How {setup.Name} has been around family time");
        await Expect(page.Locator("#recent-sessions tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "the before-and-after page with nothing recorded");

        // Before the latest session: first sent back with nothing chosen, to show what is missing.
        var latest = setup.Sessions[^1];
        await Row(page, latest.Id).GetByRole(AriaRole.Link, new() { Name = "Record before" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"How was {setup.Name}?");
        await Expect(page.Locator("#Input_Moment")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, "the before-and-after form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Rate sleep from 1 (very settled) to 5 (very unsettled)");
        await AssertAccessibleAsync(page, "the before-and-after form showing errors");
        await RateAsync(page, 2, "Chatty at breakfast, asked if it was a family time day");
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Before the session has been recorded.");

        // After each of the three sessions: unsettled, very unsettled, unsettled.
        int[] moods = [4, 5, 4];
        for (var i = 0; i < setup.Sessions.Count; i++)
        {
            await Row(page, setup.Sessions[i].Id).GetByRole(AriaRole.Link, new() { Name = "Record after" }).ClickAsync();
            await Expect(page.GetByLabel("After the session", new() { Exact = true })).ToBeCheckedAsync();
            await RateAsync(page, moods[i], i == 1 ? "Woke in the night crying and wanted Mum" : null);
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("After the session has been recorded.");
        }

        var chart = page.Locator($"svg.app-wellbeing-chart[data-with=\"{setup.With}\"]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("circle[data-series=\"after\"]")).ToHaveCountAsync(3);
        await Expect(chart.Locator("rect[data-series=\"before\"]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"section[data-with=\"{setup.With}\"] table")).ToContainTextAsync("Woke in the night crying and wanted Mum");
        var dates = string.Join(", ", setup.Sessions.Select(s => s.Date.ToString(s.Date.Year == TodayInLondon().Year ? "d MMM" : "d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))));
        await Expect(page.Locator("li.app-signal[data-kind=\"DistressAfterSessions\"]"))
            .ToContainTextAsync($"Distressed after 3 of the last 3 sessions with {setup.With} ({dates})");
        await Expect(page.Locator("li.app-signal a[data-evidence]")).ToHaveCountAsync(3);
        await AssertAccessibleAsync(page, "the before-and-after chart with a review prompt");

        // The evidence opens the sessions of that day.
        await page.Locator("li.app-signal a[data-evidence]").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{setup.Name}’s sessions");
        await Expect(page.Locator("main")).ToContainTextAsync(setup.Sessions[0].Date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-GB")));
    }
}
