using System.Globalization;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ComeIntoCareJourneyTests(AppFixture app)
{
    private const string FirstName = "Maisie";
    private const string LastName = "Okafor-Lindqvist";
    private const string MotherName = "Jade Okafor-Lindqvist";

    [Fact]
    public async Task Social_worker_records_a_child_coming_into_care_and_adds_their_mother()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        var bornOn = today.AddYears(-3).AddDays(-12);
        var cameIntoCareOn = today.AddDays(-4);

        // Sign in.
        await SignInAsync(page, "socialworker1", p => AssertAccessibleAsync(p, "the sign-in page"));
        await Expect(page).ToHaveURLAsync(PathIs("/Children"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My children");
        await AssertAccessibleAsync(page, "the children list");

        // The new-child form.
        await page.GetByRole(AriaRole.Button, new() { Name = "A child comes into care" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/New"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("A child comes into care");
        await AssertAccessibleAsync(page, "the new child form");

        // Submitted empty, it says what is missing and each message leads to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("There is a problem");
        await Expect(summary).ToContainTextAsync("Enter the child's first name");
        await Expect(summary).ToContainTextAsync("Enter the child's last name");
        await Expect(summary).ToContainTextAsync("Enter the child's date of birth");
        await Expect(page).ToHaveURLAsync(PathIs("/Children/New"));
        await Expect(page.Locator("#Input_FirstName-error")).ToContainTextAsync("Enter the child's first name");
        await Expect(page.Locator("#Input_FirstName")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("Input_FirstName-error"));
        await AssertAccessibleAsync(page, "the new child form showing errors");

        // Every link in the summary points at an element that exists on the page.
        foreach (var href in await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.StartsWith("#", href);
            Assert.True(await page.Locator($"[id='{href[1..]}']").CountAsync() == 1, $"The error summary links to {href}, which is not on the page");
        }
        var firstNameLink = summary.GetByRole(AriaRole.Link, new() { Name = "Enter the child's first name" });
        await Expect(firstNameLink).ToHaveAttributeAsync("href", "#Input_FirstName");
        await firstNameLink.ClickAsync();
        await Expect(page.Locator("#Input_FirstName")).ToBeFocusedAsync();

        // Filled in properly, it saves and shows the child's page.
        await page.Locator("#Input_FirstName").FillAsync(FirstName);
        await page.Locator("#Input_LastName").FillAsync(LastName);
        await page.Locator("#Input_PreferredName").FillAsync("Maisie May");
        await FillDateAsync(page, "Input_DateOfBirth", bornOn);
        await page.Locator("#Input_Gender").FillAsync("Girl");
        await page.Locator("#Input_Ethnicity").FillAsync("Mixed White and Black African");
        await page.Locator("#Input_FirstLanguage").FillAsync("English");
        await page.Locator("#Input_FamilyTimeName").FillAsync("seeing Mummy");
        await page.Locator("#Input_LegalStatus").SelectOptionAsync("InterimCareOrder");
        await FillDateAsync(page, "Input_LegalStatusStartDate", cameIntoCareOn);
        await page.Locator("#Input_InCareProceedings").CheckAsync();
        await page.Locator("#Input_PlacementKind").CheckAsync(); // With foster carers
        var carers = page.Locator("#Input_CarerHouseholdId option").Nth(1);
        var carersValue = await carers.GetAttributeAsync("value") ?? throw new InvalidOperationException("The carers list has no households");
        var carersName = (await carers.TextContentAsync() ?? "").Split(" – ")[0].Trim();
        await page.Locator("#Input_CarerHouseholdId").SelectOptionAsync(carersValue);
        await FillDateAsync(page, "Input_PlacementStartDate", cameIntoCareOn);
        await Expect(page.Locator("#Input_SocialWorkerId option:checked")).ToHaveTextAsync("Priya Shah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}"));
        var childPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{FirstName} {LastName}");
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{FirstName} has been added");
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync(bornOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Expect(main).ToContainTextAsync("Interim care order, since " + cameIntoCareOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Expect(main).ToContainTextAsync("Yes – the family court must agree any change to family time");
        await Expect(main).ToContainTextAsync($"{carersName} (foster carers)");
        await Expect(main).ToContainTextAsync("“seeing Mummy”");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"People who matter to {FirstName}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the new child's page");

        // Add her mother.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath + "/People/Add"));
        await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync(FirstName);
        await AssertAccessibleAsync(page, "the add-a-person form");
        await page.Locator("#Input_FullName").FillAsync(MotherName);
        await page.Locator("#Input_Relationship").SelectOptionAsync("Mother");
        await page.Locator("#Input_HasParentalResponsibility").CheckAsync();
        await page.Locator("#Input_Phone").FillAsync("07700 900123");
        await page.Locator("#Input_Email").FillAsync("jade@example.org");
        await page.Locator("#Input_Address").FillAsync("12 Example Road\nNorthbridge\nNB1 2AB");
        await page.Locator("#Input_SpokenLanguage").FillAsync("English");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathIs(childPath));
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        var row = page.Locator("table.govuk-table tbody tr").Filter(new() { HasText = MotherName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(0)).ToContainTextAsync("Has parental responsibility");
        await Expect(row.Locator("td").Nth(1)).ToContainTextAsync("Mother");
        await Expect(row).ToContainTextAsync("07700 900123");
        await AssertAccessibleAsync(page, "the child's page after adding their mother");
    }

    private static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
