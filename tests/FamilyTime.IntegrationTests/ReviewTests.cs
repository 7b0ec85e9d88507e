using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Reviews, the Independent Visitor prompt and the managers' dashboard over HTTP, with the application's clock in
/// the test's hands: days pass by moving the clock, and each scheduler turn is run by hand.
/// </summary>
public abstract class ReviewTests(Provider provider)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    private static Dictionary<string, string> DateFields(string prefix, DateOnly? d) => new()
    {
        [$"{prefix}.Day"] = d?.Day.ToString(CultureInfo.InvariantCulture) ?? "",
        [$"{prefix}.Month"] = d?.Month.ToString(CultureInfo.InvariantCulture) ?? "",
        [$"{prefix}.Year"] = d?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A child in care from today, through the API, in a long-term home or not.</summary>
    private static async Task<Guid> NewChildAsync(FamilyTimeFactory app, HttpClient api, string name, bool longTerm = false)
    {
        var today = app.Clock!.Today();
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var body = ApiInput.NewChild(household, name);
        body["legalStatus"] = "CareOrder";
        body["inCareProceedings"] = false;
        body["legalStatusStartDate"] = Iso(today);
        body["placement"] = new Dictionary<string, object?> { ["kind"] = "CarerHousehold", ["carerHouseholdId"] = household, ["startDate"] = Iso(today), ["isLongTerm"] = longTerm };
        return (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Weekly supervised family time with a new mother, agreed; returns the arrangement.</summary>
    private static async Task<Guid> AgreedArrangementAsync(FamilyTimeFactory app, HttpClient api, Guid child, string mother, int reviewEveryMonths, DateOnly nextReviewOn)
    {
        var today = app.Clock!.Today();
        var person = ApiInput.Mother(mother);
        var personId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", person), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (venue, room) = await app.DbAsync(async db => await db.Rooms.OrderBy(r => r.Name).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());
        var body = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { personId },
            ["purposes"] = new[] { "KeyRelationship" },
            ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time during the parenting assessment.",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { today.AddDays(1).DayOfWeek.ToString() },
            ["firstDate"] = Iso(today.AddDays(1)),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = room,
            ["reviewEveryMonths"] = reviewEveryMonths,
            ["nextReviewOn"] = Iso(nextReviewOn),
        };
        ArrangementMusts.With(body, today);
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        return arrangement;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient pages, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await pages.GetStringAsync(url));
        var response = await pages.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, Decoded(await response.Content.ReadAsStringAsync()));
    }

    private static Task<List<WorkTask>> TasksAsync(FamilyTimeFactory app, string keyPrefix) =>
        app.DbAsync(db => db.Tasks.AsNoTracking().Where(t => t.Key.StartsWith(keyPrefix)).ToListAsync());

    [Fact]
    public async Task An_arrangement_review_is_due_soon_14_days_before_then_overdue_its_task_is_added_once_and_completing_it_moves_the_date()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var clock = app.Clock!;
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Rhian");
        var due = clock.Today().AddDays(30);
        var arrangement = await AgreedArrangementAsync(app, api, child, "Hana Review", 3, due);
        var reviewsUrl = $"/Children/{child}/Reviews";

        // 15 days before: not yet due, and the daily check adds nothing.
        clock.Advance(TimeSpan.FromDays(15));
        await app.TickAsync();
        var pages = await app.PagesAsAsync("socialworker1");
        var page = Decoded(await pages.GetStringAsync(reviewsUrl));
        Assert.Contains("Family time with Hana Review", page, StringComparison.Ordinal);
        Assert.Contains("Not yet due", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Due soon", page, StringComparison.Ordinal);
        Assert.Empty(await TasksAsync(app, $"review:{arrangement}:"));

        // 14 days before: due soon, on the reviews page and the child's page, and one task for the social worker.
        clock.Advance(TimeSpan.FromDays(1));
        await app.TickAsync();
        await app.TickAsync();
        pages = await app.PagesAsAsync("socialworker1");
        Assert.Contains("Due soon", Decoded(await pages.GetStringAsync(reviewsUrl)), StringComparison.Ordinal);
        Assert.Contains($"Review of family time with Hana Review is due on {due:d MMMM yyyy}", Decoded(await pages.GetStringAsync($"/Children/{child}")), StringComparison.Ordinal);
        var task = Assert.Single(await TasksAsync(app, $"review:{arrangement}:"));
        Assert.Equal($"review:{arrangement}:{Iso(due)}", task.Key);
        Assert.Equal(TaskKind.ReviewDue, task.Kind);
        Assert.Equal(await app.UserIdAsync("socialworker1"), task.AssigneeId);
        Assert.Equal(due, task.DueOn);
        Assert.StartsWith("Review of family time with Hana Review", task.Title, StringComparison.Ordinal);
        Assert.True(task.IsOpen);

        // The day after its date: overdue, and still one task.
        clock.Advance(TimeSpan.FromDays(15));
        await app.TickAsync();
        pages = await app.PagesAsAsync("socialworker1");
        page = Decoded(await pages.GetStringAsync(reviewsUrl));
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
        Assert.Single(await TasksAsync(app, $"review:{arrangement}:"));

        // Completing it: the form asks for what is missing, then records the outcome and moves the date.
        var formUrl = $"/Children/{child}/Reviews/Complete/{arrangement}";
        var (empty, emptyHtml) = await PostFormAsync(pages, formUrl, DateFields("HeldOn", null).Concat(DateFields("NextReviewOn", null)).ToDictionary());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("There is a problem", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the date the review was held", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Say what the review decided", emptyHtml, StringComparison.Ordinal);
        var today = clock.Today();
        var next = today.AddMonths(3);
        var fields = DateFields("HeldOn", today).Concat(DateFields("NextReviewOn", next)).ToDictionary();
        fields["Outcome"] = "Weekly family time with Mum continues; Rhian asked for the park in summer.";
        fields["ChildTookPart"] = "true";
        fields["SupervisionProgress"] = "Mum arrives on time each week; facilitated family time from the spring.";
        var (done, _) = await PostFormAsync(pages, formUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(reviewsUrl, done.Headers.Location!.OriginalString);

        var review = await app.DbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.ChildId == child));
        Assert.Equal(arrangement, review.ArrangementId);
        Assert.Equal(due, review.DueOn);
        Assert.Equal(today, review.HeldOn);
        Assert.Equal(next, review.NextReviewOn);
        Assert.Equal("Weekly family time with Mum continues; Rhian asked for the park in summer.", review.Outcome);
        Assert.Equal(next, await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).Select(a => a.NextReviewOn).SingleAsync()));
        Assert.False(Assert.Single(await TasksAsync(app, $"review:{arrangement}:")).IsOpen);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "Review" && e.RecordId == review.Id)));
        page = Decoded(await pages.GetStringAsync(reviewsUrl));
        Assert.Contains("Rhian asked for the park in summer", page, StringComparison.Ordinal);
        Assert.Contains(next.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);

        // Someone who reads the case but does not hold it is refused; out of reach the reviews do not exist.
        // (The route's rule answers 403 with the table's reason now, where the page used to redirect to AccessDenied.)
        var readOnly = await (await app.PagesAsAsync("headofservice1")).GetAsync(formUrl);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("contactworker1")).GetAsync(reviewsUrl)).StatusCode);
    }

    [Fact]
    public async Task Review_records_who_took_part_why_the_child_did_not_and_progress_towards_less_supervision()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var today = app.Clock!.Today();
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Nia");
        var arrangement = await AgreedArrangementAsync(app, api, child, "Mair Took", 3, today.AddDays(5));
        var pages = await app.PagesAsAsync("socialworker1");
        var formUrl = $"/Children/{child}/Reviews/Complete/{arrangement}";
        var form = Decoded(await pages.GetStringAsync(formUrl));
        Assert.Contains("Who took part", form, StringComparison.Ordinal);
        Assert.Contains("Family time with Mair Took (supervised)", form, StringComparison.Ordinal);

        var fields = DateFields("HeldOn", today).Concat(DateFields("NextReviewOn", today.AddMonths(3))).ToDictionary();
        fields["Outcome"] = "Weekly family time with Mum continues.";
        fields["CarersTookPart"] = "true";
        var (refused, html) = await PostFormAsync(pages, formUrl, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why the child did not take part", html, StringComparison.Ordinal);
        Assert.Contains("Say what progress has been made towards less supervision", html, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Reviews.AnyAsync(r => r.ChildId == child)));

        fields["ChildNotWhy"] = "Nia was unwell; her social worker saw her the day before and brought her wishes.";
        fields["ParentsTookPart"] = "true";
        fields["Others"] = "the IRO";
        fields["SupervisionProgress"] = "Mair has attended every session; we will look at facilitated family time in March.";
        var (saved, _) = await PostFormAsync(pages, formUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var review = await app.DbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.ChildId == child));
        Assert.Equal((false, true, true, "the IRO"), (review.ChildTookPart, review.CarersTookPart, review.ParentsTookPart, review.OthersTookPart));
        Assert.Equal("Nia was unwell; her social worker saw her the day before and brought her wishes.", review.ChildNotWhy);
        Assert.Equal("Mair has attended every session; we will look at facilitated family time in March.", review.SupervisionProgress);
        var page = Decoded(await pages.GetStringAsync($"/Children/{child}/Reviews"));
        Assert.Contains("the carers, the parents and the IRO", page, StringComparison.Ordinal);
        Assert.Contains("we will look at facilitated family time in March", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The API has the reviews page's content and its two forms: the review due, a review recorded (refused with the
    /// same reasons as the page until it says who took part), and the Independent Visitor decision.
    /// </summary>
    [Fact]
    public async Task The_api_lists_reviews_records_one_and_an_independent_visitor_decision()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var today = app.Clock!.Today();
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Tegan");
        var arrangement = await AgreedArrangementAsync(app, api, child, "Lowri Api", 3, today.AddDays(5));
        var reviews = $"/api/v1/children/{child}/reviews";

        var before = await BodyAsync(await api.GetAsync(reviews), HttpStatusCode.OK);
        var due = before.GetProperty("due").EnumerateArray().Single(d => d.GetProperty("arrangementId").ValueKind == JsonValueKind.String);
        Assert.Equal((arrangement, Iso(today.AddDays(5)), "DueSoon", "Family time with Lowri Api"),
            (due.GetProperty("arrangementId").GetGuid(), due.GetProperty("dueOn").GetString(), due.GetProperty("state").GetString(), due.GetProperty("what").GetString()));
        Assert.Empty(before.GetProperty("past").EnumerateArray());

        var review = new Dictionary<string, object?>
        {
            ["arrangementId"] = arrangement, ["heldOn"] = Iso(today), ["nextReviewOn"] = Iso(today.AddMonths(3)),
            ["outcome"] = "Weekly family time with Mum continues.", ["carersTookPart"] = true,
        };
        var refused = await BodyAsync(await api.PostAsJsonAsync(reviews, review), HttpStatusCode.BadRequest);
        var messages = refused.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.Contains(messages, m => m!.StartsWith("Say why the child did not take part", StringComparison.Ordinal));
        Assert.False(await app.DbAsync(db => db.Reviews.AnyAsync(r => r.ChildId == child)));

        review["childNotWhy"] = "Tegan was at school; her social worker brought her wishes.";
        review["supervisionProgress"] = "Lowri has come every week; facilitated family time is next.";
        var created = await BodyAsync(await api.PostAsJsonAsync(reviews, review), HttpStatusCode.Created);
        var after = await BodyAsync(await api.GetAsync(reviews), HttpStatusCode.OK);
        var past = Assert.Single(after.GetProperty("past").EnumerateArray().ToList());
        Assert.Equal((created.GetProperty("id").GetGuid(), Iso(today), false, true), (past.GetProperty("id").GetGuid(), past.GetProperty("heldOn").GetString(),
            past.GetProperty("childTookPart").GetBoolean(), past.GetProperty("carersTookPart").GetBoolean()));
        Assert.Equal(Iso(today.AddMonths(3)), after.GetProperty("due").EnumerateArray()
            .Single(d => d.GetProperty("arrangementId").ValueKind == JsonValueKind.String).GetProperty("dueOn").GetString());
        await BodyAsync(await api.PostAsJsonAsync(reviews, new { arrangementId = Guid.NewGuid(), heldOn = Iso(today) }), HttpStatusCode.NotFound);

        var ivs = $"/api/v1/children/{child}/independent-visitor-decisions";
        var missing = await BodyAsync(await api.PostAsJsonAsync(ivs, new { reasons = "Not now." }), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("referred", out _), missing.ToString());
        await BodyAsync(await api.PostAsJsonAsync(ivs, new { referred = false, reasons = "Tegan sees her nan every week and does not want a visitor now." }), HttpStatusCode.Created);
        var decision = Assert.Single((await BodyAsync(await api.GetAsync(reviews), HttpStatusCode.OK)).GetProperty("independentVisitorDecisions").EnumerateArray().ToList());
        Assert.Equal((false, Iso(today)), (decision.GetProperty("referred").GetBoolean(), decision.GetProperty("decidedOn").GetString()));

        // Only those who hold the case record reviews: a carer reaches neither.
        var carer = await app.ApiAsAsync("carer1");
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync(reviews)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carer.PostAsJsonAsync(ivs, new { referred = true, reasons = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_care_order_makes_the_plans_review_due_with_a_task_for_the_social_worker()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var clock = app.Clock!;
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var came = clock.Today().AddMonths(-4);
        var body = ApiInput.NewChild(household, "Cerys");
        body["legalStatusStartDate"] = Iso(came);
        body["placement"] = new Dictionary<string, object?> { ["kind"] = "CarerHousehold", ["carerHouseholdId"] = household, ["startDate"] = Iso(came), ["isLongTerm"] = false };
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await AgreedArrangementAsync(app, api, child, "Awen Order", 6, clock.Today().AddMonths(5));
        var planId = await app.DbAsync(db => db.ContactPlans.Where(p => p.ChildId == child).Select(p => p.Id).SingleAsync());
        await app.TickAsync();
        Assert.Empty(await TasksAsync(app, $"review:{planId}:"));

        // The court makes a care order today (interim care order before): the plan's review falls due within 14 days.
        var today = clock.Today();
        await app.DbAsync(async db =>
        {
            var c = await db.Children.SingleAsync(x => x.Id == child);
            Assert.True(c.ChangeLegalStatus(new FamilyTime.Domain.Children.LegalStatusDetails(FamilyTime.Domain.Children.LegalStatus.CareOrder, today, false), today).IsValid);
            return await db.SaveChangesAsync();
        });
        // The daily check runs once a day: the next morning it raises the task.
        clock.Advance(TimeSpan.FromDays(1));
        await app.TickAsync();
        var task = Assert.Single(await TasksAsync(app, $"review:{planId}:"));
        Assert.Equal(today.AddDays(14), task.DueOn);
        Assert.Contains("a care order was made", task.Title, StringComparison.Ordinal);
        var page = Decoded(await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{child}/Reviews"));
        Assert.Contains($"Due because a care order was made on {today:d MMMM yyyy}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_reviews_date_moves_the_daily_check_closes_the_old_task_and_adds_one_for_the_new_date()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var clock = app.Clock!;
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Elin");
        var first = clock.Today().AddDays(10);
        var arrangement = await AgreedArrangementAsync(app, api, child, "Gwen Moved", 3, first);
        await app.TickAsync();
        Assert.Equal($"review:{arrangement}:{Iso(first)}", Assert.Single(await TasksAsync(app, $"review:{arrangement}:")).Key);

        // The plan is changed so the review is a few days later (as an edit of the arrangement would).
        var moved = first.AddDays(3);
        await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).ExecuteUpdateAsync(u => u.SetProperty(a => a.NextReviewOn, moved)));
        clock.Advance(TimeSpan.FromDays(1));
        await app.TickAsync();
        var tasks = await TasksAsync(app, $"review:{arrangement}:");
        Assert.Equal(2, tasks.Count);
        Assert.False(tasks.Single(t => t.DueOn == first).IsOpen);
        Assert.True(tasks.Single(t => t.DueOn == moved).IsOpen);
    }

    [Fact]
    public async Task In_a_long_term_home_a_review_falls_due_within_a_year_and_a_next_date_beyond_12_months_is_refused()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var today = app.Clock!.Today();
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Lowri", longTerm: true);
        var arrangement = await AgreedArrangementAsync(app, api, child, "Ffion Longterm", 12, today.AddMonths(18));
        var pages = await app.PagesAsAsync("socialworker1");

        // The arrangement asked for 18 months; a long-term home brings it to a year after moving in.
        var page = Decoded(await pages.GetStringAsync($"/Children/{child}/Reviews"));
        Assert.Contains(today.AddMonths(12).ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.DoesNotContain(today.AddMonths(18).ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains("Long-term home: reviewed at least once a year", page, StringComparison.Ordinal);

        var formUrl = $"/Children/{child}/Reviews/Complete/{arrangement}";
        var fields = DateFields("HeldOn", today).Concat(DateFields("NextReviewOn", today.AddMonths(12).AddDays(1))).ToDictionary();
        fields["Outcome"] = "Lowri is settled; family time with Mum moves to monthly.";
        var (refused, html) = await PostFormAsync(pages, formUrl, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Family time is reviewed at least once a year: choose a date within 12 months of this review", html, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Reviews.AnyAsync(r => r.ChildId == child)));

        fields = DateFields("HeldOn", today).Concat(DateFields("NextReviewOn", today.AddMonths(12))).ToDictionary();
        fields["Outcome"] = "Lowri is settled; family time with Mum moves to monthly.";
        fields["ChildTookPart"] = "true";
        fields["SupervisionProgress"] = "Supervision continues while the assessment finishes.";
        var (saved, _) = await PostFormAsync(pages, formUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(today.AddMonths(12), await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).Select(a => a.NextReviewOn).SingleAsync()));
    }

    [Fact]
    public async Task The_Independent_Visitor_prompt_appears_when_the_months_without_a_parent_have_passed_and_recording_not_referred_hides_it()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var clock = app.Clock!;
        var cameIntoCare = clock.Today();
        var api = await app.ApiAsAsync("socialworker1");
        var child = await NewChildAsync(app, api, "Cerys");
        var dueSince = cameIntoCare.AddMonths(3);
        const string Prompt = "Consider an Independent Visitor referral";

        // The day before the three months: no prompt, no task.
        clock.Advance((dueSince.AddDays(-1).ToDateTime(TimeOnly.MinValue) - cameIntoCare.ToDateTime(TimeOnly.MinValue)));
        await app.TickAsync();
        var pages = await app.PagesAsAsync("socialworker1");
        Assert.DoesNotContain(Prompt, Decoded(await pages.GetStringAsync($"/Children/{child}")), StringComparison.Ordinal);
        Assert.Empty(await TasksAsync(app, $"iv:{child}:"));

        // The day itself: the prompt on the child's page and one task, however often the check runs.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(dueSince, clock.Today());
        await app.TickAsync();
        await app.TickAsync();
        clock.Advance(TimeSpan.FromDays(1));
        await app.TickAsync();
        pages = await app.PagesAsAsync("socialworker1");
        var childPage = Decoded(await pages.GetStringAsync($"/Children/{child}"));
        Assert.Contains(Prompt, childPage, StringComparison.Ordinal);
        Assert.Contains($"since coming into care on {cameIntoCare:d MMMM yyyy}", childPage, StringComparison.Ordinal);
        var task = Assert.Single(await TasksAsync(app, $"iv:{child}:"));
        Assert.Equal($"iv:{child}:{Iso(dueSince)}", task.Key);
        Assert.Equal(TaskKind.IndependentVisitor, task.Kind);
        Assert.Equal(await app.UserIdAsync("socialworker1"), task.AssigneeId);

        // The decision is recorded either way, with reasons.
        var formUrl = $"/Children/{child}/IndependentVisitor";
        var (empty, emptyHtml) = await PostFormAsync(pages, formUrl, []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Say whether the child is being referred for an Independent Visitor", emptyHtml, StringComparison.Ordinal);
        var (done, _) = await PostFormAsync(pages, formUrl, new() { ["Referred"] = "no", ["Reasons"] = "Cerys sees her grandmother every week and does not want a visitor now." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var decision = await app.DbAsync(db => db.IndependentVisitorDecisions.AsNoTracking().SingleAsync(d => d.ChildId == child));
        Assert.False(decision.Referred);
        Assert.Equal("Cerys sees her grandmother every week and does not want a visitor now.", decision.Reasons);
        Assert.DoesNotContain(Prompt, Decoded(await pages.GetStringAsync($"/Children/{child}")), StringComparison.Ordinal);
        Assert.False(Assert.Single(await TasksAsync(app, $"iv:{child}:")).IsOpen);
        await app.TickAsync();
        Assert.Single(await TasksAsync(app, $"iv:{child}:"));
    }

    [Fact]
    public async Task The_dashboard_counts_a_teams_work_and_a_manager_of_another_team_does_not_see_it()
    {
        await using var app = new FamilyTimeFactory(provider, clock: new FakeTimeProvider(Start));
        var today = app.Clock!.Today();
        var api = await app.ApiAsAsync("socialworker1");
        var worker = await app.UserIdAsync("socialworker1");

        // A team of its own, with its own manager, so every count is known.
        var team = await app.DbAsync(async db =>
        {
            var t = new Team("Riverside family time test team", await db.Teams.Select(x => x.AreaId).FirstAsync());
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var manager = new ApplicationUser { UserName = "riversidemanager", DisplayName = "Rita Riverside", Email = "riversidemanager@example.org", EmailConfirmed = true, TeamId = team };
            Assert.True((await users.CreateAsync(manager, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(manager, Roles.TeamManager)).Succeeded);
        }

        var noPlan = await NewChildAsync(app, api, "Nopla");
        var withPlan = await NewChildAsync(app, api, "Dewi");
        var arrangement = await AgreedArrangementAsync(app, api, withPlan, "Mari Dashboard", 3, today.AddDays(5));
        await app.DbAsync(async db =>
        {
            foreach (var c in await db.Children.Where(c => c.Id == noPlan || c.Id == withPlan).ToListAsync())
            {
                c.Allocate(worker, team, null);
            }
            // Nopla came into care three weeks ago: past the grace in which a plan is due, so overdue (issue 10, item 22).
            await db.Children.Where(c => c.Id == noPlan).ExecuteUpdateAsync(u => u.SetProperty(c => c.CameIntoCareOn, today.AddDays(-21)));
            // Two sessions past their date and never closed off.
            var sessions = await db.Sessions.Where(s => s.ArrangementId == arrangement).OrderBy(s => s.Date).Take(2).Select(s => s.Id).ToListAsync();
            await db.Sessions.Where(s => sessions.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Date, today.AddDays(-3)));
            var (suspension, errors) = Suspension.Start(withPlan, arrangement, today, "Mum arrived intoxicated.", worker, today, anotherRunning: false);
            Assert.True(errors.IsValid);
            db.Suspensions.Add(suspension!);
            var a = await db.Arrangements.SingleAsync(x => x.Id == arrangement);
            var (proposal, proposed) = ChangeProposal.Propose(withPlan, a, ChangeKinds.Ending, null, "End family time with Mari", "Family time has harmed Dewi.", false, new Signature(worker, "Sam", app.Clock!.GetUtcNow().UtcDateTime), false);
            Assert.True(proposed.IsValid);
            db.ChangeProposals.Add(proposal!);
            return await db.SaveChangesAsync();
        });

        var riverside = await app.PagesAsAsync("riversidemanager");
        var dashboard = await riverside.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = Decoded(await dashboard.Content.ReadAsStringAsync());
        string Count(string what) => System.Text.RegularExpressions.Regex.Match(html, $"data-count=\"{what}\"><a[^>]*>(\\d+)<").Groups[1].Value;
        Assert.Equal("1", Count("plans"));
        Assert.Equal("1", Count("reviews"));
        Assert.Equal("2", Count("sessions"));
        Assert.Equal("1", Count("suspended"));
        Assert.Equal("1", Count("iro"));
        Assert.Contains("Nopla Okonkwo-Test", html, StringComparison.Ordinal);
        Assert.Contains("Dewi Okonkwo-Test", html, StringComparison.Ordinal);
        Assert.Contains("Day 1 of 7", html, StringComparison.Ordinal);
        Assert.Contains("End family time with Mari", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard\"", html, StringComparison.Ordinal);

        // Another team's manager sees their own team, not this one; a social worker is refused the page.
        var other = Decoded(await (await app.PagesAsAsync("manager1")).GetStringAsync("/Dashboard"));
        Assert.DoesNotContain("Riverside family time test team", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Dewi Okonkwo-Test", other, StringComparison.Ordinal);
        Assert.DoesNotContain("End family time with Mari", other, StringComparison.Ordinal);
        // The route says who the page is for: other staff get 403 with that reason (it used to redirect to AccessDenied).
        var refused = await (await app.PagesAsAsync("socialworker1")).GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class ReviewTestsOnSqlite() : ReviewTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class ReviewTestsOnPostgres() : ReviewTests(Provider.Postgres);
