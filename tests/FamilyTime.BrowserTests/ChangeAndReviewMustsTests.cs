using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 10, items 2 and 14, as a social worker meets them: the suspension clock of a child accommodated under section
/// 20 asks for what applies to them (no section 34(4) application), and a review records who took part.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangeAndReviewMustsTests(AppFixture app)
{
    [Fact]
    public async Task Section_20_suspension_clock_asks_for_the_parents_agreement_not_a_section_34_application()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Elowen", "Section20", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, "Demelza Trevail", "Mother");
        await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, "Demelza Trevail (mother)", today);

        await page.GetByRole(AriaRole.Link, new() { Name = "Suspend family time with Demelza Trevail" }).ClickAsync();
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("change the plan through the IRO with the parents' agreement");
        await Expect(page.Locator(".govuk-warning-text")).Not.ToContainTextAsync("a section 34(4) application is made");
        await page.Locator("#Reasons").FillAsync("Elowen came back very frightened and said she did not want to go again.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend family time" }).ClickAsync();
        await Expect(page.Locator(".app-suspension-clock")).ToContainTextAsync("Day 1 of 7");

        await PlanPages.FillDateAsync(page, "On", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the discussion with the team manager" }).ClickAsync();
        await PlanPages.FillDateAsync(page, "On", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the discussion with the IRO" }).ClickAsync();

        // What applies under section 20: resume, or the parents' agreement while the plan changes through the IRO.
        await Expect(page.Locator("#no-section-34")).ToContainTextAsync("Section 34 does not apply");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record the application" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume family time" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "a section 20 child's suspension");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the parents' agreement");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what the parents agreed to");
        await AssertAccessibleAsync(page, "the parents' agreement form showing errors");
        await PlanPages.FillDateAsync(page, "AgreedOn", today);
        await page.Locator("#Agreement").FillAsync("Demelza agrees family time stays paused while the IRO considers a change to the plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Now propose the change to the plan");
        await Expect(page.Locator(".app-suspension-clock")).ToContainTextAsync("Paused with the parents' agreement while the change to the plan goes to the IRO.");
        await AssertAccessibleAsync(page, "a section 20 suspension paused with the parents' agreement");

        await page.GotoAsync(childPath + "/Plan");
        await Expect(page.Locator(".app-suspension-clock")).Not.ToContainTextAsync("34(4)");
    }

    [Fact]
    public async Task Review_form_records_who_took_part_and_why_the_child_did_not()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Senara", "CareOrder", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, "Lowenna Tremayne", "Mother");
        await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, "Lowenna Tremayne (mother)", today);

        await page.GotoAsync(childPath + "/Reviews");
        await page.GetByRole(AriaRole.Link, new() { Name = "Complete review of family time with Lowenna Tremayne" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Who took part" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the review form with who took part");
        await page.Locator("#Outcome").FillAsync("Weekly family time with Mum continues.");
        await PlanPages.FillDateAsync(page, "NextReviewOn", today.AddMonths(3));
        await page.GetByLabel("The carers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why the child did not take part");
        await AssertAccessibleAsync(page, "the review form asking why the child did not take part");

        await page.Locator("#ChildNotWhy").FillAsync("Senara chose to draw a picture of how family time feels instead; her social worker brought it.");
        await page.GetByLabel("The parents").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The review is recorded");
        await Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("the carers and the parents");
        await Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("draw a picture");
        await AssertAccessibleAsync(page, "the reviews page showing who took part");
    }
}
