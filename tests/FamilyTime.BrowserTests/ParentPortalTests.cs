using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// Issue 11, item 2, as a parent on a 360 px phone: the next family time is on the first screen without scrolling,
/// then each child's sessions, the written agreement and their letter, who to contact; accessible and no sideways scroll.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ParentPortalTests(AppFixture app)
{
    [GeneratedRegex(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}, \d\d:\d\d to \d\d:\d\d")]
    private static partial Regex DayDateAndTime();

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{what} is {width} px wide on a 360 px screen");
    }

    [Fact]
    public async Task Parent1_finds_the_next_family_time_on_the_first_screen_of_a_phone_then_the_childs_sessions_and_agreement()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "parent1");
        await Expect(page).ToHaveURLAsync(PathIs("/Portal"));

        // The next family time: day and date, time, where and who, on the first screen without scrolling.
        var next = page.Locator("#next-family-time");
        await Expect(next).ToBeVisibleAsync();
        await Expect(next.Locator("h2")).ToContainTextAsync("Next family time with");
        await Expect(next).ToContainTextAsync(DayDateAndTime());
        await Expect(next.GetByRole(AriaRole.Link, new() { Name = "See this family time" })).ToHaveAttributeAsync("href", new Regex("^/Portal/Children/[0-9a-f-]+/Sessions/[0-9a-f-]+$"));
        var box = await next.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 740, $"the next family time ends at {box.Y + box.Height:0} px, below a 740 px phone screen");
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.Equal(0, scrolled);
        await AssertNoSidewaysScrollAsync(page, "the parent's front page");
        await AssertAccessibleAsync(page, "the parent's front page on a phone");

        // Each child's page: what is coming up, what happened, the agreement and who to contact.
        await page.Locator("#children a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Portal/Children/[0-9a-f-]+"));
        await Expect(page.Locator("#upcoming")).ToHaveTextAsync("Coming up");
        await Expect(page.Locator("#past")).ToHaveTextAsync("Family time that has happened");
        await Expect(page.Locator("#agreement")).ToHaveTextAsync("Your written agreement");
        await Expect(page.Locator("main")).ToContainTextAsync("Who to contact");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("will appear here once they are arranged");
        await AssertNoSidewaysScrollAsync(page, "the parent's child page");
        await AssertAccessibleAsync(page, "the parent's child page on a phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show later family time" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("weeks=16"));
        await AssertAccessibleAsync(page, "the parent's child page with later family time");

        // parent1's family had their plan agreed and their letters sent: the agreement links to hers.
        await page.GetByRole(AriaRole.Link, new() { Name = "Read your letter" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your letter about family time");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download your letter (PDF)" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "the parent's letter");
        await AssertAccessibleAsync(page, "the parent's letter on a phone");
    }
}
