using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OutboxTests(AppFixture app)
{
    [Fact]
    public async Task An_administrator_filters_the_outbox_and_reads_a_message()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var subject = $"Family time moves to Saturday {marker}";
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            // Dated a minute ahead so it heads the list whatever else the demo service has sent.
            var message = OutboxMessage.Create($"browser:{marker}", Channel.Email, "alex.parent@example.org", "Alex Parent", subject,
                $"Hello Alex,\n\nSaturday's family time is at Willow Family Centre.\n\nThe FamilyTime team {marker}", null, clock.GetUtcNow().UtcDateTime.AddMinutes(1));
            message.Delivered(DeliveryStatus.KeptInOutbox, clock.GetUtcNow().UtcDateTime);
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
        }
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInAsync(page, "admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Admin/Outbox"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Outbox");
        await Expect(page.Locator("table.govuk-table tbody")).ToContainTextAsync(subject);
        await AssertAccessibleAsync(page, "the outbox");

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Failed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Failed"));
        await Expect(page.GetByText(subject)).ToHaveCountAsync(0);

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Kept in outbox" });
        await page.GetByLabel("Sent by").SelectOptionAsync(new SelectOptionValue { Label = "E-mail" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("table.govuk-table tbody")).ToContainTextAsync(subject);
        await AssertAccessibleAsync(page, "the outbox filtered by status and channel");

        await page.Locator("table.govuk-table tbody a", new() { HasText = subject }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/Admin/Outbox/[0-9a-f-]{36}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(subject);
        var body = page.Locator("#message-body");
        await Expect(body).ToContainTextAsync("Saturday's family time is at Willow Family Centre.");
        // Line breaks are kept: the body is shown as it was written.
        Assert.Contains("Hello Alex,\n\nSaturday's", await body.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "an outbox message");
    }
}
