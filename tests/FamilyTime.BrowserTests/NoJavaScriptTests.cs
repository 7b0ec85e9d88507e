using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>GOV.UK pages must work as plain HTML: JavaScript only enhances them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(AppFixture app)
{
    [Fact]
    public async Task Without_JavaScript_a_social_worker_can_sign_in_see_their_children_and_search()
    {
        await using var session = await app.NewSessionAsync(javaScriptEnabled: false);
        var page = session.Page;

        // A wrong password is explained by the server, no script needed.
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Input_UserName").FillAsync("socialworker1");
        await page.Locator("#Input_Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The user name or password is not right");

        await SignInAsync(page, "socialworker1");
        await Expect(page).ToHaveURLAsync(PathIs("/Children"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My children");
        // The script never ran, so the page is the server's HTML alone.
        await Expect(page.Locator("body.js-enabled")).ToHaveCountAsync(0);
        var rows = page.Locator("table.govuk-table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 1, 50);
        await Expect(page.Locator("table.govuk-table caption")).ToContainTextAsync("children");

        // The search form is a plain GET form.
        var firstChild = rows.First.Locator("a.govuk-link");
        var name = (await firstChild.TextContentAsync())!.Trim();
        var surname = name.Split(' ')[^1];
        await page.Locator("#search").FillAsync(surname);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("search=" + Uri.EscapeDataString(surname)));
        await Expect(page.Locator("table.govuk-table tbody")).ToContainTextAsync(name);

        // And a child's record opens from a plain link.
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }
}
