using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AuditLogTests(AppFixture app)
{
    [Fact]
    public async Task A_team_manager_checks_the_log_and_it_is_intact()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "manager1");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Children in my team");

        // Reading a child's record writes an audit entry, so the chain has something in it to check.
        await page.Locator("table.govuk-table tbody a.govuk-link").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Admin/Audit"));
        await Expect(page.Locator("table.govuk-table tbody")).ToContainTextAsync("manager1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the log has not been altered" }).ClickAsync();

        var result = page.Locator("#chain-result");
        await Expect(result).ToContainTextAsync("The log is intact");
        var text = await result.TextContentAsync() ?? "";
        var checkedCount = Regex.Match(text, @"all (\d+) entries");
        Assert.True(checkedCount.Success, $"The result does not say how many entries were checked: {text}");
        Assert.True(int.Parse(checkedCount.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, $"No entries were checked: {text}");
        await AssertAccessibleAsync(page, "the audit log after checking it");
    }
}
