using System.Globalization;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A contact worker records a supervised session that had to end early; the social worker finds it in their
/// inbox and acknowledges it; a correction becomes version 2 while version 1 stays readable.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordJourneyTests(AppFixture app)
{
    private const string FirstAccount = "They played snap. Mum failed to engage at first, then joined in.";
    private const string Corrected = "They played snap. Mum joined in after a few minutes, once the cards were dealt.";

    [Fact]
    public async Task A_record_ended_early_is_acknowledged_and_corrected_without_losing_version_1()
    {
        var today = TodayInLondon();
        await using var worker = await app.NewSessionAsync();
        var page = worker.Page;
        await SignInAsync(page, "contactworker1");

        // A session this worker supervised, past its date and not yet recorded.
        var sessionUrl = await FindUnrecordedSessionAsync(page, today);
        await page.GotoAsync(sessionUrl);
        await Expect(page.Locator("main")).ToContainTextAsync("Overdue: not closed off");
        await AssertAccessibleAsync(page, "a session waiting for its record");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the record" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the session");

        // Sent empty, it says what is missing.
        await page.Locator("#Input_StartedAt").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the record to the social worker" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say who attended");
        await AssertAccessibleAsync(page, "the record form showing errors");

        await page.Locator("#Input_StartedAt").FillAsync("10:00");
        await page.Locator("#Input_EndedAt").FillAsync("10:40");
        await page.Locator("#Input_WhoAttended").FillAsync("Mum and the family time worker");
        await page.Locator("#Input_Interaction").FillAsync(FirstAccount);
        await page.Locator("#Input_ChildsWords").FillAsync("I want to go home to my carer now.");
        if (await page.Locator("#Input_AssessedWarmth").CountAsync() > 0)
        {
            // Assessed family time asks for the structured observations too.
            await page.Locator("#Input_AssessedWarmth").FillAsync("Mum smiled and held out her arms when the child came in.");
        }
        await page.Locator("#Input_EndedEarly").CheckAsync();
        await page.Locator("#Input_EndedEarlyReason").FillAsync("The child became distressed when the court case was mentioned; the worker ended the session.");

        // The words are checked on request, and the advice never blocks.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my words" }).ClickAsync();
        await Expect(page.Locator(".word-advice")).ToContainTextAsync("failed to engage");
        await Expect(page.Locator(".word-advice")).ToContainTextAsync("hasn't been able to attend yet");
        await AssertAccessibleAsync(page, "the record form with word advice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the record to the social worker" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("sent to the social worker");
        await Expect(page.Locator("main")).ToContainTextAsync("Ended early");
        await Expect(page.Locator("main")).ToContainTextAsync("Version 1, written by");
        await AssertAccessibleAsync(page, "a recorded session");

        // The social worker reads it from their inbox and acknowledges it.
        await using var social = await app.NewSessionAsync();
        var sw = social.Page;
        await SignInAsync(sw, "socialworker1");
        await sw.GotoAsync("/Inbox");
        var row = sw.Locator("tr[data-work='RecordToRead']").Filter(new() { Has = sw.Locator($"a[href='{new Uri(sessionUrl).AbsolutePath}']") });
        await Expect(row).ToHaveCountAsync(1);
        await AssertAccessibleAsync(sw, "the inbox");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await sw.GetByRole(AriaRole.Button, new() { Name = "I have read this record" }).ClickAsync();
        await Expect(sw.Locator("main")).ToContainTextAsync("Acknowledged");

        // A correction is version 2; version 1 stays readable word for word.
        await page.GotoAsync(sessionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct this record" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Correct the record");
        await page.Locator("#Input_Interaction").FillAsync(Corrected);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what is being corrected and why");
        await page.Locator("#Input_CorrectionReason").FillAsync("I misread Mum's hesitation: she was waiting to be invited to play.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Version 2, written by");
        await Expect(page.Locator("main")).ToContainTextAsync(Corrected);
        var earlier = page.Locator("details", new() { HasText = "Version 1" });
        await earlier.Locator("summary").ClickAsync();
        await Expect(earlier).ToContainTextAsync(FirstAccount);
        await AssertAccessibleAsync(page, "a corrected record with its earlier version");
    }

    /// <summary>Walks the worker's children for a past session of theirs still waiting to be recorded.</summary>
    private static async Task<string> FindUnrecordedSessionAsync(IPage page, DateOnly today)
    {
        await page.GotoAsync("/Children");
        var children = await page.Locator("main table tbody a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var from = today.AddDays(-70);
        foreach (var child in children)
        {
            await page.GotoAsync($"{child}/Sessions?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}"
                + string.Create(CultureInfo.InvariantCulture, $"&To.Day={today.Day}&To.Month={today.Month}&To.Year={today.Year}"));
            var waiting = page.Locator("tbody tr", new() { HasText = "Not closed off" }).Locator("a");
            if (await waiting.CountAsync() > 0)
            {
                return new Uri(new Uri(page.Url), await waiting.First.GetAttributeAsync("href")).ToString();
            }
        }
        throw new InvalidOperationException("No unrecorded past session supervised by this worker in the demo data.");
    }
}
