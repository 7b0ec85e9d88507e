using System.Globalization;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>Steps the plan tests share: a child coming into care, a person added, a date typed.</summary>
public static class PlanPages
{
    public static async Task<string> NewChildAsync(IPage page, DateOnly today, string firstName, string legalStatus, bool inProceedings)
    {
        await page.GotoAsync("/Children/New");
        await page.Locator("#Input_FirstName").FillAsync(firstName);
        await page.Locator("#Input_LastName").FillAsync("Penhaligon");
        await FillDateAsync(page, "Input_DateOfBirth", today.AddYears(-6));
        await page.Locator("#Input_Gender").FillAsync("Girl");
        await page.Locator("#Input_LegalStatus").SelectOptionAsync(legalStatus);
        await FillDateAsync(page, "Input_LegalStatusStartDate", today.AddDays(-1));
        if (inProceedings)
        {
            await page.Locator("#Input_InCareProceedings").CheckAsync();
        }
        await page.Locator("#Input_PlacementKind").CheckAsync();
        await page.Locator("#Input_CarerHouseholdId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await FillDateAsync(page, "Input_PlacementStartDate", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}"));
        return new Uri(page.Url).AbsolutePath;
    }

    public static async Task AddPersonAsync(IPage page, string childPath, string name, string relationship)
    {
        await page.GotoAsync(childPath + "/People/Add");
        await page.Locator("#Input_FullName").FillAsync(name);
        await page.Locator("#Input_Relationship").SelectOptionAsync(relationship);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs(childPath));
    }

    /// <summary>Facilitated weekly family time from tomorrow with one person (by their label, "Name (mother)"), and the plan agreed.</summary>
    public static async Task AgreeWeeklyFamilyTimeAsync(IPage page, string childPath, string personLabel, DateOnly today)
    {
        await page.GotoAsync(childPath + "/Plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrangement" }).ClickAsync();
        await page.GetByLabel(personLabel).CheckAsync();
        await page.GetByLabel("Building or keeping a bond with a parent").CheckAsync();
        await page.GetByLabel("Facilitated: practical and emotional support, not watched throughout").CheckAsync();
        await page.Locator("#Input_ChildsWishes").FillAsync("I want to see Mum every week.");
        await page.GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Every week, on the days chosen below").CheckAsync();
        await page.GetByLabel(today.AddDays(1).DayOfWeek.ToString(), new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Input_FirstDate", today.AddDays(1));
        await page.Locator("#Input_StartTime").FillAsync("16:00");
        await page.Locator("#Input_DurationMinutes").FillAsync("60");
        await page.Locator("#Input_RoomId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is agreed");
    }

    public static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
