using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The plan's legal rules through the API, as a social worker meets them: section 20 and the head of service
/// exception, SGO children, changes during care proceedings, bank holidays and regenerating sessions.
/// </summary>
public abstract class PlanTests(FamilyTimeFactory app)
{
    /// <summary>Today in England by the app's clock.</summary>
    private DateOnly Today => FamilyTime.Web.Infrastructure.LondonTime.Today(app.Clock);

    private async Task<(HttpClient Api, Guid Child)> NewChildAsync(string legalStatus, bool inProceedings)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var body = ApiInput.NewChild(household, "Plan" + Guid.NewGuid().ToString("N")[..6]);
        body["legalStatus"] = legalStatus;
        body["inCareProceedings"] = inProceedings;
        var created = await api.PostAsJsonAsync("/api/v1/children", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (api, id);
    }

    private static async Task<Guid> AddPersonAsync(HttpClient api, Guid child, string relationship, string name)
    {
        var person = ApiInput.Mother(name);
        person["relationship"] = relationship;
        var response = await api.PostAsJsonAsync($"/api/v1/children/{child}/people", person);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<(Guid Venue, Guid Room)> RoomAsync() =>
        app.DbAsync(async db => await db.Rooms.OrderBy(r => r.Name).Select(r => new ValueTuple<Guid, Guid>(r.VenueId, r.Id)).FirstAsync());

    private async Task<Dictionary<string, object?>> ArrangementAsync(Guid person, string type, string frequency = "Weekly", string day = "Friday")
    {
        var (venue, room) = await RoomAsync();
        return ArrangementMusts.With(new Dictionary<string, object?>
        {
            ["personIds"] = new[] { person },
            ["purposes"] = new[] { "ParentingAssessment", "Attachment" },
            ["type"] = type,
            ["reasonForSupervision"] = type is "Supervised" or "Assessed" ? "The court has directed observed family time during the parenting assessment." : null,
            ["form"] = "FaceToFace",
            ["frequency"] = frequency,
            ["days"] = new[] { day },
            ["firstDate"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = room,
            ["reviewEveryMonths"] = 3,
        }, Today);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private Task<List<FamilyTimeSession>> SessionsAsync(Guid child) =>
        app.DbAsync(db => db.Sessions.AsNoTracking().Where(s => s.ChildId == child).OrderBy(s => s.Date).ToListAsync());

    [Fact]
    public async Task Supervised_family_time_under_section_20_is_refused_until_a_head_of_service_records_an_exception()
    {
        var (api, child) = await NewChildAsync("Section20", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Dawn Section");
        var before = await app.DbAsync(db => db.Arrangements.CountAsync(a => a.ChildId == child));

        var refused = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", await ArrangementAsync(mother, "Supervised")), HttpStatusCode.BadRequest);
        var message = refused.GetProperty("errors").GetProperty("type")[0].GetString()!;
        Assert.Contains("section 20", message, StringComparison.Ordinal);
        Assert.Contains("head of service", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.Arrangements.CountAsync(a => a.ChildId == child)));

        // A social worker cannot record the exception themselves.
        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/supervision-exception", new { reason = "Risk of abduction" }), HttpStatusCode.Forbidden);
        var head = await app.ApiAsAsync("headofservice1");
        await BodyAsync(await head.PostAsJsonAsync($"/api/v1/children/{child}/supervision-exception", new { reason = "  " }), HttpStatusCode.BadRequest);
        await BodyAsync(await head.PostAsJsonAsync($"/api/v1/children/{child}/supervision-exception", new { reason = "Father has made threats to remove the child; supervision keeps her safe." }), HttpStatusCode.NoContent);

        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", await ArrangementAsync(mother, "Supervised")), HttpStatusCode.Created);
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/plan");
        var exception = plan.GetProperty("supervisionException");
        var headName = await app.DbAsync(db => db.Users.Where(u => u.UserName == "headofservice1").Select(u => u.DisplayName).FirstAsync());
        Assert.Equal(headName, exception.GetProperty("approvedBy").GetString());
        Assert.Contains("threats", exception.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Supervised", plan.GetProperty("arrangements")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_child_under_a_special_guardianship_order_gets_no_arranged_family_time()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Sam Guardian");
        await app.DbAsync(async db =>
        {
            var c = await db.Children.FirstAsync(x => x.Id == child);
            Assert.True(c.ChangeLegalStatus(new LegalStatusDetails(LegalStatus.SpecialGuardianshipOrder, Today, false), Today).IsValid);
            return await db.SaveChangesAsync();
        });
        var (venue, room) = await RoomAsync();

        var arrangement = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", await ArrangementAsync(mother, "Facilitated")), HttpStatusCode.BadRequest);
        Assert.Contains("special guardianship order", arrangement.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        var session = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/sessions",
            new { date = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), startTime = "10:00", durationMinutes = 60, venueId = venue, roomId = room }), HttpStatusCode.BadRequest);
        Assert.Contains("special guardian arranges family time", session.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);

        Assert.Empty(await SessionsAsync(child));
        Assert.False(await app.DbAsync(db => db.ContactPlans.AnyAsync(p => p.ChildId == child)));
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/plan");
        Assert.Contains("special guardian", plan.GetProperty("notArrangedBecause").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_proceedings_a_change_to_agreed_family_time_needs_the_courts_agreement()
    {
        var (api, child) = await NewChildAsync("InterimCareOrder", inProceedings: true);
        var mother = await AddPersonAsync(api, child, "Mother", "Lee Court");
        var body = await ArrangementAsync(mother, "Supervised");
        var created = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created);
        var arrangement = created.GetProperty("id").GetGuid();
        var agreed = await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        Assert.Equal(1, agreed.GetProperty("versionNumber").GetInt32());
        var version = await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).Select(a => a.Version).FirstAsync());

        // A new start time is not a major change: it is made on the arrangement, with the court's agreement in proceedings.
        body["startTime"] = "11:00";
        body["version"] = version;
        body["change"] = new { reason = "Mum has started a new job on Fridays." };
        var refused = await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}", body), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Contains("family court must agree", errors.GetProperty("courtAgreedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("courtReference", out _));
        var unchanged = await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangement));
        Assert.Equal(version, unchanged.Version);
        Assert.Equal(new TimeOnly(10, 0), unchanged.StartTime);

        body["change"] = new { reason = "Mum has started a new job on Fridays.", courtAgreedOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), courtReference = "Order of HHJ Patel, para 4" };
        await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}", body), HttpStatusCode.OK);
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/plan");
        Assert.Equal(2, plan.GetProperty("agreedVersion").GetInt32());
        var latest = plan.GetProperty("versions")[0];
        Assert.Equal("Order of HHJ Patel, para 4", latest.GetProperty("courtReference").GetString());
        Assert.All(await SessionsAsync(child), s => Assert.Equal(new TimeOnly(11, 0), s.StartTime));
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_answers_409_and_keeps_the_other_change()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Fay Stale");
        var body = await ArrangementAsync(mother, "Facilitated");
        var created = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created);
        var arrangement = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();

        body["version"] = version;
        body["durationMinutes"] = 60;
        await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}", body), HttpStatusCode.OK);
        body["durationMinutes"] = 120;
        var stale = await api.PutAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(60, await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).Select(a => a.DurationMinutes).FirstAsync()));

        // Agreeing twice is refused in words, not with an error page.
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var again = await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.BadRequest);
        Assert.Contains("already agreed", again.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serious_risk_ticked_on_an_arrangement_asks_for_a_full_risk_assessment_before_the_next_session()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Gail Risk");
        var body = await ArrangementAsync(mother, "Supervised");
        body["difficultFactors"] = new[] { "RiskToCarersOrChild", "SubstanceMisuse" };
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        Assert.Equal(2, (await app.DbAsync(db => db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangement))).Factors.Count);

        var wellbeing = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/wellbeing");
        var kinds = wellbeing.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Contains("FullRiskAssessmentNeeded", kinds);
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/plan");
        Assert.Contains("Drug or alcohol misuse", plan.GetProperty("arrangements")[0].GetProperty("factors").GetRawText(), StringComparison.Ordinal);

        body["difficultFactors"] = new[] { "Threats" };
        var bad = await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("difficultFactors", out _));
    }

    [Fact]
    public async Task An_emergency_suspension_marks_its_sessions_and_its_clock_warns_on_day_5_and_escalates_on_day_7()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Hana Pause");
        var body = await ArrangementAsync(mother, "Supervised", day: Today.AddDays(2).DayOfWeek.ToString());
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);

        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Suspend";
        var form = await pages.GetStringAsync(url);
        var empty = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form) }));
        Assert.Contains("Say why family time is suspended", System.Net.WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var started = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
            ["StartedOn.Day"] = Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StartedOn.Month"] = Today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StartedOn.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reasons"] = "Mum arrived intoxicated and threatened the worker.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var suspensionUrl = started.Headers.Location!.OriginalString;

        var sessions = await SessionsAsync(child);
        var window = sessions.Where(s => s.Date >= Today && s.Date <= Today.AddDays(6)).ToList();
        Assert.NotEmpty(window);
        Assert.All(window, s => Assert.Equal(SessionStatus.Suspended, s.Status));
        Assert.All(sessions.Where(s => s.Date > Today.AddDays(6)), s => Assert.Equal(SessionStatus.Planned, s.Status));

        async Task<string> PlanPageAsync() => System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync($"/Children/{child}/Plan"));
        Assert.Contains("Day 1 of 7", await PlanPageAsync(), StringComparison.Ordinal);
        Assert.Contains("Day 1 of 7", System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync($"/Children/{child}")), StringComparison.Ordinal);

        // The clock is read from the dates: moving the start back is the same as the days passing.
        async Task StartedDaysAgoAsync(int days) => await app.DbAsync(db => db.Suspensions.Where(s => s.ChildId == child).ExecuteUpdateAsync(u => u.SetProperty(s => s.StartedOn, Today.AddDays(-days))));
        await StartedDaysAgoAsync(4);
        Assert.Contains("Day 5 of 7: resume family time, or take legal advice", await PlanPageAsync(), StringComparison.Ordinal);
        await StartedDaysAgoAsync(6);
        Assert.Contains("Day 7 of 7: the 7 days are up", await PlanPageAsync(), StringComparison.Ordinal);
        // It escalates to the team manager: their inbox carries the clock.
        var manager = await app.PagesAsAsync("manager1");
        var managerInbox = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync("/Inbox"));
        Assert.Contains("Day 7 of 7: the 7 days are up", managerInbox, StringComparison.Ordinal);
        Assert.Contains("Hana Pause", managerInbox, StringComparison.Ordinal);
        await StartedDaysAgoAsync(12);
        Assert.Contains("Day 13 of 7", await PlanPageAsync(), StringComparison.Ordinal);

        // With the discussions and a section 34(4) application recorded, it no longer escalates.
        var page = await pages.GetStringAsync(suspensionUrl);
        async Task PostAsync(string handler, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(page);
            var r = await pages.PostAsync($"{suspensionUrl}?handler={handler}", new FormUrlEncodedContent(fields));
            Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{handler}: {r.StatusCode}");
            page = await pages.GetStringAsync(suspensionUrl);
        }
        Dictionary<string, string> On(string prefix, DateOnly d) => new()
        {
            [$"{prefix}.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{prefix}.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{prefix}.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await PostAsync("Manager", On("On", Today.AddDays(-11)));
        await PostAsync("Iro", On("On", Today.AddDays(-10)));
        // Section 34(4): the application falls within the suspension's 7 days (it started 12 days ago: day 7 was 6 days ago).
        var application = On("On", Today.AddDays(-6));
        foreach (var (k, v) in On("AdviceOn", Today.AddDays(-7)))
        {
            application[k] = v;
        }
        application["Advice"] = "Apply to refuse family time under section 34(4).";
        application["Reference"] = "NB26C00456";
        await PostAsync("Application", application);
        Assert.DoesNotContain("of 7", await PlanPageAsync(), StringComparison.Ordinal);
        Assert.Contains("NB26C00456", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreeing_needs_every_parent_brother_and_sister_considered()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Amy Consider");
        var father = await AddPersonAsync(api, child, "Father", "Ben Consider");
        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", await ArrangementAsync(mother, "Facilitated")), HttpStatusCode.Created);

        var refused = await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.BadRequest);
        Assert.Contains("Ben Consider", refused.GetProperty("errors").GetProperty("considered")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await SessionsAsync(child));

        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/considerations", new { personId = father, reason = "He has asked for time before family time starts." }), HttpStatusCode.NoContent);
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        Assert.NotEmpty(await SessionsAsync(child));
    }

    [Fact]
    public async Task Sessions_cover_twelve_months_never_fall_on_a_bank_holiday_and_recorded_ones_survive_a_change()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Cara Holiday");
        var body = await ArrangementAsync(mother, "Supervised", day: "Friday");
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);

        var holidays = app.Services.GetRequiredService<BankHolidays>();
        var sessions = await SessionsAsync(child);
        var expected = Enumerable.Range(1, Today.AddMonths(12).DayNumber - Today.DayNumber - 1)
            .Select(Today.AddDays)
            .Where(d => d.DayOfWeek == DayOfWeek.Friday && !holidays.IsHoliday(d))
            .ToList();
        Assert.Equal(expected, sessions.Select(s => s.Date).ToList());
        Assert.DoesNotContain(sessions, s => holidays.IsHoliday(s.Date));
        // Christmas Day 2026 and Good Friday 2027 are both Fridays inside the year: neither has a session.
        Assert.DoesNotContain(sessions, s => s.Date == new DateOnly(2026, 12, 25) || s.Date == new DateOnly(2027, 3, 26));

        // A session that has been written about stays, whatever the plan does next.
        var recorded = sessions[2];
        await app.DbAsync(async db =>
        {
            var s = await db.Sessions.FirstAsync(x => x.Id == recorded.Id);
            s.MarkRecorded(app.Clock.GetUtcNow().UtcDateTime, SessionStatus.TookPlace);
            return await db.SaveChangesAsync();
        });
        body["startTime"] = "11:00";
        body["version"] = await app.DbAsync(db => db.Arrangements.Where(a => a.Id == arrangement).Select(a => a.Version).FirstAsync());
        body["change"] = new { reason = "A later start suits the child's Friday mornings better." };
        var saved = await BodyAsync(await api.PutAsJsonAsync($"/api/v1/children/{child}/plan/arrangements/{arrangement}", body), HttpStatusCode.OK);
        Assert.True(saved.GetProperty("sessionsPlanned").GetInt32() > 40);

        var after = await SessionsAsync(child);
        var kept = Assert.Single(after, s => s.Id == recorded.Id);
        Assert.Equal(recorded.Date, kept.Date);
        Assert.Equal(SessionStatus.TookPlace, kept.Status);
        Assert.Equal(new TimeOnly(10, 0), kept.StartTime);
        Assert.All(after.Where(s => s.Id != recorded.Id), s => Assert.Equal(new TimeOnly(11, 0), s.StartTime));
    }

    [Fact]
    public async Task Twenty_people_saving_the_plans_next_review_at_once_get_no_server_error_and_the_audit_chain_holds()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Rae Race");
        await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", await ArrangementAsync(mother, "Supervised")), HttpStatusCode.Created);
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var url = $"/Children/{child}/Plan?handler=Review";
        var browsers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.PagesAsAsync("socialworker1")));
        var forms = await Task.WhenAll(browsers.Select(b => b.GetStringAsync($"/Children/{child}/Plan")));

        // Each saves a different date, all at once (the same form, two people, a retried POST).
        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(forms[i]),
            ["NextReviewOn.Day"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextReviewOn.Month"] = Today.AddMonths(2).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NextReviewOn.Year"] = Today.AddMonths(2).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        // Every save wrote its entry once, in order: the hash chain has no break.
        var (firstBreak, _) = await app.DbAsync(db => new FamilyTime.Web.Features.Admin.AuditTrail(db).VerifyAsync(CancellationToken.None));
        Assert.Null(firstBreak);
    }

    [Fact]
    public async Task The_parents_letter_says_why_family_time_is_supervised_and_never_where_the_child_lives()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Dee Letter");
        var body = await ArrangementAsync(mother, "Supervised");
        body["whatEndsSession"] = "Talking about the court case";
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var home = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == child)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => new { h.Name, h.Address, h.Postcode }).FirstAsync());

        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var html = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync(url));
        Assert.Contains("Why: The court has directed observed family time during the parenting assessment.", html, StringComparison.Ordinal);
        Assert.Contains("A session may be ended early if: Talking about the court case.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(home.Address, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Postcode, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Name, html, StringComparison.OrdinalIgnoreCase);

        var pdf = await pages.GetAsync(url + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Why: The court has directed observed family time", words, StringComparison.Ordinal);
            Assert.Contains("Dear Dee Letter,", words, StringComparison.Ordinal);
            Assert.DoesNotContain(home.Postcode, words, StringComparison.OrdinalIgnoreCase);
        }

        // Agreeing the plan kept version 1; keeping the letter again stores version 2 with the date it was sent.
        var form = await pages.GetStringAsync(url);
        var sent = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form) }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await app.DbAsync(db => db.PlanDocuments.AsNoTracking().Where(d => d.ArrangementId == arrangement && d.PersonId == mother).OrderByDescending(d => d.Number).FirstAsync());
        Assert.Equal(2, stored.Number);
        Assert.NotNull(stored.SentOn);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(stored.Pdf, 0, 4));
    }

    [Fact]
    public async Task A_letter_that_would_name_the_carers_address_is_not_sent()
    {
        var (api, child) = await NewChildAsync("CareOrder", inProceedings: false);
        var mother = await AddPersonAsync(api, child, "Mother", "Eve Leak");
        var home = await app.DbAsync(db => db.Placements.Where(p => p.ChildId == child)
            .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => h.Id, (p, h) => h.Address).FirstAsync());
        var body = await ArrangementAsync(mother, "Facilitated");
        body["transport"] = "Collected from " + home;
        body["gifts"] = "Bring them to " + home;
        var arrangement = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{child}/Plan/Arrangements/{arrangement}/Letter/{mother}";
        var form = await pages.GetStringAsync(url);
        Assert.Contains("the home’s address", System.Net.WebUtility.HtmlDecode(form).Replace('\'', '’'), StringComparison.Ordinal);
        var sent = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form) }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(await app.DbAsync(db => db.PlanDocuments.AnyAsync(d => d.ArrangementId == arrangement)));
    }

    [Fact]
    public async Task The_plan_is_read_by_case_holders_only_and_out_of_reach_it_does_not_exist()
    {
        var child = await app.DbAsync(db => db.ContactPlans.Where(p => p.AgreedVersion > 0)
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => c)
            .Where(c => db.Users.Any(u => u.Id == c.SocialWorkerId && u.UserName == "socialworker1"))
            .Select(c => c.Id).FirstAsync());
        var own = await app.ApiAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/children/{child}/plan")).StatusCode);

        var otherChild = await app.DbAsync(db => db.Children.Where(c => !db.Users.Any(u => u.Id == c.SocialWorkerId && u.UserName == "socialworker1")
            && !db.Users.Any(u => u.Id == c.IroId && u.UserName == "iro1")).Select(c => c.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/api/v1/children/{otherChild}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.PostAsync($"/api/v1/children/{otherChild}/plan/agree", null)).StatusCode);

        // The carer reaches the child (they live with them) but the plan is for those who hold the case. A carer is a
        // portal user: a route the operations table does not give them answers 404 (it was 403 before one door per child).
        var carerChild = await app.DbAsync(db => db.Placements.Where(p => p.EndDate == null && db.Users.Any(u => u.UserName == "carer1" && u.CarerHouseholdId == p.CarerHouseholdId))
            .Select(p => p.ChildId).FirstAsync());
        var carer = await app.ApiAsAsync("carer1");
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync($"/api/v1/children/{carerChild}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"/api/v1/children/{carerChild}/sessions")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class PlanTestsOnSqlite(SqliteApp app) : PlanTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PlanTestsOnPostgres(PostgresApp app) : PlanTests(app.Factory), IClassFixture<PostgresApp>;
