using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FamilyTime.IntegrationTests;

/// <summary>A service whose letters to post go to GOV.UK Notify (a stub in place of its network), for one test class.</summary>
public abstract class NotifyPostApp(Provider provider) : IAsyncLifetime
{
    public const string CallbackToken = "post-receipts-token-for-tests";
    private const string ApiKey = "family-time-letters-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    public NotifyStub Notify { get; } = new(HttpStatusCode.Created, """{"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"x","postage":"second"}""");

    public FamilyTimeFactory Factory { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Factory = new FamilyTimeFactory(provider, settings: new Dictionary<string, string?>
        {
            ["Notifications:Post:Mode"] = "Notify",
            ["Notifications:Post:Notify:ApiKey"] = ApiKey,
            ["Notifications:Post:Notify:BaseUrl"] = "https://notify.example.test/",
            ["Notifications:Post:Notify:CallbackToken"] = CallbackToken,
            ["Notifications:Post:Postage"] = "first",
        }, testServices: s => s.AddHttpClient(NotifyApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new NotifyHandler(Notify)));
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class NotifyPostSqliteApp() : NotifyPostApp(Provider.Sqlite);

public sealed class NotifyPostPostgresApp() : NotifyPostApp(Provider.Postgres);

/// <summary>
/// Letters to post through GOV.UK Notify's precompiled-letter API: the PDF that goes is the version kept, laid out as
/// Notify's printers read it; an address Notify cannot post to is refused before anything is kept or sent; a notice
/// is laid out from its words; Notify's receipts say it was posted or why not.
/// </summary>
public abstract class LetterPostTests(NotifyPostApp post)
{
    private const string Address = "Flat 2, 14 Hawthorn Road, Southby, SB2 3CD";
    private FamilyTimeFactory App => post.Factory;

    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(App.Clock);

    private async Task<(HttpClient Api, Guid Child, Guid Arrangement, Guid Mother)> ChildWithMotherAsync(string mothersName, string? address)
    {
        var api = await App.ApiAsAsync("socialworker1");
        var household = await App.DbAsync(db => db.CarerHouseholds.OrderBy(h => h.Name).Select(h => h.Id).FirstAsync());
        var child = ApiInput.NewChild(household, "Post" + Guid.NewGuid().ToString("N")[..6]);
        child["legalStatus"] = "CareOrder";
        child["inCareProceedings"] = false;
        var childId = await IdAsync(await api.PostAsJsonAsync("/api/v1/children", child));
        var mother = ApiInput.Mother(mothersName);
        mother["address"] = address;
        var motherId = await IdAsync(await api.PostAsJsonAsync($"/api/v1/children/{childId}/people", mother));
        var room = await App.DbAsync(db => db.Rooms.OrderBy(r => r.Name).Select(r => new { r.VenueId, r.Id }).FirstAsync());
        var arrangement = ArrangementMusts.With(ApiInput.WeeklySupervised(motherId, DayOfWeek.Friday, Today.AddDays(1), room.VenueId, room.Id), Today);
        var arrangementId = await IdAsync(await api.PostAsJsonAsync($"/api/v1/children/{childId}/plan/arrangements", arrangement));
        return (api, childId, arrangementId, motherId);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private NotifyRequest SentFor(Guid messageId) =>
        Assert.Single(post.Notify.Requests, r => JsonDocument.Parse(r.Body).RootElement.GetProperty("reference").GetString() == messageId.ToString());

    [Fact]
    public async Task A_plan_letter_sent_by_post_goes_to_notify_as_the_kept_pdf_with_the_address_where_notify_reads_it()
    {
        var (api, child, arrangement, mother) = await ChildWithMotherAsync("Dee Postal", Address);
        var sent = await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}/letters/{mother}/sent", new { sendBy = "Post" });
        var documentId = await IdAsync(sent);
        var message = await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Key == NotifyLetterSender.PlanLetterKeyPrefix + documentId));
        Assert.Equal(Channel.Post, message.Channel);

        await App.TickAsync();

        var request = SentFor(message.Id);
        Assert.Equal("https://notify.example.test/v2/notifications/letter", request.Url.ToString());
        Assert.Equal("Bearer", request.AuthScheme);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("first", json.RootElement.GetProperty("postage").GetString());
        var pdf = Convert.FromBase64String(json.RootElement.GetProperty("content").GetString()!);
        var kept = await App.DbAsync(db => db.PlanDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Pdf).SingleAsync());
        Assert.Equal(kept, pdf);
        Assert.Empty(NotifyLetterSpec.Breaches(pdf));
        Assert.Equal(["Dee Postal", "Flat 2", "14 Hawthorn Road", "Southby", "SB2 3CD"], NotifyLetterSpec.AddressLines(pdf));

        // Read by a tool that did not write it: the letter's words are there, and nothing of the child's home.
        var text = await PdfText.ReadAsync(pdf);
        Assert.Contains("Dear Dee Postal,", text, StringComparison.Ordinal);
        var home = await App.DbAsync(db => db.Placements.Where(p => p.ChildId == child)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Address, h.Postcode }).FirstAsync());
        Assert.DoesNotContain(home.Postcode, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Address, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DeliveryStatus.Sent, (await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id))).Status);

        // Notify's receipt: printed and handed to Royal Mail.
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NotifyPostApp.CallbackToken);
        var receipt = await client.PostAsJsonAsync("/api/v1/notify/delivery-receipts", new { id = Guid.NewGuid(), reference = message.Id.ToString(), status = "received" });
        Assert.Equal(HttpStatusCode.NoContent, receipt.StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, (await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id))).Status);
        var outbox = System.Net.WebUtility.HtmlDecode(await (await App.PagesAsAsync("admin")).GetStringAsync($"/Admin/Outbox/{message.Id}"));
        Assert.Contains(">Posted<", outbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_is_refused_for_an_address_notify_cannot_post_to_and_nothing_is_kept_or_sent()
    {
        var (api, child, arrangement, mother) = await ChildWithMotherAsync("Ria Nopostcode", "3 Mill Lane, Southby");
        var requests = post.Notify.Requests.Count;

        var sent = await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}/letters/{mother}/sent", new { sendBy = "Post" });

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var problem = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString();
        Assert.Contains("'Southby', is not a UK postcode", error, StringComparison.Ordinal);
        Assert.False(await App.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == arrangement)));

        // The same on the page: the worker sees why, beside the choice.
        var pages = await App.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var form = await pages.GetStringAsync(url);
        Assert.Contains("GOV.UK Notify prints it and posts it", System.Net.WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        var page = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            ["SendBy"] = "Post",
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("GOV.UK Notify cannot post this letter", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await App.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == arrangement)));

        // Agreeing the plan does not post it either: the social worker is asked to hand it over, and told why.
        var agreed = await api.PostAsync($"/api/v1/children/{child}/plan/agree", null);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        var task = await App.DbAsync(db => db.Tasks.AsNoTracking().Where(t => t.ChildId == child && t.Title.Contains("Ria Nopostcode")).Select(t => t.Title).SingleAsync());
        Assert.Contains("GOV.UK Notify cannot post it", task, StringComparison.Ordinal);
        await App.TickAsync();
        Assert.Equal(requests, post.Notify.Requests.Count);
    }

    [Fact]
    public async Task A_notice_is_laid_out_from_its_words_and_one_with_no_address_fails_at_once_saying_why()
    {
        var (notice, nowhere) = await App.DbAsync(async db =>
        {
            var at = App.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
            var a = OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Post, Address, "Sam Notice", "Family time is suspended",
                "Dear Sam Notice,\n\nFamily time is suspended from 17 November 2026. It will not go ahead for now.\n\nNorthbridge children's services", null, at);
            var b = OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Post, "No address on the record: hand it to them", "Kim Noaddress", "Family time is suspended",
                "Dear Kim Noaddress,\n\nFamily time is suspended.", null, at);
            db.Outbox.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        await App.TickAsync();

        var pdf = Convert.FromBase64String(JsonDocument.Parse(SentFor(notice).Body).RootElement.GetProperty("content").GetString()!);
        Assert.Empty(NotifyLetterSpec.Breaches(pdf));
        Assert.Equal(["Sam Notice", "Flat 2", "14 Hawthorn Road", "Southby", "SB2 3CD"], NotifyLetterSpec.AddressLines(pdf));
        var text = await PdfText.ReadAsync(pdf);
        Assert.Contains("Family time is suspended from 17 November 2026.", text, StringComparison.Ordinal);

        Assert.DoesNotContain(post.Notify.Requests, r => JsonDocument.Parse(r.Body).RootElement.GetProperty("reference").GetString() == nowhere.ToString());
        var failed = await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == nowhere));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("The address has 1 line after the name; the post needs at least 2, ending with the postcode.", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifys_letter_failures_are_recorded_with_what_to_do()
    {
        var id = await App.DbAsync(async db =>
        {
            var m = OutboxMessage.Create($"test:{Guid.NewGuid()}", Channel.Post, Address, "Val Failed", "A letter", "Dear Val Failed,", null, App.Clock.GetUtcNow().UtcDateTime);
            m.Delivered(DeliveryStatus.Sent, App.Clock.GetUtcNow().UtcDateTime);
            db.Outbox.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NotifyPostApp.CallbackToken);

        // "accepted" is Notify printing it: nothing to record yet.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/notify/delivery-receipts", new { reference = id.ToString(), status = "accepted" })).StatusCode);
        Assert.Equal(DeliveryStatus.Sent, (await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/notify/delivery-receipts", new { reference = id.ToString(), status = "validation-failed" })).StatusCode);
        var failed = await App.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("Print it here and post it", failed.LastError, StringComparison.Ordinal);
    }
}

public sealed class LetterPostTestsOnSqlite(NotifyPostSqliteApp app) : LetterPostTests(app), IClassFixture<NotifyPostSqliteApp>;

public sealed class LetterPostTestsOnPostgres(NotifyPostPostgresApp app) : LetterPostTests(app), IClassFixture<NotifyPostPostgresApp>;

/// <summary>The letters' settings are checked when the service starts, naming what to fix, as e-mail and texts are.</summary>
public sealed class PostDeliveryValidationTests
{
    private static ValidateOptionsResult Check(PostDeliveryOptions options) => new PostDeliveryValidation().Validate(null, options);

    [Fact]
    public void Letters_through_notify_need_a_key_but_no_template_and_a_postage_notify_knows()
    {
        Assert.True(Check(new PostDeliveryOptions()).Succeeded);
        var noKey = Check(new PostDeliveryOptions { Mode = "Notify" });
        Assert.Contains("Notifications:Post:Notify:ApiKey is required", noKey.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("TemplateId", noKey.FailureMessage, StringComparison.Ordinal);
        var withKey = new PostDeliveryOptions
        {
            Mode = "Notify",
            Notify = new NotifySettings { ApiKey = "letters-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0" },
        };
        Assert.True(Check(withKey).Succeeded);
        withKey.Postage = "express";
        Assert.Contains("Notifications:Post:Postage must be first, second or economy, not 'express'", Check(withKey).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Notifications:Post:Mode must be Outbox or Notify, not 'Pigeon'", Check(new PostDeliveryOptions { Mode = "Pigeon" }).FailureMessage, StringComparison.Ordinal);
    }
}
