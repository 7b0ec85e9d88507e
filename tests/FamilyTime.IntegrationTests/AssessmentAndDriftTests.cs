using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Assessments;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Issue 10, items 8, 9, 12 and 22 (part): the assessment before family time beside the plan, a baby's settling and
/// weekly totals, drift and the trend of each person's family time, search by full name and whose work each item is.
/// </summary>
public abstract partial class AssessmentAndDriftTests(FamilyTimeFactory app)
{
    private const string Mum = "Joanne Okonkwo";
    private const string Dad = "Marcus Reid";
    private DateOnly Today => LondonTime.Today(app.Clock);

    private sealed record Family(Guid Child, Guid WithMum, Guid WithDad);

    /// <summary>
    /// A new child of socialworker1's (born on <paramref name="born"/>, in care since 2 November 2026), with weekly
    /// face-to-face family time with Mum (40 minutes away) and Dad (30 minutes away).
    /// </summary>
    private async Task<Family> FamilyAsync(string firstName, string born = "2019-04-12")
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var input = ApiInput.NewChild(household, firstName);
        input["dateOfBirth"] = born;
        var created = await api.PostAsJsonAsync("/api/v1/children", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<Guid> AddAsync(string name, string relationship)
        {
            var person = ApiInput.Mother(name);
            person["relationship"] = relationship;
            var added = await api.PostAsJsonAsync($"/api/v1/children/{child}/people", person);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var mum = await AddAsync(Mum, "Mother");
        var dad = await AddAsync(Dad, "Father");
        var worker = await app.UserIdAsync("socialworker1");
        return await app.DbAsync(async db =>
        {
            var context = (await new PlanContextLoader(db, app.Clock).LoadAsync(child, CancellationToken.None))!;
            var room = context.Rooms.First();
            var plan = ContactPlan.Start(child, context);
            var by = new Signature(worker, "Priya Shah", app.Clock.GetUtcNow().UtcDateTime);
            Guid Weekly(Guid person, DayOfWeek day, int journey)
            {
                var (arrangement, errors) = plan.AddArrangement(new ArrangementDetails
                {
                    PersonIds = [person], Purposes = Purpose.KeyRelationship, Type = ArrangementType.Unsupervised, Form = FamilyTimeForm.FaceToFace,
                    Frequency = FrequencyKind.Weekly, Days = new HashSet<DayOfWeek> { day }, FirstDate = new DateOnly(2026, 11, 3), StartTime = new TimeOnly(10, 0),
                    DurationMinutes = 60, VenueId = room.VenueId, RoomId = room.RoomId, JourneyMinutes = journey, ReviewEveryMonths = 3,
                    ChildsWishes = "Wants to see them",
                }, context, null, by);
                Assert.True(errors.IsValid, string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {e.Value[0]}")));
                return arrangement!.Id;
            }
            var family = new Family(child, Weekly(mum, DayOfWeek.Tuesday, 40), Weekly(dad, DayOfWeek.Thursday, 30));
            db.ContactPlans.Add(plan);
            await db.SaveChangesAsync();
            return family;
        });
    }

    /// <summary>Sessions on the given days from today (negative: past, closed as <paramref name="status"/>).</summary>
    private Task AddSessionsAsync(Guid child, Guid arrangement, SessionStatus status, params int[] days) => app.DbAsync(async db =>
    {
        var worker = await db.Children.Where(c => c.Id == child).Select(c => c.SocialWorkerId).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var sessions = days.Select(d => new FamilyTimeSession(child, arrangement, new SessionSlot(Today.AddDays(d), new TimeOnly(10, 0), 60, null, null, null), worker)).ToList();
        foreach (var s in sessions.Where(s => s.Date <= Today && status != SessionStatus.Planned))
        {
            Assert.True(s.Close(status, status == SessionStatus.TookPlace ? null : "Could not come", worker, now, Today).IsValid);
        }
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync();
        return true;
    });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(await client.GetStringAsync(url));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Answers(string abduction = "No risk: no threats, no history of taking the children.") =>
        AssessmentQuestions.All.Where(q => q.Required).ToDictionary(q => "q-" + q.Key, q => q.Key == "Abduction" ? abduction : $"About {q.Key}");

    [Fact]
    public async Task Assessment_saves_each_change_as_a_new_numbered_version_and_keeps_the_earlier_ones()
    {
        var family = await FamilyAsync("Ada");
        var worker = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{family.Child}/Assessment/Edit";
        var first = await PostFormAsync(worker, url, Answers());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/Children/{family.Child}/Assessment", first.Headers.Location?.OriginalString);

        // The form starts from the newest version; the change is saved as version 2.
        Assert.Contains("No risk: no threats", await worker.GetStringAsync(url));
        var second = await PostFormAsync(worker, url, Answers("Dad said he would take Ada abroad; supervise handovers."));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = await app.DbAsync(db => db.PreContactAssessments.Where(a => a.ChildId == family.Child).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("No risk: no threats, no history of taking the children.", versions[0].Answer("Abduction"));
        Assert.Equal("Dad said he would take Ada abroad; supervise handovers.", versions[1].Answer("Abduction"));
        Assert.All(versions, v => Assert.Equal("Priya Shah", v.SavedByName));
        Assert.Equal(2, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == family.Child && e.RecordType == nameof(AuditRecord.PreContactAssessment) && e.Action == AuditAction.Create)));

        // Either version can be read; the newest is shown by default.
        var page = await worker.GetStringAsync($"/Children/{family.Child}/Assessment");
        Assert.Contains("Version 2, saved by Priya Shah", page);
        Assert.Contains("take Ada abroad", page);
        Assert.Contains("No risk: no threats", await worker.GetStringAsync($"/Children/{family.Child}/Assessment?version=1"));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/Children/{family.Child}/Assessment?version=9")).StatusCode);
    }

    [Fact]
    public async Task Assessment_cannot_be_saved_without_its_required_answers()
    {
        var family = await FamilyAsync("Bea");
        var worker = await app.PagesAsAsync("socialworker1");
        var answers = Answers();
        answers["q-Abduction"] = "";
        answers["q-MentalHealth"] = " ";
        var response = await PostFormAsync(worker, $"/Children/{family.Child}/Assessment/Edit", answers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("href=\"#q-Abduction\"", html);
        Assert.Contains("href=\"#q-MentalHealth\"", html);
        Assert.Contains("id=\"q-Abduction-error\"", html);
        // What was typed is kept on the page again.
        Assert.Contains("About ChildsWishes", html);
        Assert.Equal(0, await app.DbAsync(db => db.PreContactAssessments.CountAsync(a => a.ChildId == family.Child)));
    }

    [Fact]
    public async Task Plan_shows_the_assessment_beside_it_and_the_agree_step_warns_when_there_is_none()
    {
        var family = await FamilyAsync("Cal");
        var worker = await app.PagesAsAsync("socialworker1");
        var plan = await worker.GetStringAsync($"/Children/{family.Child}/Plan");
        Assert.Contains("id=\"assessment-panel\"", plan);
        Assert.Contains("No assessment has been saved yet.", plan);
        Assert.Contains("id=\"assessment-missing-at-agree\"", plan);

        await PostFormAsync(worker, $"/Children/{family.Child}/Assessment/Edit", Answers());
        plan = await worker.GetStringAsync($"/Children/{family.Child}/Plan");
        Assert.DoesNotContain("assessment-missing-at-agree", plan);
        Assert.Matches("id=\"assessment-at-agree\">The plan is agreed beside <a[^>]*>version 1 of the assessment</a>", plan);
        var panel = Regex.Match(plan, "<aside[^>]*id=\"assessment-panel\".*?</aside>", RegexOptions.Singleline).Value;
        foreach (var q in AssessmentQuestions.All.Where(q => q.Required))
        {
            Assert.Contains($"data-question=\"{q.Key}\"", panel);
        }
        Assert.Contains("No risk: no threats", panel);
    }

    [Fact]
    public async Task Assessment_is_written_by_those_who_edit_the_plan_and_read_by_those_who_hold_the_case()
    {
        var family = await FamilyAsync("Dee");
        var worker = await app.PagesAsAsync("socialworker1");
        await PostFormAsync(worker, $"/Children/{family.Child}/Assessment/Edit", Answers());

        // The team manager holds the case and reads it; the child's carer and a parent do not reach it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAsAsync("manager1")).GetAsync($"/Children/{family.Child}/Assessment")).StatusCode);
        var carer = await app.PagesAsAsync("carer1");
        Assert.NotEqual(HttpStatusCode.OK, (await carer.GetAsync($"/Children/{family.Child}/Assessment")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await carer.GetAsync($"/Children/{family.Child}/Assessment/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("parent1")).GetAsync($"/Children/{family.Child}/Assessment")).StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.PreContactAssessments.CountAsync(a => a.ChildId == family.Child)));
    }

    [Fact]
    public async Task Baby_plan_prompts_a_settling_period_and_totals_each_weeks_journeys_and_handovers_across_arrangements()
    {
        // Born in June 2026, in care since 2 November; the first session was the next day.
        var family = await FamilyAsync("Evie", born: "2026-06-01");
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.TookPlace, -14, -7);
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.Planned, 0, 2, 7);
        await AddSessionsAsync(family.Child, family.WithDad, SessionStatus.Planned, 1, 3, 5);
        var html = await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{family.Child}/Plan");
        var weeks = Regex.Match(html, "<section[^>]*id=\"infant-weeks\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("data-prompt=\"Settling\"", weeks);
        // The week of Monday 16 November: Mum on Tuesday and Thursday (40 minutes), Dad on Wednesday, Friday and Sunday (30 minutes).
        var week = Regex.Match(weeks, "<tr[^>]*data-week=\"2026-11-16\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($"data-journey=\"{2 * (40 + 40 + 30 + 30 + 30)}\"", week);
        Assert.Contains("data-handovers=\"10\"", week);
        Assert.Contains("data-prompt=\"Week\"", weeks);
        Assert.Contains("10 handovers (more than 6)", weeks);

        // An older child has no such section.
        var older = await FamilyAsync("Finn");
        Assert.DoesNotContain("id=\"infant-weeks\"", await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{older.Child}/Plan"));
    }

    [Fact]
    public async Task Arrangement_with_no_session_held_for_30_days_shows_on_the_childs_page_the_wellbeing_page_and_the_dashboard()
    {
        var family = await FamilyAsync("Gus");
        // Mum: held 35 days ago, missed since. Dad: held 16 days ago.
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.TookPlace, -35);
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.ParentDidNotAttend, -28, -21, -14, -7);
        await AddSessionsAsync(family.Child, family.WithDad, SessionStatus.TookPlace, -16);
        var worker = await app.PagesAsAsync("socialworker1");

        var child = await worker.GetStringAsync($"/Children/{family.Child}");
        var drift = Regex.Match(child, "<div class=\"govuk-inset-text\" id=\"drift\">.*?</div>", RegexOptions.Singleline).Value;
        Assert.Matches($"data-kind=\"NothingHeldForAMonth\" data-arrangement=\"{family.WithMum}\"", drift);
        Assert.Contains($"No family time with {Mum} has been held for 35 days", drift);
        Assert.Matches($"data-kind=\"NothingHeldForTwoWeeks\" data-arrangement=\"{family.WithDad}\"", drift);

        var wellbeing = await worker.GetStringAsync($"/Children/{family.Child}/Wellbeing");
        Assert.Contains("data-kind=\"NothingHeldForAMonth\"", wellbeing);
        Assert.Contains("data-kind=\"NothingHeldForTwoWeeks\"", wellbeing);

        // The dashboard lists the month-long gap, naming whose work it is; the two-week one stays on the child's page.
        var dashboard = await (await app.PagesAsAsync("manager1")).GetStringAsync("/Dashboard");
        var line = Regex.Match(dashboard, $"<li data-arrangement=\"{family.WithMum}\">.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("nothing held for 35 days", line);
        Assert.Contains("(social worker: Priya Shah)", line);
        Assert.DoesNotContain($"data-arrangement=\"{family.WithDad}\"", dashboard);
    }

    [Fact]
    public async Task Trend_shows_each_persons_sessions_held_month_by_month_since_coming_into_care()
    {
        var family = await FamilyAsync("Hal");
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.TookPlace, -14, -7);
        await AddSessionsAsync(family.Child, family.WithMum, SessionStatus.CancelledByParent, -10);
        await AddSessionsAsync(family.Child, family.WithDad, SessionStatus.TookPlace, -12);
        var html = await (await app.PagesAsAsync("socialworker1")).GetStringAsync($"/Children/{family.Child}/Trend");
        Assert.Equal(2, Regex.Count(html, "<svg[^>]*class=\"app-trend-chart\""));
        var mum = Regex.Match(html, $"<svg[^>]*data-with=\"{Mum}\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("role=\"img\"", mum);
        Assert.Contains("data-month=\"2026-11\" data-held=\"2\"", mum);
        Assert.Matches("<tr[^>]*data-month=\"2026-11\">\\s*<th[^>]*>Nov 2026</th>\\s*<td[^>]*data-held=\"2\">2</td>\\s*<td[^>]*>2</td>\\s*<td[^>]*>1</td>", html);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == family.Child && e.RecordType == "Sessions" && e.Action == AuditAction.View)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAsAsync("parent1")).GetAsync($"/Children/{family.Child}/Trend")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_a_child_by_full_name_as_well_as_by_either_name()
    {
        var family = await FamilyAsync("Tessandra");
        var worker = await app.PagesAsAsync("socialworker1");
        foreach (var search in new[] { "Tessandra Okonkwo-Test", "tessandra okonkwo", "  Tessandra   Okonkwo-Test ", "Tessandra", "Okonkwo-Test" })
        {
            var html = await worker.GetStringAsync($"/Children?search={Uri.EscapeDataString(search)}");
            Assert.Contains($"href=\"/Children/{family.Child}\"", html);
        }
        Assert.DoesNotContain($"href=\"/Children/{family.Child}\"", await worker.GetStringAsync("/Children?search=Tessandra%20Smith"));
    }

    [Fact]
    public async Task Staff_tables_give_each_cell_its_column_name_to_stack_on_a_phone()
    {
        var worker = await app.PagesAsAsync("socialworker1");
        var html = await worker.GetStringAsync("/Children");
        Assert.Contains("app-table--stack", html);
        Assert.DoesNotContain(" app-stack", html);
        Assert.Matches("<td data-label=\"Name\" class=\"govuk-table__cell\" data-sort-value=", html);
        Assert.Contains("data-label=\"Social worker\"", html);
        var dashboard = await (await app.PagesAsAsync("manager1")).GetStringAsync("/Dashboard");
        Assert.Contains("data-label=\"Plans overdue\"", dashboard);
    }
}

[Collection("sqlite")]
public sealed class AssessmentAndDriftTestsOnSqlite(SqliteApp app) : AssessmentAndDriftTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AssessmentAndDriftTestsOnPostgres(PostgresApp app) : AssessmentAndDriftTests(app.Factory), IClassFixture<PostgresApp>;
