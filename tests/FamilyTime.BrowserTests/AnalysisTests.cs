using System.Globalization;
using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static FamilyTime.BrowserTests.Browse;
using static Microsoft.Playwright.Assertions;

namespace FamilyTime.BrowserTests;

/// <summary>
/// A social worker opens the analysis for a child with six weeks of family time with Dad behind them, reads the
/// chronology, edits the draft, saves it as the assessment and downloads it for court; every page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysisTests(AppFixture app)
{
    private const string Dad = "Owain Trevithick";
    private static readonly string[] KeyRelationship = ["KeyRelationship"];
    private static readonly string[] Saturday = ["Saturday"];

    [Fact]
    public async Task Social_worker_reads_the_chronology_edits_the_draft_and_saves_the_assessment()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var today = TodayInLondon();
        var (child, person) = await LayOutAsync(page, today);
        await SignInAsync(page, "socialworker1");

        await page.GotoAsync($"/Children/{child}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Analysis of family time for an assessment" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Analysis of Nia’s family time");
        await AssertAccessibleAsync(page, "the analysis page before choosing");

        await page.Locator("#PersonId").SelectOptionAsync(person.ToString());
        await PlanPages.FillDateAsync(page, "From", today.AddDays(-42));
        await PlanPages.FillDateAsync(page, "To", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the summary" }).ClickAsync();
        await Expect(page.Locator("#headline")).ToHaveTextAsync($"3 of 5 sessions attended, 1 late, 1 ended early, 1 cancelled by {Dad}, 1 cancelled by the carer.");
        await Expect(page.Locator(".app-chronology li a")).ToHaveCountAsync(3);
        await AssertAccessibleAsync(page, "the analysis with its chronology and draft");

        var draft = await page.Locator("#Text").InputValueAsync();
        Assert.Contains("“Dad and Nia played snakes and ladders”", draft, StringComparison.Ordinal);
        await page.Locator("#Text").FillAsync(draft.Replace("[Your judgement: was the agreement kept, and how do you know?]",
            "Dad kept to the agreement; the early ending was Nia's tiredness.", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as the assessment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"The assessment of family time with {Dad} has been saved.");
        await AssertAccessibleAsync(page, "the analysis after saving");

        var download = page.Locator("a", new() { HasText = "Download for court (PDF)" });
        await Expect(download).ToHaveCountAsync(1);
        var pdf = await page.APIRequest.GetAsync(await download.GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.BodyAsync());
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Dad kept to the agreement; the early ending was Nia's tiredness.", words, StringComparison.Ordinal);
        Assert.Contains("3 of 5 sessions attended", words, StringComparison.Ordinal);
    }

    /// <summary>A new child of socialworker1 with Dad's arrangement (through the API) and five past Saturdays (in the database).</summary>
    private async Task<(Guid Child, Guid Person)> LayOutAsync(IPage page, DateOnly today)
    {
        var token = await page.APIRequest.PostAsync("/api/v1/auth/token", new() { DataObject = new { userName = "socialworker1", password = DemoPassword } });
        var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + (await token.JsonAsync())!.Value.GetProperty("accessToken").GetString() };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var household = await db.CarerHouseholds.Select(h => h.Id).FirstAsync();
        var start = today.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<Guid> Post(string url, object body)
        {
            var response = await page.APIRequest.PostAsync(url, new() { DataObject = body, Headers = bearer });
            Assert.True(response.Ok, $"{url}: {response.Status} {await response.TextAsync()}");
            return (await response.JsonAsync())!.Value.GetProperty("id").GetGuid();
        }
        var child = await Post("/api/v1/children", new
        {
            firstName = "Nia", lastName = "Trevithick", dateOfBirth = today.AddYears(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gender = "Girl", firstLanguage = "Welsh", familyTimeName = "seeing Dad", legalStatus = "CareOrder", legalStatusStartDate = start, inCareProceedings = false,
            placement = new { kind = "CarerHousehold", carerHouseholdId = household, startDate = start, isLongTerm = false },
        });
        var person = await Post($"/api/v1/children/{child}/people", new { fullName = Dad, relationship = "Father", hasParentalResponsibility = true });
        var room = await db.Rooms.OrderBy(r => r.Name).Select(r => new { r.VenueId, r.Id }).FirstAsync();
        var arrangement = await Post($"/api/v1/children/{child}/plan/arrangements", new
        {
            personIds = new[] { person }, purposes = KeyRelationship, type = "Facilitated", form = "FaceToFace", frequency = "Weekly",
            days = Saturday, firstDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = "10:00",
            durationMinutes = 90, venueId = room.VenueId, roomId = room.Id, reviewEveryMonths = 3,
            childsWishes = "I like Saturdays with Dad.",
        });

        var worker = await db.Users.Where(u => u.UserName == "socialworker1").Select(u => u.Id).FirstAsync();
        var at = AppFixture.Clock.GetUtcNow().UtcDateTime;
        var outcomes = new (SessionStatus Status, string? Reason, string? Arrived)[]
        {
            (SessionStatus.TookPlace, null, "10:00"), (SessionStatus.CancelledByParent, "Dad was working", null),
            (SessionStatus.TookPlace, null, "10:30"), (SessionStatus.CancelledByCarer, "Nia was poorly", null),
            (SessionStatus.EndedEarly, "Nia was very tired and asked to go home", "10:00"),
        };
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (status, reason, arrived) = outcomes[i];
            var s = new FamilyTimeSession(child, arrangement, new SessionSlot(today.AddDays(-35 + 7 * i), new TimeOnly(10, 0), 90, room.VenueId, room.Id, null), worker);
            Assert.True(s.Close(status, reason, worker, at, today).IsValid);
            db.Sessions.Add(s);
            if (arrived is not null)
            {
                var (record, errors) = ContactRecord.Submit(s.Id, child, worker, assessed: false, new RecordContent
                {
                    AgeBand = AgeBand.PrimaryAge, ParentArrivedAt = TimeOnly.Parse(arrived, CultureInfo.InvariantCulture),
                    StartedAt = new TimeOnly(10, 0), EndedAt = new TimeOnly(11, 0), WhoAttended = "Nia and Dad",
                    Interaction = "Nia and Dad sat together at the table.", Positives = i == 0 ? "Dad and Nia played snakes and ladders" : "Dad listened to Nia read",
                    EndedEarly = status == SessionStatus.EndedEarly, EndedEarlyReason = reason,
                }, s.Date.AddMonths(3), new Signature(worker, "Priya Shah", at));
                Assert.True(errors.IsValid);
                s.MarkRecorded(at, status);
                db.ContactRecords.Add(record!);
            }
        }
        await db.SaveChangesAsync();
        return (child, person);
    }
}
