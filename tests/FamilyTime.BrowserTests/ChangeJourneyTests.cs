using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// The journey: a social worker proposes ending family time; the IRO signs in, finds the task and agrees
/// without a review; the notices go to the outbox; only then does the change take effect. Every page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangeJourneyTests(AppFixture app)
{
    private const string Mother = "Rosalind Tremayne";

    [Fact]
    public async Task Ending_family_time_goes_through_the_iro_and_the_notices_before_it_takes_effect()
    {
        var today = TodayInLondon();
        string childPath;
        string proposalPath;
        await using (var worker = await app.NewSessionAsync())
        {
            var page = worker.Page;
            await SignInAsync(page, "socialworker1");
            childPath = await NewChildWithIroAsync(page, today, await IroIdAsync());
            await page.GotoAsync(childPath + "/People/Add");
            await page.Locator("#Input_FullName").FillAsync(Mother);
            await page.Locator("#Input_Relationship").SelectOptionAsync("Mother");
            await page.Locator("#Input_Email").FillAsync("rosalind.tremayne@example.org");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await PlanPages.AgreeWeeklyFamilyTimeAsync(page, childPath, $"{Mother} (mother)", today);

            await page.GetByRole(AriaRole.Link, new() { Name = $"End family time with {Mother}", Exact = true }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync($"End family time with {Mother}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal to the IRO" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why family time should change");
            await AssertAccessibleAsync(page, "the ending form showing errors");
            await page.Locator("#Reasons").FillAsync("Rosalind has asked to stop family time while she is in residential treatment.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal to the IRO" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(PathIs(childPath + "/Changes/[0-9a-f-]{36}"));
            proposalPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("#stage")).ToHaveTextAsync("Waiting for the IRO");
            await AssertAccessibleAsync(page, "a proposal waiting for the IRO");

            // Out of order: the change cannot take effect, nor the notices go, before the IRO decides.
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the change take effect" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The change cannot take effect yet: the IRO has not recorded a decision");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the notices" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("notices go to the family only after the IRO agrees the change");
            await AssertAccessibleAsync(page, "a proposal refusing a step out of order");
        }

        await using (var iro = await app.NewSessionAsync())
        {
            var page = iro.Page;
            await SignInAsync(page, "iro1");
            await page.GotoAsync("/Inbox");
            var task = page.Locator("tr", new() { HasText = "Decide on a proposed change to Bryony Penhaligon" });
            await Expect(task).ToHaveCountAsync(1);
            await AssertAccessibleAsync(page, "the IRO's inbox with the task");
            await task.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(PathIs(proposalPath));
            await page.GetByRole(AriaRole.Button, new() { Name = "Record your decision" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give the reasons for the decision");
            await AssertAccessibleAsync(page, "the IRO's decision form showing errors");
            await page.GetByLabel("Agreed without a review").CheckAsync();
            await page.Locator("#IroReasons").FillAsync("Rosalind's request is clear and Bryony has been told; no review is needed now.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record your decision" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your decision is recorded");
            await Expect(page.Locator("#stage")).ToHaveTextAsync("Notices to send");
            await Expect(page.Locator("#steps")).ToContainTextAsync("Agreed without a review");
        }

        await using (var worker = await app.NewSessionAsync())
        {
            var page = worker.Page;
            await SignInAsync(page, "socialworker1");
            await page.GotoAsync(proposalPath);
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the change take effect" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("send the notices to the parents, carers and the child first");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the notices" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The notices are in the outbox");
            await Expect(page.Locator("#notices")).ToContainTextAsync(Mother);
            await AssertAccessibleAsync(page, "a proposal with its notices sent");

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
                // Her letter from the agreed plan went the same way before it (issue 10, item 3a): this is the notice.
                var notice = await db.Outbox.AsNoTracking().SingleAsync(m => m.To == "rosalind.tremayne@example.org" && !m.Key.StartsWith("letter:"));
                Assert.Equal(Channel.Email, notice.Channel);
                Assert.Contains("Family time between Bryony and Rosalind Tremayne is going to end.", notice.Body, StringComparison.Ordinal);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Make the change take effect" }).ClickAsync();
            await Expect(page.Locator("#stage")).ToHaveTextAsync("Took effect");
            await page.GotoAsync(childPath + "/Plan");
            await Expect(page.Locator(".govuk-summary-card__title", new() { HasText = Mother })).ToContainTextAsync("Ended");
            await AssertAccessibleAsync(page, "the plan with ended family time");
        }
    }

    private async Task<string> IroIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>().Users.Where(u => u.UserName == "iro1").Select(u => u.Id).SingleAsync();
    }

    private static async Task<string> NewChildWithIroAsync(IPage page, DateOnly today, string iroId)
    {
        await page.GotoAsync("/Children/New");
        await page.Locator("#Input_FirstName").FillAsync("Bryony");
        await page.Locator("#Input_LastName").FillAsync("Penhaligon");
        await PlanPages.FillDateAsync(page, "Input_DateOfBirth", today.AddYears(-9));
        await page.Locator("#Input_Gender").FillAsync("Girl");
        await page.Locator("#Input_LegalStatus").SelectOptionAsync("CareOrder");
        await PlanPages.FillDateAsync(page, "Input_LegalStatusStartDate", today.AddDays(-1));
        await page.Locator("#Input_PlacementKind").CheckAsync();
        await page.Locator("#Input_CarerHouseholdId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await PlanPages.FillDateAsync(page, "Input_PlacementStartDate", today.AddDays(-1));
        await page.Locator("#Input_IroId").SelectOptionAsync(iroId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Children/[0-9a-f-]{36}"));
        return new Uri(page.Url).AbsolutePath;
    }
}
