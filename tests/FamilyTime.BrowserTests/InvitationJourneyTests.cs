using System.Text.RegularExpressions;
using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A family member's account by invitation, as the two people would do it: socialworker1 invites them by e-mail from
/// the child's page; they open the link from the e-mail (read from the outbox) on a 360 px phone, set up their
/// account and land on their portal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_social_worker_invites_a_family_member_who_sets_up_their_account_on_a_phone()
    {
        var (childId, personName) = await PersonWithoutAccountAsync();
        await using (var staff = await app.NewSessionAsync())
        {
            var page = staff.Page;
            await SignInAsync(page, "socialworker1");
            await page.GotoAsync($"/Children/{childId}");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Accounts and invitations for") }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Accounts and invitations");
            await AssertAccessibleAsync(page, "the child's accounts and invitations");
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose who you are inviting");
            await AssertAccessibleAsync(page, "the invitation form with its errors");
            await page.GetByLabel(new Regex("^" + Regex.Escape(personName))).CheckAsync();
            await page.GetByLabel("By e-mail").CheckAsync();
            await page.GetByLabel("E-mail address or mobile number").FillAsync("invited.family@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"An invitation has been sent to {personName} by e-mail");
            await Expect(page.Locator("main table")).ToContainTextAsync("Sent");
        }

        var link = await LinkFromOutboxAsync(personName);
        await using var phone = await app.NewSessionAsync();
        var invitee = phone.Page;
        await invitee.SetViewportSizeAsync(360, 740);
        await invitee.GotoAsync(link);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("Set up your account");
        await AssertAccessibleAsync(invitee, "set up your account");
        await invitee.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await invitee.GetByLabel("Type the password again").FillAsync("short");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set up my account" }).ClickAsync();
        await Expect(invitee.Locator(".govuk-error-summary")).ToContainTextAsync("at least 12 characters");
        await AssertAccessibleAsync(invitee, "set up your account with its errors");
        await invitee.GetByLabel("Password", new() { Exact = true }).FillAsync("Seeing-my-daughter-2026");
        await invitee.GetByLabel("Type the password again").FillAsync("Seeing-my-daughter-2026");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set up my account" }).ClickAsync();
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("Your account is ready");
        await Expect(invitee.GetByRole(AriaRole.Link, new() { Name = "Add an authenticator app" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(invitee, "your account is ready");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(invitee).ToHaveURLAsync(PathIs("/Portal"));
        await AssertAccessibleAsync(invitee, "the new parent's portal");
        var width = await invitee.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the portal is {width} px wide on a 360 px screen");

        // The used link now shows the one kind message.
        await invitee.GotoAsync(link);
        await Expect(invitee.Locator("main")).ToContainTextAsync("This invitation link has expired or has already been used. Ask your social worker for a new one.");
    }

    /// <summary>A child of socialworker1 and a person on their record with no account and no invitation yet.</summary>
    private async Task<(Guid ChildId, string Name)> PersonWithoutAccountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var worker = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).SingleAsync();
        var person = await db.SignificantPeople
            .Where(p => p.PortalUserId == null && p.SiblingChildId == null && !db.Invitations.Any(i => i.PersonId == p.Id)
                && db.Children.Any(c => c.Id == p.ChildId && c.SocialWorkerId == worker))
            .OrderBy(p => p.Id).Select(p => new { p.ChildId, p.FullName }).FirstAsync();
        return (person.ChildId, person.FullName);
    }

    private async Task<string> LinkFromOutboxAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var body = await db.Outbox.Where(m => m.Key.StartsWith("invitation:") && m.RecipientName == name).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
        return new Uri(LinkPattern().Match(body).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/Account/Invitation/[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
