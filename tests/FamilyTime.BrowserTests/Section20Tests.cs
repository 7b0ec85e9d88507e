using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Section 20 in the browser: supervised family time is refused in plain words, a head of service records the
/// exception, and then it is accepted. The consideration and exception pages are checked with axe on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Section20Tests(AppFixture app)
{
    [Fact]
    public async Task Supervised_family_time_under_section_20_needs_a_head_of_service_exception()
    {
        var today = TodayInLondon();
        await using var worker = await app.NewSessionAsync();
        var page = worker.Page;
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Ossian", "Section20", inProceedings: false);
        await PlanPages.AddPersonAsync(page, childPath, "Morwenna Trelawny", "Mother");
        await PlanPages.AddPersonAsync(page, childPath, "Tristan Trelawny", "Father");

        // Dad: no family time for now, and the reason is required.
        await page.GotoAsync(childPath + "/Plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record why there is no family time with Tristan Trelawny" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Why is there no family time with Tristan Trelawny?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the reason" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why there is no family time with this person");
        await AssertAccessibleAsync(page, "the consideration page showing an error");
        await page.Locator("#Reason").FillAsync("He has asked for time to think before family time starts.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the reason" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("None for now: He has asked for time to think");

        // Supervised with Mum is refused, saying why and what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrangement" }).ClickAsync();
        await Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("accommodated under section 20");
        await page.GetByLabel("Morwenna Trelawny (mother)").CheckAsync();
        await page.GetByLabel("Building or keeping a bond with a parent").CheckAsync();
        await page.GetByLabel("Supervised: a worker is there throughout").CheckAsync();
        await page.Locator("#Input_ReasonForSupervision").FillAsync("Worries about what is said to Ossian about coming home.");
        await page.Locator("#Input_ChildsWishes").FillAsync("I want to talk to Mum on the phone.");
        await page.Locator("#Input_RouteToLessSupervision").FillAsync("When Mum and the social worker agree what Ossian is told about coming home.");
        await PlanPages.FillDateAsync(page, "Input_RouteToLessSupervisionBy", TodayInLondon().AddMonths(2));
        await page.GetByLabel("Phone call", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Ossian is accommodated under section 20: the parents keep full parental responsibility, so family time is not supervised.");
        await Expect(summary).ToContainTextAsync("ask a head of service to record an exception");
        await AssertAccessibleAsync(page, "the arrangement form refusing supervision under section 20");

        // The head of service records the exception.
        await using var head = await app.NewSessionAsync();
        await SignInAsync(head.Page, "headofservice1");
        await head.Page.GotoAsync(childPath + "/Plan");
        await head.Page.GetByRole(AriaRole.Link, new() { Name = "Record a head of service exception" }).ClickAsync();
        await Expect(head.Page.Locator("h1")).ToHaveTextAsync("Approve supervised family time under section 20");
        await AssertAccessibleAsync(head.Page, "the exception page");
        await head.Page.Locator("#Reason").FillAsync("Very exceptional: threats to remove Ossian from his carers.");
        await head.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the exception" }).ClickAsync();
        await Expect(head.Page.Locator("main")).ToContainTextAsync("Exception approved by");

        // Now the same arrangement is accepted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath + "/Plan"));
        await Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("Supervised: Worries about what is said to Ossian");
    }
}
