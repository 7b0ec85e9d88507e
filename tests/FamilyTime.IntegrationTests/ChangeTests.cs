using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The major-change workflow through the API, as a social worker and an IRO meet it: each step refused, with what
/// is missing, until the one before it is recorded; the notices in the outbox; the plan changed only at the end.
/// </summary>
public abstract class ChangeTests(FamilyTimeFactory app)
{
    /// <summary>Today in England by the app's clock.</summary>
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private sealed record Setup(HttpClient Worker, HttpClient Iro, Guid Child, Guid Mother, Guid Arrangement, Dictionary<string, object?> Body);

    private async Task<Setup> AgreedPlanAsync(string legalStatus, bool inProceedings, string? carer = null)
    {
        var worker = await app.ApiAsAsync("socialworker1");
        var household = carer is null
            ? await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync())
            : await app.DbAsync(db => db.Users.Where(u => u.UserName == carer).Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var child = ApiInput.NewChild(household, "Change" + Guid.NewGuid().ToString("N")[..6]);
        child["legalStatus"] = legalStatus;
        child["inCareProceedings"] = inProceedings;
        child["iroId"] = await app.UserIdAsync("iro1");
        var childId = (await BodyAsync(await worker.PostAsJsonAsync("/api/v1/children", child), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = ApiInput.Mother("Nadia Change");
        mother["email"] = "nadia.change@example.org";
        var motherId = (await BodyAsync(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/people", mother), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var room = await app.DbAsync(db => db.Rooms.OrderBy(r => r.Name).Select(r => new { r.VenueId, r.Id }).FirstAsync());
        var body = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { motherId },
            ["purposes"] = new[] { "Attachment" },
            ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time during the assessment.",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { "Friday" },
            ["firstDate"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = room.VenueId,
            ["roomId"] = room.Id,
            ["reviewEveryMonths"] = 3,
        };
        ArrangementMusts.With(body, Today);
        var arrangement = (await BodyAsync(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await worker.PostAsync($"/api/v1/children/{childId}/plan/agree", null), HttpStatusCode.OK);
        return new Setup(worker, await app.ApiAsAsync("iro1"), childId, motherId, arrangement, body);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A step refused: 400 with the domain's message, which says what is missing.</summary>
    private static async Task RefusedAsync(HttpResponseMessage response, string says)
    {
        var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.True(messages.Any(m => m!.Contains(says, StringComparison.Ordinal)), $"expected a message containing '{says}', got: {string.Join(" | ", messages)}");
    }

    [Fact]
    public async Task The_iros_steps_are_refused_to_other_staff_in_reach_with_the_same_403_and_reason_on_the_api_and_the_page()
    {
        const string IroOnly = "Only the child's own independent reviewing officer can record this decision.";
        const string WorkerOnly = "Only the child's allocated social worker or their team manager can do this.";
        var s = await AgreedPlanAsync("CareOrder", inProceedings: false);
        var changes = $"/api/v1/children/{s.Child}/changes";
        var id = (await BodyAsync(await s.Worker.PostAsJsonAsync(changes, new { arrangementId = s.Arrangement, reasons = "Sessions upset the child." }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The API: the social worker and a head of service hold the case but are not the child's IRO.
        foreach (var api in new[] { s.Worker, await app.ApiAsAsync("headofservice1") })
        {
            var decided = await api.PostAsJsonAsync($"{changes}/{id}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "Fine." });
            Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
            Assert.Equal(IroOnly, (await BodyAsync(decided, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"{changes}/{id}/review", new { agreed = true })).StatusCode);
        }
        // The IRO reads the proposal, but the social worker's steps are not theirs.
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Iro.PostAsync($"{changes}/{id}/withdraw", JsonContent.Create(new { reason = "No." }))).StatusCode);

        // The page: the same operations on its handlers, the same answer and reason.
        var url = $"/Children/{s.Child}/Changes/{id}";
        var pages = await app.PagesAsAsync("socialworker1");
        var token = FamilyTimeFactory.AntiforgeryToken(await pages.GetStringAsync(url));
        var onPage = await pages.PostAsync($"{url}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision"] = "AgreedWithoutReview", ["IroReasons"] = "Fine.", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, onPage.StatusCode);
        Assert.Contains(IroOnly, WebUtility.HtmlDecode(await onPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var iroPages = await app.PagesAsAsync("iro1");
        token = FamilyTimeFactory.AntiforgeryToken(await iroPages.GetStringAsync(url));
        var withdraw = await iroPages.PostAsync($"{url}?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["WithdrawnReason"] = "No.", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Contains(WorkerOnly, WebUtility.HtmlDecode(await withdraw.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Nothing was recorded by any of them.
        var stage = (await BodyAsync(await s.Worker.GetAsync($"{changes}/{id}"), HttpStatusCode.OK)).GetProperty("stage").GetString();
        Assert.Equal("AwaitingIro", stage);
    }

    [Fact]
    public async Task Ending_family_time_waits_for_the_iro_and_the_notices_and_every_step_out_of_order_is_refused()
    {
        var s = await AgreedPlanAsync("CareOrder", inProceedings: false);
        var changes = $"/api/v1/children/{s.Child}/changes";
        var created = await BodyAsync(await s.Worker.PostAsJsonAsync(changes, new { arrangementId = s.Arrangement, reasons = "Nadia has told us she wants to stop for now." }), HttpStatusCode.Created);
        var change = $"{changes}/{created.GetProperty("id").GetGuid()}";

        var iro = await app.UserIdAsync("iro1");
        var task = await app.DbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.ChildId == s.Child && t.Kind == TaskKind.IroDecision));
        Assert.Equal(iro, task.AssigneeId);
        Assert.True(task.IsOpen);
        Assert.True(await app.DbAsync(db => db.Outbox.AnyAsync(m => m.Key.StartsWith("change:") && m.Key.EndsWith(":iro") && m.ChildId == s.Child)));

        // Out of order: notices and taking effect before the IRO; the social worker recording the IRO's decision.
        await RefusedAsync(await s.Worker.PostAsync($"{change}/notices", null), "The IRO has not recorded a decision yet");
        await RefusedAsync(await s.Worker.PostAsync($"{change}/take-effect", null), "the IRO has not recorded a decision");
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Worker.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "Fine." })).StatusCode);
        await RefusedAsync(await s.Iro.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview" }), "Give the reasons for the decision");

        var decided = await BodyAsync(await s.Iro.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "Nadia's wish is clear and the child is settled; no review is needed." }), HttpStatusCode.OK);
        Assert.Equal("AwaitingNotices", decided.GetProperty("stage").GetString());
        Assert.False(await app.DbAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.DoneAt == null).FirstAsync()));
        await RefusedAsync(await s.Iro.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "Again." }), "already recorded a decision");

        // Still out of order: effect before the notices. Family time is untouched so far.
        await RefusedAsync(await s.Worker.PostAsync($"{change}/take-effect", null), "send the notices to the parents, carers and the child first");
        var arrangement = await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == s.Arrangement));
        Assert.Null(arrangement.EndedOn);
        var future = await app.DbAsync(db => db.Sessions.CountAsync(x => x.ArrangementId == s.Arrangement && x.Status == SessionStatus.Planned && x.Date > Today));
        Assert.True(future > 40);

        await BodyAsync(await s.Worker.PostAsync($"{change}/notices", null), HttpStatusCode.OK);
        var notices = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ChildId == s.Child && m.Key.Contains(":notice")).ToListAsync());
        var mothers = Assert.Single(notices, m => m.To == "nadia.change@example.org" && m.Channel == Channel.Email);
        Assert.Equal("Family time is ending", mothers.Subject);
        Assert.Contains("Nadia has told us she wants to stop for now.", mothers.Body, StringComparison.Ordinal);
        Assert.Contains("going to end", mothers.Body, StringComparison.Ordinal);
        var home = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == s.Child)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Postcode }).FirstAsync());
        Assert.DoesNotContain(home.Name, mothers.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Postcode, mothers.Body, StringComparison.OrdinalIgnoreCase);
        var sms = Assert.Single(notices, m => m.Channel == Channel.Sms);
        var names = await app.DbAsync(db => db.Children.Where(c => c.Id == s.Child).Select(c => new { c.FirstName, c.LastName }).FirstAsync());
        Assert.DoesNotContain(names.FirstName, sms.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(names.LastName, sms.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(notices, m => m.Subject.StartsWith("For ", StringComparison.Ordinal) && m.Body.Contains("None of this is your fault", StringComparison.Ordinal));
        await RefusedAsync(await s.Worker.PostAsync($"{change}/notices", null), "The notices were sent");

        var effective = await BodyAsync(await s.Worker.PostAsync($"{change}/take-effect", null), HttpStatusCode.OK);
        Assert.Equal("Effective", effective.GetProperty("stage").GetString());
        arrangement = await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == s.Arrangement));
        Assert.Equal(Today, arrangement.EndedOn);
        Assert.Equal(0, await app.DbAsync(db => db.Sessions.CountAsync(x => x.ArrangementId == s.Arrangement && x.Status == SessionStatus.Planned && x.Date > Today)));
        // Ended family time keeps its future sessions, withdrawn ("the plan changed"), never deleted: calendars show them cancelled (issue 11, item 8).
        Assert.Equal(future, await app.DbAsync(db => db.Sessions.CountAsync(x => x.ArrangementId == s.Arrangement && x.Status == SessionStatus.PlanChanged && x.Date > Today)));
        var plan = await s.Worker.GetFromJsonAsync<JsonElement>($"/api/v1/children/{s.Child}/plan");
        Assert.Equal(2, plan.GetProperty("agreedVersion").GetInt32());
        Assert.Contains("wants to stop for now", plan.GetProperty("versions")[0].GetProperty("changeReason").GetString(), StringComparison.Ordinal);
        Assert.True(await app.DbAsync(db => db.Tasks.Where(t => t.ChildId == s.Child && t.Key.StartsWith("change:")).AllAsync(t => t.DoneAt != null)));
        await RefusedAsync(await s.Worker.PostAsync($"{change}/take-effect", null), "took effect");
    }

    [Fact]
    public async Task Change_notices_reach_everyone_with_parental_responsibility_the_people_in_it_the_carers_and_the_child()
    {
        var s = await AgreedPlanAsync("CareOrder", inProceedings: false, carer: "carer1");
        // A father with parental responsibility who is not in this arrangement is told too; a grandmother without it is not.
        var father = ApiInput.Mother("Idris Change");
        father["relationship"] = "Father";
        father["email"] = "idris.change@example.org";
        await BodyAsync(await s.Worker.PostAsJsonAsync($"/api/v1/children/{s.Child}/people", father), HttpStatusCode.Created);
        var grandmother = ApiInput.Mother("Rose Change");
        grandmother["relationship"] = "Grandparent";
        grandmother["hasParentalResponsibility"] = false;
        grandmother["email"] = "rose.change@example.org";
        await BodyAsync(await s.Worker.PostAsJsonAsync($"/api/v1/children/{s.Child}/people", grandmother), HttpStatusCode.Created);

        var changes = $"/api/v1/children/{s.Child}/changes";
        var created = await BodyAsync(await s.Worker.PostAsJsonAsync(changes, new { arrangementId = s.Arrangement, reasons = "Nadia has asked for a pause." }), HttpStatusCode.Created);
        var change = $"{changes}/{created.GetProperty("id").GetGuid()}";
        await BodyAsync(await s.Iro.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "Nadia's wish is clear." }), HttpStatusCode.OK);
        await BodyAsync(await s.Worker.PostAsync($"{change}/notices", null), HttpStatusCode.OK);

        var notices = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ChildId == s.Child && m.Key.Contains(":notice")).ToListAsync());
        Assert.Single(notices, m => m.To == "nadia.change@example.org" && m.Channel == Channel.Email);
        var fathers = Assert.Single(notices, m => m.To == "idris.change@example.org");
        Assert.Equal("Dear Idris Change,", fathers.Body.Split('\n').First(l => l.StartsWith("Dear", StringComparison.Ordinal)).Trim());
        Assert.DoesNotContain(notices, m => m.To == "rose.change@example.org");
        var carers = await app.DbAsync(db => db.Users.Where(u => u.CarerHouseholdId == db.Placements.Where(p => p.ChildId == s.Child && p.EndDate == null).Select(p => p.CarerHouseholdId).First())
            .Select(u => u.Id).ToListAsync());
        Assert.NotEmpty(carers);
        Assert.All(carers, id => Assert.Contains(notices, m => m.Key.EndsWith($":carer:{id}", StringComparison.Ordinal)));

        var childs = Assert.Single(notices, m => m.Key.EndsWith(":child", StringComparison.Ordinal));
        Assert.Contains("This letter is about seeing Mum.", childs.Body, StringComparison.Ordinal);
        Assert.Contains("We have decided that your planned time with your mum is going to stop for now.", childs.Body, StringComparison.Ordinal);
        var venue = await app.DbAsync(db => db.Venues.Where(v => v.Id == db.Arrangements.Where(a => a.Id == s.Arrangement).Select(a => a.VenueId).First()).Select(v => v.Name).FirstAsync());
        var home = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == s.Child)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Postcode }).FirstAsync());
        foreach (var place in new[] { venue, home.Name, home.Postcode })
        {
            Assert.DoesNotContain(place, childs.Body.Split("\n\n", 2)[1], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Twenty_major_changes_to_one_arrangement_sent_at_once_leave_one_proposal_one_iro_task_and_one_email()
    {
        var s = await AgreedPlanAsync("CareOrder", inProceedings: false);
        var version = await app.DbAsync(db => db.Arrangements.Where(a => a.Id == s.Arrangement).Select(a => a.Version).FirstAsync());
        s.Body["days"] = new[] { "Saturday" };
        s.Body["version"] = version;
        s.Body["change"] = new { reason = "Nadia has started work on Fridays." };
        var emailsBefore = await app.DbAsync(db => db.Outbox.CountAsync(m => m.Subject == "A change to family time needs your decision"));

        // Twenty workers' browsers at once, each with its own connection, all from the version they read.
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.ApiAsAsync("socialworker1")));
        var answers = await Task.WhenAll(clients.Select(c => c.PutAsJsonAsync($"/api/v1/children/{s.Child}/plan/arrangements/{s.Arrangement}", s.Body)));

        var accepted = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        Assert.Equal(1, await app.DbAsync(db => db.ChangeProposals.CountAsync(p => p.ArrangementId == s.Arrangement)));
        var proposal = await app.DbAsync(db => db.ChangeProposals.Where(p => p.ArrangementId == s.Arrangement).Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await app.DbAsync(db => db.Tasks.CountAsync(t => t.ChildId == s.Child && t.Kind == TaskKind.IroDecision)));
        Assert.Equal(emailsBefore + 1, await app.DbAsync(db => db.Outbox.CountAsync(m => m.Subject == "A change to family time needs your decision")));
        Assert.Equal(proposal, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposalId").GetGuid());
    }

    [Fact]
    public async Task In_proceedings_a_major_change_is_a_proposal_and_needs_the_courts_agreement_before_the_notices()
    {
        var s = await AgreedPlanAsync("InterimCareOrder", inProceedings: true);
        var version = await app.DbAsync(db => db.Arrangements.Where(a => a.Id == s.Arrangement).Select(a => a.Version).FirstAsync());
        s.Body["days"] = new[] { "Saturday" };
        s.Body["version"] = version;
        s.Body["change"] = new { reason = "Nadia has started work on Fridays." };
        var accepted = await BodyAsync(await s.Worker.PutAsJsonAsync($"/api/v1/children/{s.Child}/plan/arrangements/{s.Arrangement}", s.Body), HttpStatusCode.Accepted);
        var change = $"/api/v1/children/{s.Child}/changes/{accepted.GetProperty("proposalId").GetGuid()}";
        var proposal = await s.Worker.GetFromJsonAsync<JsonElement>(change);
        Assert.Equal("Frequency", proposal.GetProperty("kinds").GetString());
        Assert.True(proposal.GetProperty("needsCourt").GetBoolean());
        Assert.Contains("Friday", proposal.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Saturday", proposal.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The arrangement stays as agreed, and a second proposal for it waits for this one.
        Assert.Contains(DayOfWeek.Friday, (await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == s.Arrangement))).Days);
        await RefusedAsync(await s.Worker.PostAsJsonAsync($"/api/v1/children/{s.Child}/changes", new { arrangementId = s.Arrangement, reasons = "Another." }), "already under way");

        await BodyAsync(await s.Iro.PostAsJsonAsync($"{change}/iro-decision", new { decision = "AgreedWithoutReview", reasons = "A day's move; no review needed." }), HttpStatusCode.OK);
        await RefusedAsync(await s.Worker.PostAsync($"{change}/notices", null), "record the family court's agreement before sending notices");
        await RefusedAsync(await s.Worker.PostAsync($"{change}/take-effect", null), "the family court's agreement is not recorded");
        await RefusedAsync(await s.Worker.PostAsJsonAsync($"{change}/court", new { agreedOn = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reference = "Order" }), "today or earlier");

        await BodyAsync(await s.Worker.PostAsJsonAsync($"{change}/court", new { agreedOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reference = "Order of HHJ Patel, para 4" }), HttpStatusCode.OK);
        await BodyAsync(await s.Worker.PostAsync($"{change}/notices", null), HttpStatusCode.OK);
        await BodyAsync(await s.Worker.PostAsync($"{change}/take-effect", null), HttpStatusCode.OK);

        var plan = await s.Worker.GetFromJsonAsync<JsonElement>($"/api/v1/children/{s.Child}/plan");
        Assert.Equal(2, plan.GetProperty("agreedVersion").GetInt32());
        Assert.Equal("Order of HHJ Patel, para 4", plan.GetProperty("versions")[0].GetProperty("courtReference").GetString());
        var future = await app.DbAsync(db => db.Sessions.AsNoTracking().Where(x => x.ArrangementId == s.Arrangement && x.Date > Today).ToListAsync());
        Assert.NotEmpty(future);
        Assert.All(future, x => Assert.Equal(DayOfWeek.Saturday, x.Date.DayOfWeek));

        // Parents are told in writing (issue 10, item 3a): agreeing wrote version 1 of each letter, the change version 2.
        var letters = await app.DbAsync(db => db.PlanDocuments.AsNoTracking().Where(d => d.ArrangementId == s.Arrangement).OrderBy(d => d.Number).ToListAsync());
        Assert.Contains(letters, d => d.Number == 1 && d.Occasion == "Version 1 of the plan was agreed");
        Assert.Contains(letters, d => d.Number == 2 && d.Occasion == "A change to family time took effect");
    }

    [Fact]
    public async Task A_convened_review_must_agree_the_change_and_one_that_does_not_closes_it()
    {
        var s = await AgreedPlanAsync("CareOrder", inProceedings: false);
        var changes = $"/api/v1/children/{s.Child}/changes";
        var id = (await BodyAsync(await s.Worker.PostAsJsonAsync(changes, new { arrangementId = s.Arrangement, reasons = "Sessions upset the child." }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await RefusedAsync(await s.Iro.PostAsJsonAsync($"{changes}/{id}/iro-decision", new { decision = "ReviewConvened", reasons = "The child must be heard." }), "Enter the date of the child in care review");
        await BodyAsync(await s.Iro.PostAsJsonAsync($"{changes}/{id}/iro-decision", new { decision = "ReviewConvened", reasons = "The child must be heard.", reviewOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.OK);
        Assert.True(await app.DbAsync(db => db.Tasks.AnyAsync(t => t.ChildId == s.Child && t.Kind == TaskKind.ReviewToHold && t.DoneAt == null)));
        await RefusedAsync(await s.Worker.PostAsync($"{changes}/{id}/notices", null), "record that it agreed the change before sending notices");
        await BodyAsync(await s.Iro.PostAsJsonAsync($"{changes}/{id}/review", new { agreed = false, notes = "The review heard the child: family time continues with more support." }), HttpStatusCode.OK);
        var closed = await s.Worker.GetFromJsonAsync<JsonElement>($"{changes}/{id}");
        Assert.Equal("NotAgreed", closed.GetProperty("stage").GetString());
        await RefusedAsync(await s.Worker.PostAsync($"{changes}/{id}/take-effect", null), "did not agree this change");
        Assert.Null((await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == s.Arrangement))).EndedOn);

        // A new proposal is possible once the last one is closed.
        await BodyAsync(await s.Worker.PostAsJsonAsync(changes, new { arrangementId = s.Arrangement, reasons = "Asked again after the review." }), HttpStatusCode.Created);
    }
}

[Collection("sqlite")]
public sealed class ChangeTestsOnSqlite(SqliteApp app) : ChangeTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ChangeTestsOnPostgres(PostgresApp app) : ChangeTests(app.Factory), IClassFixture<PostgresApp>;
