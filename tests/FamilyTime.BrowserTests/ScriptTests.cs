using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>The pages' one script (a module under a strict Content-Security-Policy) loads and runs cleanly.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptTests(AppFixture app)
{
    [Fact]
    public async Task The_children_list_loads_its_scripts_without_console_errors()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add($"uncaught: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };

        await SignInAsync(page, "socialworker1");
        await Expect(page).ToHaveURLAsync(PathIs("/Children"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // app.js ran to its end: GOV.UK Frontend marked the page and MoJ Frontend made the table sortable.
        await Expect(page.Locator("body.js-enabled.govuk-frontend-supported")).ToHaveCountAsync(1);
        await Expect(page.Locator("table[data-module='moj-sortable-table'] thead th button").First).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, "The children list logged problems:\n" + string.Join("\n", problems));
    }
}
