using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A social worker writes the plan for a child who has just come into care: supervised family time with Mum for a
/// parenting assessment, and monthly time with two brothers living elsewhere; agrees it; sees the year of
/// sessions; and reads the letter that tells Mum why family time is supervised.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PlanJourneyTests(AppFixture app)
{
    private const string Mother = "Roxanne Penhaligon";
    private const string BrotherOne = "Kit Penhaligon";
    private const string BrotherTwo = "Jory Penhaligon";
    private const string Route = "When the parenting assessment is finished and Mum has kept to the agreement for three months, family time can be supported rather than watched.";
    private const string Why = "Mum’s parenting is being assessed for the court, and there have been worries about her mood during visits.";

    [Fact]
    public async Task Social_worker_agrees_a_plan_and_the_mothers_letter_says_why_family_time_is_supervised()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        await SignInAsync(page, "socialworker1");
        var childPath = await PlanPages.NewChildAsync(page, today, "Tegan", "InterimCareOrder", inProceedings: true);

        await PlanPages.AddPersonAsync(page, childPath, Mother, "Mother");
        await PlanPages.AddPersonAsync(page, childPath, BrotherOne, "Brother");
        await PlanPages.AddPersonAsync(page, childPath, BrotherTwo, "Brother");

        // The plan: overdue from the first day, with everyone still to consider.
        await page.GotoAsync(childPath + "/Plan");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tegan’s plan for family time");
        // Due, not yet overdue: the service allows a few working days after coming into care (issue 10, item 22).
        await Expect(page.Locator("main")).ToContainTextAsync("Agree the plan by");
        await Expect(page.Locator(".govuk-tag", new() { HasText = "Not yet considered" })).ToHaveCountAsync(3);
        await AssertAccessibleAsync(page, "a new plan");

        // Supervised, weekly, for a parenting assessment, with Mum.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrangement" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add an arrangement");
        await AssertAccessibleAsync(page, "the arrangement form");
        await page.GetByLabel($"{Mother} (mother)").CheckAsync();
        await page.GetByLabel("Part of a parenting assessment").CheckAsync();
        await page.GetByLabel("Supervised: a worker is there throughout").CheckAsync();
        await page.Locator("#Input_ReasonForSupervision").FillAsync(Why);
        await page.Locator("#Input_ChildsWishes").FillAsync("I want to see Mum and bake with her.");
        await page.Locator("#Input_RouteToLessSupervision").FillAsync(Route);
        await PlanPages.FillDateAsync(page, "Input_RouteToLessSupervisionBy", today.AddMonths(3));
        await page.GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Every week, on the days chosen below").CheckAsync();
        await page.GetByLabel("Saturday", new() { Exact = true }).CheckAsync();
        await PlanPages.FillDateAsync(page, "Input_FirstDate", today.AddDays(2));
        await page.Locator("#Input_StartTime").FillAsync("10:00");
        await page.Locator("#Input_DurationMinutes").FillAsync("90");
        await page.Locator("#Input_RoomId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_SupervisorId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_WhatEndsSession").FillAsync("Tegan becoming very upset, or talk about the court case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath + "/Plan"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The arrangement has been saved.");

        // Facilitated, monthly, with both brothers; first sent back empty-handed to show the errors work.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrangement" }).ClickAsync();
        await page.GetByLabel("Facilitated: practical and emotional support, not watched throughout").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose who the family time is with");
        await AssertAccessibleAsync(page, "the arrangement form showing errors");
        await page.GetByLabel("Too young to say in words").CheckAsync();
        await page.GetByLabel($"{BrotherOne} (brother)").CheckAsync();
        await page.GetByLabel($"{BrotherTwo} (brother)").CheckAsync();
        await page.GetByLabel("Keeping an important relationship").CheckAsync();
        await page.GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Once a month, on the same weekday as the first session (for example the second Saturday)").CheckAsync();
        await PlanPages.FillDateAsync(page, "Input_FirstDate", today.AddDays(5));
        await page.Locator("#Input_StartTime").FillAsync("14:00");
        await page.Locator("#Input_DurationMinutes").FillAsync("120");
        await page.Locator("#Input_RoomId").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath + "/Plan"));
        await Expect(page.Locator(".govuk-summary-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".govuk-tag", new() { HasText = "Not yet considered" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "a plan with two arrangements");

        // Agree it: 12 months of sessions appear.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        var banner = page.Locator(".govuk-notification-banner--success");
        await Expect(banner).ToContainTextAsync("Version 1 of the plan is agreed.");
        var planned = int.Parse(SessionsPlanned().Match(await banner.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(planned, 52 + 11, 53 + 12);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Overdue");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions for the next 12 months" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tegan’s sessions");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(planned);
        await Expect(page.Locator("tbody tr", new() { HasText = Mother })).ToHaveCountAsync(planned - await page.Locator("tbody tr", new() { HasText = BrotherOne }).CountAsync());
        await AssertAccessibleAsync(page, "the sessions page");

        // Mum's letter, on the page and as a PDF, says why family time is supervised.
        await page.GotoAsync(childPath + "/Plan");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Letter to {Mother}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Letter to {Mother}");
        await Expect(page.Locator(".app-letter-frame")).ToContainTextAsync("Why: " + Why);
        await Expect(page.Locator(".app-letter-frame")).ToContainTextAsync("What would need to change for family time to be less supervised: " + Route);
        await AssertAccessibleAsync(page, "the mother's letter");
        var pdfLink = page.GetByRole(AriaRole.Link, new() { Name = "Download the letter as a PDF" });
        var pdf = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), await pdfLink.GetAttributeAsync("href")).ToString());
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.BodyAsync());
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Family time is supervised, and why", words, StringComparison.Ordinal);
        Assert.Contains("Why: " + Why, words, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(\d+) sessions are planned")]
    private static partial Regex SessionsPlanned();
}
