using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>Reviews, the Independent Visitor decision and the managers' dashboard, checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(AppFixture app)
{
    [Fact]
    public async Task A_review_is_completed_the_Independent_Visitor_decision_recorded_and_the_dashboard_read_on_accessible_pages()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        // In care for four months with no family time with a parent: the Independent Visitor prompt is due.
        var childPath = await PlanPages.NewChildAsync(page, today.AddMonths(-4), "Morwenna", "CareOrder", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, "Tamsin Rowe", "Mother");
        await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, "Tamsin Rowe (mother)", today);

        await page.GotoAsync(childPath);
        await Expect(page.Locator(".app-independent-visitor")).ToContainTextAsync("Consider an Independent Visitor referral");
        await AssertAccessibleAsync(page, "the child's page with the Independent Visitor prompt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reviews of Morwenna Penhaligon’s family time" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Reviews of family time");
        await Expect(page.Locator("table")).ToContainTextAsync("Family time with Tamsin Rowe");
        await AssertAccessibleAsync(page, "the reviews page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Complete review of family time with Tamsin Rowe" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Complete the review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what the review decided");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the next review");
        await AssertAccessibleAsync(page, "the review form showing errors");
        await page.Locator("#Outcome").FillAsync("Weekly family time with Mum continues at the family centre.");
        await PlanPages.FillDateAsync(page, "NextReviewOn", today.AddMonths(3));
        await page.GetByLabel("Morwenna Penhaligon", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The review is recorded");
        await Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("Weekly family time with Mum continues at the family centre.");
        await AssertAccessibleAsync(page, "the reviews page with a past review");

        await page.GotoAsync(childPath + "/IndependentVisitor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether the child is being referred for an Independent Visitor");
        await AssertAccessibleAsync(page, "the Independent Visitor form showing errors");
        await page.GetByLabel("No, not now").CheckAsync();
        await page.Locator("#Reasons").FillAsync("Morwenna sees her aunt every week and does not want a visitor now.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The decision not to refer");
        await page.GotoAsync(childPath);
        await Expect(page.Locator(".app-independent-visitor")).ToHaveCountAsync(0);

        await using var managerSession = await app.NewSessionAsync();
        var manager = managerSession.Page;
        await SignInAsync(manager, "manager1");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(manager.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(manager.Locator(".app-dashboard-counts")).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager, "the managers' dashboard");
    }
}
