using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A suspension's 7-day clock as time passes: the clock is moved day by day, the scheduler turned by hand, and the
/// service restarted in between, as it would be overnight. Each test has its own app, because each moves its clock.
/// </summary>
public abstract class SuspensionJobTests(Provider provider)
{
    // 9am on Monday 23 November 2026 in London (GMT, so UTC too).
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day1 = DateOnly.FromDateTime(Start.UtcDateTime);

    private const string MotherEmail = "hana.pause@example.net";
    private const string FatherPhone = "07700 900123";

    private sealed record Started(Guid Child, Guid Suspension, string ChildFirstName, string Url);

    private FamilyTimeFactory NewApp() => new(provider, clock: new FakeTimeProvider(Start));

    /// <summary>A child placed with carer1's household, a mother with an e-mail and a father with only a phone, and their family time suspended today.</summary>
    private static async Task<Started> SuspendAsync(FamilyTimeFactory app, string legalStatus = "CareOrder")
    {
        var (child, arrangementId, firstName) = await AgreedArrangementAsync(app, legalStatus);
        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangementId}/Suspend";
        var form = await pages.GetStringAsync(url);
        var started = await pages.PostAsync(url, Form(form, new()
        {
            ["StartedOn.Day"] = Day1.Day.ToString(CultureInfo.InvariantCulture),
            ["StartedOn.Month"] = Day1.Month.ToString(CultureInfo.InvariantCulture),
            ["StartedOn.Year"] = Day1.Year.ToString(CultureInfo.InvariantCulture),
            ["Reasons"] = "Mum arrived intoxicated and threatened the worker.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var suspension = await app.DbAsync(db => db.Suspensions.Where(s => s.ChildId == child).Select(s => s.Id).SingleAsync());
        return new Started(child, suspension, firstName, started.Headers.Location!.OriginalString);
    }

    /// <summary>The child, with weekly family time with both parents agreed from tomorrow.</summary>
    private static async Task<(Guid Child, Guid Arrangement, string FirstName)> AgreedArrangementAsync(FamilyTimeFactory app, string legalStatus)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var firstName = "Susp" + Guid.NewGuid().ToString("N")[..6];
        var body = ApiInput.NewChild(household, firstName);
        body["legalStatus"] = legalStatus;
        body["inCareProceedings"] = false;
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = ApiInput.Mother("Hana Pause");
        mother["email"] = MotherEmail;
        mother["phone"] = null;
        var father = ApiInput.Mother("Tomas Pause");
        father["relationship"] = "Father";
        father["phone"] = FatherPhone;
        var motherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", mother), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var fatherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", father), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (venue, room) = await app.DbAsync(async db => await db.Rooms.OrderBy(r => r.Name).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());
        var arrangement = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { motherId, fatherId },
            ["purposes"] = new[] { "Attachment" },
            // Under section 20 family time is not supervised (no head of service's exception here).
            ["type"] = legalStatus == "Section20" ? "Unsupervised" : "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time during the parenting assessment.",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { Day1.AddDays(2).DayOfWeek.ToString() },
            ["firstDate"] = Day1.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = room,
            ["reviewEveryMonths"] = 3,
        };
        ArrangementMusts.With(arrangement, Day1);
        var arrangementId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", arrangement), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        return (child, arrangementId, firstName);
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static Task<List<WorkTask>> TasksAsync(FamilyTimeFactory app, Guid suspension) =>
        app.DbAsync(db => db.Tasks.AsNoTracking().Where(t => t.Key.StartsWith($"suspension:{suspension}:")).ToListAsync());

    private static Task<List<OutboxMessage>> OutboxAsync(FamilyTimeFactory app, Guid suspension) =>
        app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"suspension:{suspension}:")).ToListAsync());

    /// <summary>Moves the clock to the morning of the given day of the suspension (day 1 is the start).</summary>
    private static void MoveTo(FamilyTimeFactory app, int day) => app.Clock!.SetUtcNow(Start.AddDays(day - 1));

    /// <summary>
    /// The API takes a suspension through as the pages do: started (a second one for the same arrangement refused),
    /// discussed with the team manager and the IRO, resumed on day 3; each step answers the suspension and its clock.
    /// </summary>
    [Fact]
    public async Task The_api_starts_discusses_and_resumes_a_suspension_with_its_clock()
    {
        var app = NewApp();
        try
        {
            var (child, arrangement, _) = await AgreedArrangementAsync(app, "CareOrder");
            var api = await app.ApiAsAsync("socialworker1");
            var suspensions = $"/api/v1/children/{child}/suspensions";
            var day1 = Day1.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            var missing = await BodyAsync(await api.PostAsJsonAsync(suspensions, new { startOn = day1, reasons = "Mum arrived intoxicated." }), HttpStatusCode.BadRequest);
            Assert.True(missing.GetProperty("errors").TryGetProperty("arrangementId", out _), missing.ToString());
            // The use case's field errors are named as the request names them.
            var undated = await BodyAsync(await api.PostAsJsonAsync(suspensions, new { arrangementId = arrangement, reasons = "Mum arrived intoxicated." }), HttpStatusCode.BadRequest);
            Assert.Equal(["startOn"], undated.GetProperty("errors").EnumerateObject().Select(e => e.Name));

            var response = await api.PostAsJsonAsync(suspensions, new { arrangementId = arrangement, startOn = day1, reasons = "Mum arrived intoxicated and threatened the worker." });
            var started = await BodyAsync(response, HttpStatusCode.Created);
            var id = started.GetProperty("id").GetGuid();
            Assert.Equal($"{suspensions}/{id}", response.Headers.Location!.OriginalString);
            Assert.Equal(("Running", 1, "Section34Application", day1), (started.GetProperty("stage").GetString(), started.GetProperty("day").GetInt32(),
                started.GetProperty("route").GetString(), started.GetProperty("startedOn").GetString()));
            Assert.Equal(Day1.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), started.GetProperty("lastDay").GetString());
            Assert.Equal(arrangement, started.GetProperty("arrangementId").GetGuid());
            var suspended = await app.DbAsync(db => db.Sessions.CountAsync(s => s.ArrangementId == arrangement && s.Status == Domain.Sessions.SessionStatus.Suspended));
            Assert.True(suspended > 0, "the sessions in the 7 days are suspended");

            await RefusedAsync(await api.PostAsJsonAsync(suspensions, new { arrangementId = arrangement, startOn = day1, reasons = "Again." }), "already suspended");
            await RefusedAsync(await api.PostAsJsonAsync($"{suspensions}/{id}/discussions", new { with = "Neighbour", on = day1 }), "Use one of: TeamManager, Iro");

            var discussed = await BodyAsync(await api.PostAsJsonAsync($"{suspensions}/{id}/discussions", new { with = "TeamManager", on = day1 }), HttpStatusCode.OK);
            Assert.Equal(day1, discussed.GetProperty("managerDiscussedOn").GetString());
            Assert.Equal(JsonValueKind.Null, discussed.GetProperty("iroDiscussedOn").ValueKind);
            MoveTo(app, 3);
            // Two days on, the hour-long token has expired: sign in again, as a client would.
            api = await app.ApiAsAsync("socialworker1");
            var day3 = Day1.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            discussed = await BodyAsync(await api.PostAsJsonAsync($"{suspensions}/{id}/discussions", new { with = "Iro", on = day3 }), HttpStatusCode.OK);
            Assert.Equal((day3, 3), (discussed.GetProperty("iroDiscussedOn").GetString(), discussed.GetProperty("day").GetInt32()));

            var notWhen = await BodyAsync(await api.PostAsJsonAsync($"{suspensions}/{id}/resume", new { }), HttpStatusCode.BadRequest);
            Assert.Equal(["on"], notWhen.GetProperty("errors").EnumerateObject().Select(e => e.Name));
            var resumed = await BodyAsync(await api.PostAsJsonAsync($"{suspensions}/{id}/resume", new { on = day3 }), HttpStatusCode.OK);
            Assert.Equal(("Resumed", day3), (resumed.GetProperty("stage").GetString(), resumed.GetProperty("resumedOn").GetString()));
            Assert.All(await TasksAsync(app, id), t => Assert.NotNull(t.DoneAt));

            var list = await BodyAsync(await api.GetAsync(suspensions), HttpStatusCode.OK);
            Assert.Equal(id, Assert.Single(list.EnumerateArray().ToList()).GetProperty("id").GetGuid());
            Assert.Equal("Resumed", (await BodyAsync(await api.GetAsync($"{suspensions}/{id}"), HttpStatusCode.OK)).GetProperty("stage").GetString());
            await BodyAsync(await api.GetAsync($"{suspensions}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
            // A carer holds no case: the child's suspensions are out of their reach, as the pages are.
            await BodyAsync(await (await app.ApiAsAsync("carer1")).GetAsync(suspensions), HttpStatusCode.NotFound);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task RefusedAsync(HttpResponseMessage response, string says)
    {
        var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.True(messages.Any(m => m!.Contains(says, StringComparison.Ordinal)), $"expected a message containing '{says}', got: {string.Join(" | ", messages)}");
    }

    [Fact]
    public async Task Day_5_warns_the_social_worker_and_day_7_escalates_to_the_team_manager_once_across_a_restart()
    {
        var app = NewApp();
        try
        {
            var s = await SuspendAsync(app);
            var socialWorker = await app.UserIdAsync("socialworker1");
            var manager = await app.UserIdAsync("manager1");
            var jobs = await app.DbAsync(db => db.ScheduledJobs.AsNoTracking().Where(j => j.SubjectId == s.Suspension).OrderBy(j => j.DueAt).ToListAsync());
            Assert.Equal(new[] { $"suspension:{s.Suspension}:day5", $"suspension:{s.Suspension}:day7" }, jobs.Select(j => j.Key));
            Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), jobs[0].DueAt);
            Assert.Equal(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc), jobs[1].DueAt);
            var discuss = Assert.Single(await TasksAsync(app, s.Suspension));
            Assert.Equal((socialWorker, "Record the discussions with the team manager and the IRO", s.Url), (discuss.AssigneeId, discuss.Title, discuss.Link));

            // Day 4: nothing falls due yet.
            MoveTo(app, 4);
            await app.TickAsync();
            Assert.Single(await TasksAsync(app, s.Suspension));

            MoveTo(app, 5);
            await app.TickAsync();
            var warning = Assert.Single(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionWarning && t.Key.EndsWith(":day5", StringComparison.Ordinal));
            Assert.Equal((socialWorker, "Day 5 of 7: resume family time, or take legal advice and apply under section 34(4)", (DateOnly?)Day1.AddDays(6)), (warning.AssigneeId, warning.Title, warning.DueOn));
            Assert.DoesNotContain(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionEscalated);
            var warningEmail = Assert.Single(await OutboxAsync(app, s.Suspension), m => m.Key.EndsWith(":day5", StringComparison.Ordinal));
            Assert.Equal("socialworker1@example.org", warningEmail.To);
            var sw = await app.PagesAsAsync("socialworker1");
            Assert.Contains("Day 5 of 7: resume family time, or take legal advice", WebUtility.HtmlDecode(await sw.GetStringAsync($"/Children/{s.Child}")), StringComparison.Ordinal);
            var swInbox = WebUtility.HtmlDecode(await sw.GetStringAsync("/Inbox"));
            Assert.Contains("Your tasks", swInbox, StringComparison.Ordinal);
            Assert.Contains("Day 5 of 7: resume family time, or take legal advice and apply under section 34(4)", swInbox, StringComparison.Ordinal);
            Assert.Contains("Record the discussions with the team manager and the IRO", swInbox, StringComparison.Ordinal);

            // The service restarts overnight; the day-7 job is a row, so the new process runs it.
            var next = app.Restart();
            await app.DisposeAsync();
            app = next;
            MoveTo(app, 7);
            await app.TickAsync();
            await app.TickAsync();
            var escalated = Assert.Single(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionEscalated);
            Assert.Equal((manager, s.Url, (DateOnly?)Day1.AddDays(6)), (escalated.AssigneeId, escalated.Link, escalated.DueOn));
            var escalation = Assert.Single(await OutboxAsync(app, s.Suspension), m => m.Key.Contains(":day7:", StringComparison.Ordinal));
            Assert.Equal(("manager1@example.org", Channel.Email), (escalation.To, escalation.Channel));
            Assert.DoesNotContain(s.ChildFirstName, escalation.Body, StringComparison.Ordinal);
            Assert.Equal(DeliveryStatus.KeptInOutbox, escalation.Status);
            Assert.All(await app.DbAsync(db => db.ScheduledJobs.AsNoTracking().Where(j => j.SubjectId == s.Suspension).ToListAsync()), j => Assert.Equal(JobStatus.Done, j.Status));

            // The manager's inbox lists it, with the child's name and a link to the suspension.
            var managerPages = await app.PagesAsAsync("manager1");
            var inbox = await managerPages.GetStringAsync("/Inbox");
            var text = WebUtility.HtmlDecode(inbox);
            Assert.Contains("Your tasks", text, StringComparison.Ordinal);
            Assert.Contains("Day 7 of 7: suspended family time needs your decision today", text, StringComparison.Ordinal);
            Assert.Contains($"{s.ChildFirstName} Okonkwo-Test", text, StringComparison.Ordinal);
            Assert.Contains($"href=\"{s.Url}\"", inbox, StringComparison.Ordinal);

            // Another restart and another turn still make one task and one e-mail.
            next = app.Restart();
            await app.DisposeAsync();
            app = next;
            await app.TickAsync();
            Assert.Single(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionEscalated);
            Assert.Single(await OutboxAsync(app, s.Suspension), m => m.Key.Contains(":day7:", StringComparison.Ordinal));

            // Only the assignee can tick a task off: the social worker cannot mark the manager's task done.
            var swAgain = await app.PagesAsAsync("socialworker1");
            var swPage = await swAgain.GetStringAsync("/Inbox");
            var refused = await swAgain.PostAsync($"/Inbox?handler=Done&taskId={escalated.Id}", Form(swPage, new()));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            managerPages = await app.PagesAsAsync("manager1");
            inbox = await managerPages.GetStringAsync("/Inbox");
            var done = await managerPages.PostAsync($"/Inbox?handler=Done&taskId={escalated.Id}", Form(inbox, new()));
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            var after = WebUtility.HtmlDecode(await managerPages.GetStringAsync("/Inbox"));
            Assert.Contains("Marked as done: Day 7 of 7", after, StringComparison.Ordinal);
            Assert.Contains($"taskId={escalated.Id}", inbox, StringComparison.Ordinal);
            Assert.DoesNotContain($"taskId={escalated.Id}", after, StringComparison.Ordinal);
            var ticked = Assert.Single(await TasksAsync(app, s.Suspension), t => t.Id == escalated.Id);
            Assert.Equal((manager, (DateTime?)Start.AddDays(6).UtcDateTime), (ticked.DoneById, ticked.DoneAt));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_section_34_4_application_before_day_7_stops_the_escalation_and_closes_the_suspension_tasks()
    {
        await using var app = NewApp();
        var s = await SuspendAsync(app);

        // The safety net puts back jobs that are missing, as for suspensions started before the jobs existed.
        await app.DbAsync(db => db.ScheduledJobs.Where(j => j.SubjectId == s.Suspension).ExecuteDeleteAsync());
        await app.TickAsync();
        Assert.Equal(2, await app.DbAsync(db => db.ScheduledJobs.CountAsync(j => j.SubjectId == s.Suspension && j.Status == JobStatus.Pending)));

        MoveTo(app, 5);
        await app.TickAsync();
        Assert.Equal(2, (await TasksAsync(app, s.Suspension)).Count(t => t.IsOpen));

        var pages = await app.PagesAsAsync("socialworker1");
        var page = await pages.GetStringAsync(s.Url);
        async Task PostAsync(string handler, Dictionary<string, string> fields)
        {
            var r = await pages.PostAsync($"{s.Url}?handler={handler}", Form(page, fields));
            Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{handler}: {r.StatusCode}");
            page = await pages.GetStringAsync(s.Url);
        }
        Dictionary<string, string> On(string prefix, DateOnly d) => new()
        {
            [$"{prefix}.Day"] = d.Day.ToString(CultureInfo.InvariantCulture),
            [$"{prefix}.Month"] = d.Month.ToString(CultureInfo.InvariantCulture),
            [$"{prefix}.Year"] = d.Year.ToString(CultureInfo.InvariantCulture),
        };
        await PostAsync("Manager", On("On", Day1.AddDays(1)));
        Assert.True((await TasksAsync(app, s.Suspension)).Single(t => t.Key.EndsWith(":discuss", StringComparison.Ordinal)).IsOpen);
        await PostAsync("Iro", On("On", Day1.AddDays(2)));
        Assert.False((await TasksAsync(app, s.Suspension)).Single(t => t.Key.EndsWith(":discuss", StringComparison.Ordinal)).IsOpen);
        var application = On("On", Day1.AddDays(4));
        foreach (var (k, v) in On("AdviceOn", Day1.AddDays(3)))
        {
            application[k] = v;
        }
        application["Advice"] = "Apply to refuse family time under section 34(4).";
        application["Reference"] = "NB26C00789";
        await PostAsync("Application", application);
        Assert.All(await TasksAsync(app, s.Suspension), t => Assert.False(t.IsOpen));

        MoveTo(app, 7);
        await app.TickAsync();
        Assert.DoesNotContain(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionEscalated);
        Assert.DoesNotContain(await OutboxAsync(app, s.Suspension), m => m.Key.Contains(":day7", StringComparison.Ordinal));
        Assert.Equal(JobStatus.Done, await app.DbAsync(db => db.ScheduledJobs.Where(j => j.Key == $"suspension:{s.Suspension}:day7").Select(j => j.Status).SingleAsync()));
        var managerInbox = WebUtility.HtmlDecode(await (await app.PagesAsAsync("manager1")).GetStringAsync("/Inbox"));
        // The demo's own suspension may escalate on the same day; nothing in the inbox points at this one.
        Assert.DoesNotContain($"/Suspensions/{s.Suspension}", managerInbox, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> On(string prefix, DateOnly d) => new()
    {
        [$"{prefix}.Day"] = d.Day.ToString(CultureInfo.InvariantCulture),
        [$"{prefix}.Month"] = d.Month.ToString(CultureInfo.InvariantCulture),
        [$"{prefix}.Year"] = d.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Records both discussions (on day 1) through the page, as the social worker does.</summary>
    private static async Task DiscussedAsync(FamilyTimeFactory app, Started s)
    {
        var pages = await app.PagesAsAsync("socialworker1");
        foreach (var handler in new[] { "Manager", "Iro" })
        {
            var r = await pages.PostAsync($"{s.Url}?handler={handler}", Form(await pages.GetStringAsync(s.Url), On("On", Day1)));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
    }

    private static Dictionary<string, string> Application(DateOnly adviceOn, DateOnly appliedOn)
    {
        var fields = On("On", appliedOn);
        foreach (var (k, v) in On("AdviceOn", adviceOn))
        {
            fields[k] = v;
        }
        fields["Advice"] = "Apply to refuse family time under section 34(4).";
        fields["Reference"] = "NB26C00790";
        return fields;
    }

    [Fact]
    public async Task Section_34_application_dated_day_12_is_refused_as_outside_the_7_days()
    {
        await using var app = NewApp();
        var s = await SuspendAsync(app);
        await DiscussedAsync(app, s);
        MoveTo(app, 12);
        var pages = await app.PagesAsAsync("socialworker1");
        var refused = await pages.PostAsync($"{s.Url}?handler=Application", Form(await pages.GetStringAsync(s.Url), Application(Day1.AddDays(10), Day1.AddDays(11))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must fall within the suspension&#x27;s 7 days", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.DbAsync(db => db.Suspensions.Where(x => x.Id == s.Suspension).Select(x => x.ApplicationMadeOn).SingleAsync()));
    }

    [Fact]
    public async Task Section_34_application_is_refused_for_a_section_20_child_and_the_clock_asks_for_what_applies()
    {
        await using var app = NewApp();
        var s = await SuspendAsync(app, "Section20");
        await DiscussedAsync(app, s);
        MoveTo(app, 5);
        await app.TickAsync();
        var pages = await app.PagesAsAsync("socialworker1");
        var warning = Assert.Single(await TasksAsync(app, s.Suspension), t => t.Key.EndsWith(":day5", StringComparison.Ordinal));
        Assert.DoesNotContain("34(4)", warning.Title.Replace("there is no section 34(4) application", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("change the plan through the IRO with the parents' agreement", warning.Title, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await pages.GetStringAsync(s.Url));
        Assert.Contains("Day 5 of 7: resume family time, or change the plan through the IRO with the parents' agreement", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Application", page, StringComparison.Ordinal);

        // Posted anyway (an old form, a crafted request): refused with what applies instead.
        var refused = await pages.PostAsync($"{s.Url}?handler=Application", Form(await pages.GetStringAsync(s.Url), Application(Day1.AddDays(3), Day1.AddDays(4))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Section 34 does not apply", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await app.DbAsync(db => db.Suspensions.Where(x => x.Id == s.Suspension).Select(x => x.ApplicationMadeOn).SingleAsync()));

        // What does apply: the parents' agreement while the plan changes through the IRO; the suspension's tasks are done.
        var agreement = On("AgreedOn", Day1.AddDays(4));
        agreement["Agreement"] = "Hana and Tomas agree family time stays paused while the IRO considers the change.";
        var agreed = await pages.PostAsync($"{s.Url}?handler=PlanChange", Form(await pages.GetStringAsync(s.Url), agreement));
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.All(await TasksAsync(app, s.Suspension), t => Assert.False(t.IsOpen));
        MoveTo(app, 7);
        await app.TickAsync();
        Assert.DoesNotContain(await TasksAsync(app, s.Suspension), t => t.Kind == TaskKind.SuspensionEscalated);
    }

    [Fact]
    public async Task Family_time_resumed_on_day_3_closes_the_tasks_and_neither_job_adds_anything()
    {
        await using var app = NewApp();
        var s = await SuspendAsync(app);
        MoveTo(app, 3);
        var pages = await app.PagesAsAsync("socialworker1");
        var page = await pages.GetStringAsync(s.Url);
        var resumed = await pages.PostAsync($"{s.Url}?handler=Resume", Form(page, new()
        {
            ["On.Day"] = "25",
            ["On.Month"] = "11",
            ["On.Year"] = "2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        var discuss = Assert.Single(await TasksAsync(app, s.Suspension));
        Assert.False(discuss.IsOpen);

        foreach (var day in new[] { 5, 7 })
        {
            MoveTo(app, day);
            await app.TickAsync();
        }
        Assert.Single(await TasksAsync(app, s.Suspension));
        Assert.DoesNotContain(await OutboxAsync(app, s.Suspension), m => m.Key.Contains(":day", StringComparison.Ordinal));
        Assert.All(await app.DbAsync(db => db.ScheduledJobs.AsNoTracking().Where(j => j.SubjectId == s.Suspension).ToListAsync()), j => Assert.Equal(JobStatus.Done, j.Status));
    }

    [Fact]
    public async Task Carers_and_family_are_told_at_the_start_and_a_parent_hears_nothing_about_the_carers()
    {
        await using var app = NewApp();
        var s = await SuspendAsync(app);
        var carer = await app.DbAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == "carer1").Select(u => new { u.Id, u.Email }).SingleAsync());
        var home = await app.DbAsync(db => db.CarerHouseholds.AsNoTracking().Where(h => db.Users.Any(u => u.UserName == "carer1" && u.CarerHouseholdId == h.Id)).SingleAsync());
        var messages = await OutboxAsync(app, s.Suspension);
        var people = await app.DbAsync(db => db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == s.Child).ToDictionaryAsync(p => p.FullName, p => p.Id));

        var toCarer = Assert.Single(messages, m => m.Key == $"suspension:{s.Suspension}:tell:{carer.Id}");
        Assert.Equal((Channel.Email, carer.Email), (toCarer.Channel, toCarer.To));
        Assert.Contains($"Family time between {s.ChildFirstName} and Hana Pause and Tomas Pause is suspended from 23 November 2026", toCarer.Body, StringComparison.Ordinal);
        Assert.Contains("will be in touch", toCarer.Body, StringComparison.Ordinal);

        var toMother = Assert.Single(messages, m => m.Key == $"suspension:{s.Suspension}:tell:{people["Hana Pause"]}");
        Assert.Equal((Channel.Email, MotherEmail), (toMother.Channel, toMother.To));
        Assert.Contains($"Family time with {s.ChildFirstName} is suspended from 23 November 2026", toMother.Body, StringComparison.Ordinal);
        Assert.Contains("If you have questions, contact", toMother.Body, StringComparison.Ordinal);
        Assert.Contains("socialworker1@example.org", toMother.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { home.Name, home.Address, home.Postcode, "Whitfield", "intoxicated" })
        {
            Assert.DoesNotContain(secret, toMother.Body + toMother.Subject, StringComparison.OrdinalIgnoreCase);
        }

        var toFather = Assert.Single(messages, m => m.Key == $"suspension:{s.Suspension}:tell:{people["Tomas Pause"]}");
        Assert.Equal((Channel.Sms, FatherPhone), (toFather.Channel, toFather.To));
        Assert.Equal("FamilyTime: there is a change to your family time. Please contact your social worker.", toFather.Body);
        Assert.DoesNotContain(s.ChildFirstName, toFather.Body, StringComparison.Ordinal);
        // With no e-mail address the father also gets the letter to post, kept in the outbox to print.
        var letter = Assert.Single(messages, m => m.Key == $"suspension:{s.Suspension}:tell:{people["Tomas Pause"]}:post");
        Assert.Equal(Channel.Post, letter.Channel);
        Assert.Contains($"Family time with {s.ChildFirstName} is suspended from 23 November 2026", letter.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { home.Name, home.Address, home.Postcode, "intoxicated" })
        {
            Assert.DoesNotContain(secret, letter.Body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(4, messages.Count);

        // Delivered at the next turn of the scheduler (kept in the outbox, with no mail server configured).
        await app.TickAsync();
        Assert.All(await OutboxAsync(app, s.Suspension), m => Assert.Equal(DeliveryStatus.KeptInOutbox, m.Status));
    }
}

[Collection("sqlite")]
public sealed class SuspensionJobTestsOnSqlite() : SuspensionJobTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class SuspensionJobTestsOnPostgres() : SuspensionJobTests(Provider.Postgres);
