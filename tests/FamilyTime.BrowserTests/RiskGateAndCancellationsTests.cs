using System.Globalization;
using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 10, items 6 and 13, as a social worker and a team manager meet them: a serious risk ticked on an arrangement
/// stops the next session being held until a full risk assessment is recorded (or a team manager overrides it with a
/// reason), and the service's own cancellations carry a reason from a list that has no reason about behaviour, counted
/// on a report that reads on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskGateAndCancellationsTests(AppFixture app)
{
    private sealed record Past(Guid ChildId, Guid SessionId, Guid ArrangementId)
    {
        public string Url => $"/Children/{ChildId}/Sessions/{SessionId}";
    }

    [Fact]
    public async Task Serious_risk_ticked_blocks_the_next_session_until_a_risk_assessment_is_recorded()
    {
        var s = await PastSessionAsync();
        await TickAsync(s, DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers);
        try
        {
            await using var session = await app.NewSessionAsync();
            var page = session.Page;
            await SignInAsync(page, "socialworker1");
            await page.GotoAsync(s.Url);

            // The gate says why, and the record cannot be started.
            await Expect(page.Locator("#risk-gate")).ToContainTextAsync("risk assessment");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Write the record" })).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page, "a session held back by the risk gate");
            await page.GetByRole(AriaRole.Link, new() { Name = "Record the risk assessment" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Risk assessment");
            // Only a team manager overrides.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Override the risk assessment" })).ToHaveCountAsync(0);
            await Expect(page).ToHaveTitleAsync(new Regex("^Risk assessment for "));
            await AssertAccessibleAsync(page, "the risk assessment form");

            // Sent empty: shown again with its problems, the summary takes the focus, and each problem leads to its field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the risk assessment" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Risk assessment");
            var summary = page.Locator(".govuk-error-summary");
            await Expect(summary).ToContainTextAsync("Say who carried out the risk assessment");
            await Expect(summary).ToBeFocusedAsync();
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: Risk assessment for "));
            foreach (var href in await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                await Expect(page.Locator(href)).ToHaveCountAsync(1);
            }
            await AssertAccessibleAsync(page, "the risk assessment form with its problems");
            Assert.False(await AssessedAsync(s));

            var day = TodayInLondon().AddDays(-1);
            await page.GetByLabel("Who carried it out").FillAsync("Sam Patel, social worker");
            await page.Locator("#AssessedOn").FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#AssessedOn_Month").FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#AssessedOn_Year").FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Family time can go ahead with changes (say which below)").CheckAsync();
            await page.GetByLabel("What it found, and what must happen at family time").FillAsync("A second worker attends; the handover is at the door.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the risk assessment" }).ClickAsync();

            // Back on the session: the gate is gone and the record can be written.
            await Expect(page).ToHaveURLAsync(PathIs(s.Url));
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The risk assessment is recorded.");
            await Expect(page.Locator("#risk-gate")).ToHaveCountAsync(0);
            Assert.True(await AssessedAsync(s));
            await page.GetByRole(AriaRole.Button, new() { Name = "Write the record" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");
        }
        finally
        {
            await TickAsync(s);
        }
    }

    [Fact]
    public async Task Only_a_team_manager_overrides_the_risk_gate_and_only_with_a_reason()
    {
        var s = await PastSessionAsync();
        await TickAsync(s, DifficultFamilyTimeFactor.RiskToCarersOrChild);
        try
        {
            // A social worker is not offered the override, and is refused if they send it anyway.
            await using (var worker = await app.NewSessionAsync())
            {
                await SignInAsync(worker.Page, "socialworker1");
                await worker.Page.GotoAsync(s.Url + "/RiskAssessment");
                await Expect(worker.Page.Locator("h1")).ToHaveTextAsync("Risk assessment");
                await Expect(worker.Page.Locator("#OverrideReason")).ToHaveCountAsync(0);
                var token = await worker.Page.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
                var sent = await worker.Page.APIRequest.PostAsync(s.Url + "/RiskAssessment?handler=Override", new()
                {
                    Form = worker.Page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("OverrideReason", "I think it is fine"),
                    MaxRedirects = 0,
                });
                Assert.Equal(403, sent.Status);
                Assert.False(await AssessedAsync(s));
            }

            await using var session = await app.NewSessionAsync();
            var page = session.Page;
            await SignInAsync(page, "manager1");
            await page.GotoAsync(s.Url);
            await Expect(page.Locator("#risk-gate")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Record the risk assessment, or override it" }).ClickAsync();
            var overrideButton = page.GetByRole(AriaRole.Button, new() { Name = "Override the risk assessment" });
            await overrideButton.ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why family time can go ahead before a full risk assessment");
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await AssertAccessibleAsync(page, "the override with no reason");
            Assert.False(await AssessedAsync(s));

            await page.GetByLabel("Why family time can go ahead before a full risk assessment").FillAsync("The assessment is booked for Friday; a second worker attends.");
            await overrideButton.ClickAsync();
            await Expect(page).ToHaveURLAsync(PathIs(s.Url));
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your override is recorded with its reason");
            await Expect(page.Locator("#risk-gate")).ToHaveCountAsync(0);
            Assert.True(await AssessedAsync(s));
            await page.GetByRole(AriaRole.Link, new() { Name = "See the risk assessments for this family time" }).ClickAsync();
            await Expect(page.Locator("#risk-assessments")).ToContainTextAsync("Override by a team manager");
            await Expect(page.Locator("#risk-assessments")).ToContainTextAsync("booked for Friday");
            await AssertAccessibleAsync(page, "the risk assessments with an override");
        }
        finally
        {
            await TickAsync(s);
        }
    }

    [Fact]
    public async Task Cancellation_by_us_needs_a_reason_from_a_list_with_none_about_behaviour_and_the_report_counts_it()
    {
        var s = await PastSessionAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "socialworker1");

        await page.GotoAsync("/Sessions/Cancellations");
        var before = await CountAsync(page, "#our-reasons", "No worker was available to supervise");
        var byUsBefore = await CountAsync(page, "#by-who", "Cancelled by us");

        await page.GotoAsync(s.Url);
        var reasons = page.Locator("fieldset", new() { Has = page.Locator("input[name='CancellationReason']") });
        var labels = await reasons.Locator("label").AllInnerTextsAsync();
        Assert.Equal(ServiceCancellationReasons.All.Count, labels.Count);
        Assert.DoesNotContain(labels, l => l.Contains("behav", StringComparison.OrdinalIgnoreCase) || l.Contains("punish", StringComparison.OrdinalIgnoreCase));

        // Cancelled by us, with words but no reason from the list: shown again with the problem, nothing saved.
        await page.GetByLabel("Cancelled by us").CheckAsync();
        await page.GetByLabel("Why, in your words").FillAsync("Nobody could supervise.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the session off" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Choose why we cancelled, from the list");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.GetByLabel("Why, in your words")).ToHaveValueAsync("Nobody could supervise.");
        await AssertAccessibleAsync(page, "closing a session as cancelled by us with no reason");
        Assert.Equal(SessionStatus.Planned, await StatusAsync(s));

        await page.GetByLabel("No worker was available to supervise").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the session off" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The session has been closed off.");
        await Expect(page.Locator("main")).ToContainTextAsync("No worker was available to supervise");
        Assert.Equal(SessionStatus.CancelledByAuthority, await StatusAsync(s));

        // Found from the child's sessions, as a new user would.
        await page.GotoAsync($"/Children/{s.ChildId}/Sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "See who cancels family time, and why" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Who cancels family time");
        Assert.Equal(byUsBefore + 1, await CountAsync(page, "#by-who", "Cancelled by us"));
        Assert.Equal(before + 1, await CountAsync(page, "#our-reasons", "No worker was available to supervise"));
        // The chart's numbers are in a table too, row for row.
        var whoRows = await page.Locator("#by-who tbody tr").CountAsync();
        Assert.Equal(whoRows, await page.Locator("main svg rect").CountAsync());
        await Expect(page.Locator("main svg[role='img']")).ToHaveAccessibleNameAsync(new Regex("Cancelled by us " + (byUsBefore + 1)));
        // The chart's words are drawn at 16 px and shrink with it: on a phone they must stay readable.
        var scale = await page.Locator("main svg[role='img']").EvaluateAsync<double>("svg => svg.getScreenCTM().a");
        Assert.True(16 * scale >= 12, $"the chart's words are {16 * scale:0.#} px on a 360 px screen");
        await AssertAccessibleAsync(page, "the cancellations report on a phone");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the cancellations report is {width} px wide on a 360 px screen");
    }

    private static async Task<int> CountAsync(IPage page, string table, string row) =>
        int.Parse(await page.Locator($"{table} tbody tr", new() { Has = page.Locator("th", new() { HasTextString = row }) }).Locator("td").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>
    /// A past session of one of socialworker1's children, of a supervised arrangement with no serious risk ticked and
    /// no risk assessment yet, still as planned and unrecorded. Each test leaves its arrangement assessed or its
    /// session closed, so the next test takes another.
    /// </summary>
    private async Task<Past> PastSessionAsync()
    {
        var today = TodayInLondon();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var social = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.Date < today && s.Status == SessionStatus.Planned && s.RecordedAt == null && s.ArrangementId != null
                && db.Children.Any(c => c.Id == s.ChildId && c.SocialWorkerId == social)
                && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type != ArrangementType.Unsupervised && a.FactorsMask == 0 && a.EndedOn == null)
                && !db.RiskAssessments.Any(r => r.ArrangementId == s.ArrangementId))
            .OrderByDescending(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.ChildId, s.Id, s.ArrangementId })
            .FirstAsync();
        return new Past(found.ChildId, found.Id, found.ArrangementId!.Value);
    }

    /// <summary>Ticks the serious risks on the arrangement as the arrangement form does; none clears them again, so other tests find it as they left it.</summary>
    private async Task TickAsync(Past s, params DifficultFamilyTimeFactor[] factors)
    {
        var mask = factors.Aggregate(0, (m, f) => m | (1 << (int)f));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Arrangements\" SET \"FactorsMask\" = {mask} WHERE \"Id\" = {s.ArrangementId}");
    }

    private async Task<bool> AssessedAsync(Past s)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        return await db.RiskAssessments.AnyAsync(r => r.ArrangementId == s.ArrangementId);
    }

    private async Task<SessionStatus> StatusAsync(Past s)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        return await db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.Status).SingleAsync();
    }
}
