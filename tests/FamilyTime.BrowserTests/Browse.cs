using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FamilyTime.BrowserTests;

/// <summary>What every browser test does: sign in as a demo account, check a page with axe, know today's date in England.</summary>
public static class Browse
{
    public const string DemoPassword = "Demo-family-time-2026";

    // Only violations are reported in full; passes and the rest would only slow every run down.
    private static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations] };

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today as people in England read it by the app's clock (<see cref="AppFixture.Clock"/>), so dates typed into forms agree with the app.</summary>
    public static DateOnly TodayInLondon() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(AppFixture.Clock.GetUtcNow(), London).DateTime);

    private static readonly Regex SignInPage = new("/Account/SignIn", RegexOptions.IgnoreCase);

    /// <summary>Signs in through the real form and waits until the app has sent the person somewhere else.</summary>
    public static async Task SignInAsync(IPage page, string userName, Func<IPage, Task>? onSignInPage = null)
    {
        await page.GotoAsync("/Account/SignIn");
        if (onSignInPage is not null)
        {
            await onSignInPage(page);
        }
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        try
        {
            // Leaving the sign-in page is what counts; the next page's own loading is waited for by whatever the test
            // does there, so a long list on a busy machine does not read as a failed sign-in.
            // Two minutes, not the default 5 s: a cold first page on a 2-core machine busy with the integration tests
            // once took longer than one, and the page it reached was the right one.
            // The address is polled rather than waited for with WaitForURLAsync(WaitUntil = Commit): when the redirect
            // has already happened, that call waits for the page's load event instead (playwright-dotnet #3365), and
            // on a busy machine timed out standing on /Children.
            await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage, new() { Timeout = 120_000 });
        }
        catch (PlaywrightException)
        {
            var problem = await page.Locator(".govuk-error-summary").AllInnerTextsAsync();
            Assert.Fail($"{userName} could not sign in; the page ({page.Url}) says: {string.Join(" ", problem)}");
        }
    }

    /// <summary>Runs axe on the page as it is now and fails on any serious or critical violation, listing each one.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // Legacy mode: axe.run in the page itself. RunAxe's default mode finishes every run in a new blank page (a new
        // context and renderer, axe injected twice), built for pages with cross-origin frames, which FamilyTime has
        // none of; it took 2.4 s a check against 0.6 s, and the browser tests 14.5 minutes against 8.3.
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": RunAxe is one line away if it goes.
        var result = await page.RunAxeLegacy(options: AxeOptions);
#pragma warning restore CS0618
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (bad.Count == 0)
        {
            return;
        }
        var message = new StringBuilder($"axe found {bad.Count} serious/critical violation(s) on {what} ({page.Url}):");
        foreach (var v in bad)
        {
            message.Append("\n- ").Append(v.Id).Append(" [").Append(v.Impact).Append("] ").Append(v.Help).Append(" (").Append(v.HelpUrl).Append(')');
            foreach (var node in v.Nodes)
            {
                message.Append("\n    at ").Append(node.Target).Append(": ").Append(node.Html);
            }
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>Matches a page's path exactly, ignoring the query and fragment.</summary>
    public static Regex PathIs(string pathPattern) =>
        new($"^https?://[^/]+{pathPattern}([?#].*)?$", RegexOptions.IgnoreCase);
}
