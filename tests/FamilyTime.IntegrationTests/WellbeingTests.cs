using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Before and after: the carer rates how the child was around each session, the child's page charts it per person,
/// and repeated distress after one person's sessions prompts a review.
/// </summary>
public abstract partial class WellbeingTests(FamilyTimeFactory app)
{
    private const string Mum = "Joanne Okonkwo";
    private const string Dad = "Marcus Reid";
    /// <summary>Today in England by the app's clock.</summary>
    private DateOnly Today => LondonTime.Today(app.Clock);

    private sealed record Family(Guid Child, Guid WithMum, Guid WithDad);

    /// <summary>A new child living with carer1's household, with letters arrangements for Mum and for Dad.</summary>
    private async Task<Family> FamilyAsync(string firstName)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var created = await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, firstName));
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
            var plan = ContactPlan.Start(child, context);
            var by = new Signature(worker, "Priya Shah", app.Clock.GetUtcNow().UtcDateTime);
            Guid Letters(Guid person)
            {
                var (arrangement, errors) = plan.AddArrangement(new ArrangementDetails
                {
                    PersonIds = [person], Purposes = Purpose.Identity, Type = ArrangementType.Unsupervised, Form = FamilyTimeForm.Letter, ReviewEveryMonths = 6, ChildsWishes = ArrangementMusts.Wishes,
                }, context, null, by);
                Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
                return arrangement!.Id;
            }
            var family = new Family(child, Letters(mum), Letters(dad));
            db.ContactPlans.Add(plan);
            await db.SaveChangesAsync();
            return family;
        });
    }

    /// <summary>Sessions that took place the given number of days ago (or are still to come, for a negative number).</summary>
    private Task<List<Guid>> SessionsAsync(Guid child, Guid arrangement, params int[] daysAgo) => app.DbAsync(async db =>
    {
        var worker = await db.Children.Where(c => c.Id == child).Select(c => c.SocialWorkerId).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var sessions = daysAgo.Select(d => new FamilyTimeSession(child, arrangement, new SessionSlot(Today.AddDays(-d), new TimeOnly(10, 0), 90, null, null, null), worker)).ToList();
        foreach (var s in sessions.Where(s => s.Date <= Today))
        {
            Assert.True(s.Close(SessionStatus.TookPlace, null, worker, now, Today).IsValid);
        }
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync();
        return sessions.Select(s => s.Id).ToList();
    });

    private static string Url(Guid child, Guid session) => $"/Children/{child}/Sessions/{session}/Wellbeing";

    /// <summary>The form as the carer fills it in: every area settled except mood, which carries <paramref name="highest"/>.</summary>
    private static Dictionary<string, string> Form(string? moment, int highest, string? words = null)
    {
        var form = CarerObservation.Areas.ToDictionary(a => $"Input.{a}", a => a == "Mood" ? highest.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
        if (moment is not null)
        {
            form["Input.Moment"] = moment;
        }
        if (words is not null)
        {
            form["Input.Words"] = words;
        }
        return form;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => FamilyTimeFactory.AntiforgeryToken(await client.GetStringAsync(url));

    private static async Task RecordAsync(HttpClient client, Guid child, Guid session, string moment, int highest, string? words = null)
    {
        var url = Url(child, session);
        var response = await PostAsync(client, await TokenAsync(client, url), url, Form(moment, highest, words));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"recording {moment} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"/Children/{child}/Wellbeing", response.Headers.Location?.OriginalString);
    }

    private static string Chart(string html, string with)
    {
        var m = Regex.Match(html, $"<svg[^>]*class=\"app-wellbeing-chart\"[^>]*data-with=\"{Regex.Escape(with)}\".*?</svg>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no chart for {with}");
        return m.Value;
    }

    private static string Table(string html, string with)
    {
        var section = Regex.Match(html, $"<section[^>]*data-with=\"{Regex.Escape(with)}\".*?</section>", RegexOptions.Singleline);
        Assert.True(section.Success, $"no section for {with}");
        return Regex.Match(section.Value, "<table.*?</table>", RegexOptions.Singleline).Value;
    }

    private static List<string> Ratings(string svg, string series) =>
        PointPattern().Matches(svg).Where(m => m.Groups[1].Value == series).Select(m => m.Groups[2].Value).ToList();

    [Fact]
    public async Task A_carer_records_before_and_after_for_several_sessions_and_the_chart_and_the_review_signal_show_them()
    {
        var family = await FamilyAsync("Nia");
        var withMum = await SessionsAsync(family.Child, family.WithMum, 28, 21, 14, 7);
        var withDad = await SessionsAsync(family.Child, family.WithDad, 25, 11);
        var carer = await app.PagesAsAsync("carer1");

        // Distressed after 3 of the 4 sessions with Mum; settled before each. Settled after both with Dad.
        var afterMum = new[] { 2, 4, 5, 4 };
        for (var i = 0; i < withMum.Count; i++)
        {
            await RecordAsync(carer, family.Child, withMum[i], "Before", 2);
            await RecordAsync(carer, family.Child, withMum[i], "After", afterMum[i], i == 2 ? "Woke three times, asked for Mum <again>" : null);
        }
        await RecordAsync(carer, family.Child, withDad[0], "After", 1);
        await RecordAsync(carer, family.Child, withDad[1], "After", 2);

        var response = await carer.GetAsync($"/Children/{family.Child}/Wellbeing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // One chart per person, each point where the ratings say.
        Assert.Equal(2, Regex.Count(html, "<svg[^>]*class=\"app-wellbeing-chart\""));
        var mumChart = Chart(html, Mum);
        Assert.Contains("role=\"img\"", mumChart);
        Assert.Matches($"<title id=\"chart-[0-9a-f]{{32}}-title\">How Nia was before and after family time with {Mum}</title>", mumChart);
        Assert.Contains("unsettled or very unsettled after 3 of 4", mumChart);
        Assert.Equal(["2", "4", "5", "4"], Ratings(mumChart, "after"));
        Assert.Equal(["2", "2", "2", "2"], Ratings(mumChart, "before"));
        Assert.Contains("stroke-dasharray=\"8 6\"", mumChart);
        var dadChart = Chart(html, Dad);
        Assert.Equal(["1", "2"], Ratings(dadChart, "after"));
        Assert.Empty(Ratings(dadChart, "before"));

        // The table alternative has a row per rating, with every area and the words, escaped.
        var mumTable = Table(html, Mum);
        Assert.Equal(8, Regex.Count(mumTable, "<tr class=\"govuk-table__row\" data-session="));
        Assert.Contains("Woke three times, asked for Mum &lt;again&gt;", mumTable);
        Assert.Matches($"data-session=\"{withMum[2]}\" data-moment=\"after\">\\s*<th[^>]*>[^<]*after</th>(\\s*<td class=\"govuk-table__cell\">1</td>){{2}}\\s*<td class=\"govuk-table__cell\">5</td>", mumTable);
        Assert.Equal(2, Regex.Count(Table(html, Dad), "<tr class=\"govuk-table__row\" data-session="));

        // The review signal names Mum and the three sessions, and nothing fires for Dad.
        var signals = Regex.Matches(html, "<li class=\"app-signal\" data-kind=\"([A-Za-z]+)\">(.*?)</li>", RegexOptions.Singleline);
        var signal = Assert.Single(signals);
        Assert.Equal(nameof(ReviewSignalKind.DistressAfterSessions), signal.Groups[1].Value);
        Assert.Contains($"Distressed after 3 of the last 4 sessions with {Mum}", signal.Groups[2].Value);
        Assert.Equal([withMum[1], withMum[2], withMum[3]], Regex.Matches(signal.Groups[2].Value, "data-evidence=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)));
        Assert.Contains($"/Children/{family.Child}/Sessions?From.Day=", signal.Groups[2].Value);
        Assert.DoesNotContain(Dad, string.Join("", signals.Select(s => s.Value)));

        // Every recent session shows what is recorded; nothing is left to record.
        Assert.Equal(6, Regex.Count(html, "<tr class=\"govuk-table__row\" data-session=\"[0-9a-f-]+\">\\s*<td"));
        Assert.Equal(2, Regex.Count(html, "Record before<"));
        Assert.Contains($"href=\"{Url(family.Child, withDad[0])}?moment=Before\"", html);
        Assert.DoesNotContain("Record after<", html);

        // The social worker sees the same; both looks and every rating are in the audit log.
        var worker = await app.PagesAsAsync("socialworker1");
        var workerHtml = await worker.GetStringAsync($"/Children/{family.Child}/Wellbeing");
        Assert.Contains($"Distressed after 3 of the last 4 sessions with {Mum}", workerHtml);
        Assert.Equal(10, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == family.Child && e.RecordType == "CarerObservation" && e.Action == AuditAction.Create && e.UserName == "carer1")));
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == family.Child && e.RecordType == "Wellbeing" && e.Action == AuditAction.View && e.UserName == "socialworker1")));
        Assert.Contains($"href=\"/Children/{family.Child}/Wellbeing\"", await carer.GetStringAsync($"/Children/{family.Child}"));
    }

    [Fact]
    public async Task Settled_after_every_session_fires_no_signal_and_unrated_sessions_wait_to_be_recorded()
    {
        var family = await FamilyAsync("Ola");
        var withMum = await SessionsAsync(family.Child, family.WithMum, 35, 28, 21, 14, 7);
        var later = await SessionsAsync(family.Child, family.WithDad, 2, 70);
        var carer = await app.PagesAsAsync("carer1");
        foreach (var s in withMum)
        {
            await RecordAsync(carer, family.Child, s, "After", 3);
        }

        var html = await carer.GetStringAsync($"/Children/{family.Child}/Wellbeing");
        Assert.DoesNotContain("class=\"app-signal\"", html);
        Assert.Contains("Nothing in the ratings and records of the last 12 months suggests reviewing family time.", html);
        Assert.Equal(["3", "3", "3", "3", "3"], Ratings(Chart(html, Mum), "after"));
        Assert.DoesNotContain($"data-with=\"{Dad}\"", html);
        // The recent list covers 8 weeks: the session 2 days ago is offered for rating, the one 10 weeks ago is not.
        Assert.Contains($"href=\"{Url(family.Child, later[0])}?moment=After\"", html);
        Assert.DoesNotContain(later[1].ToString(), html);
        Assert.Equal(6, Regex.Count(html, "href=\"[^\"]*moment=Before\""));
    }

    [Fact]
    public async Task The_form_lists_what_is_missing_and_refuses_a_second_record_of_the_same_moment()
    {
        var family = await FamilyAsync("Pip");
        var sessions = await SessionsAsync(family.Child, family.WithMum, 3, -5);
        var carer = await app.PagesAsAsync("carer1");
        var url = Url(family.Child, sessions[0]);
        var token = await TokenAsync(carer, url);

        var blank = await PostAsync(carer, token, url, new Dictionary<string, string> { ["Input.Words"] = "" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var html = WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#Input_Moment\">Choose before or after the session</a>", html);
        Assert.Contains("<a href=\"#Input_Sleep\">Rate sleep from 1 (very settled) to 5 (very unsettled)</a>", html);
        Assert.Contains("<a href=\"#Input_School\">Rate school from 1 (very settled) to 5 (very unsettled)</a>", html);
        Assert.Contains("govuk-form-group--error", html);

        var wrong = Form("Before", 6, new string('x', 2001));
        var refused = WebUtility.HtmlDecode(await (await PostAsync(carer, token, url, wrong)).Content.ReadAsStringAsync());
        Assert.Contains("Mood must be rated from 1 to 5", refused);
        Assert.Contains("What you noticed must be 2000 characters or fewer", refused);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(carer, token, url, Form("Before", 2, "Excited, asked twice what time Mum was coming"))).StatusCode);
        var again = await PostAsync(carer, token, url, Form("Before", 5));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Matches("Before the session has already been recorded, on [0-9]{1,2} [A-Z][a-z]+ [0-9]{4} at [0-9]{2}:[0-9]{2} by Sarah and James Whitfield", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        var kept = await app.DbAsync(db => db.CarerObservations.Where(o => o.SessionId == sessions[0]).ToListAsync());
        Assert.Equal(2, Assert.Single(kept).Mood);

        // The page now shows what was recorded and offers only after.
        var page = WebUtility.HtmlDecode(await carer.GetStringAsync(url));
        Assert.Contains("Excited, asked twice what time Mum was coming", page);
        Assert.DoesNotContain("value=\"Before\"", page);
        Assert.Contains("value=\"After\" checked", page);

        // A session still to come cannot be rated yet.
        var future = Url(family.Child, sessions[1]);
        var early = WebUtility.HtmlDecode(await (await PostAsync(carer, token, future, Form("Before", 1))).Content.ReadAsStringAsync());
        Assert.Contains("can be recorded from that day", early);
        Assert.Equal(0, await app.DbAsync(db => db.CarerObservations.CountAsync(o => o.SessionId == sessions[1])));
    }

    [Fact]
    public async Task Only_the_childs_carers_and_case_holders_reach_the_pages()
    {
        var family = await FamilyAsync("Rue");
        var session = (await SessionsAsync(family.Child, family.WithMum, 4))[0];
        var carer = await app.PagesAsAsync("carer1");
        var token = await TokenAsync(carer, Url(family.Child, session));

        // Another household's child, a session of another child, and a session that does not exist: all 404.
        var (_, notCarers) = await app.DbAsync(db => Reach.ForAsync(db, "carer1"));
        var otherSession = await app.DbAsync(db => db.Sessions.Where(s => s.ChildId == notCarers).Select(s => s.Id).FirstOrDefaultAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync($"/Children/{notCarers}/Wellbeing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync(Url(notCarers, session))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync(Url(family.Child, otherSession == Guid.Empty ? Guid.NewGuid() : otherSession))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync(Url(family.Child, Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(carer, token, Url(notCarers, session), Form("Before", 1))).StatusCode);

        // Parents, and the contact workers and coordinators who support the sessions, do not see what happens at home.
        var contactWorker = await app.UserIdAsync("contactworker1");
        await app.DbAsync(db =>
        {
            db.SupervisorAssignments.Add(new FamilyTime.Domain.Children.SupervisorAssignment(family.Child, contactWorker, Today.AddDays(-30)));
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAsAsync("contactworker1")).GetAsync($"/Children/{family.Child}/Sessions")).StatusCode);
        // The contact worker and the coordinator reach the child, so they are told why (403 with the reason; it was 404
        // before one door per child); the administrator does not reach the child at all.
        foreach (var (user, answer) in new[] { ("contactworker1", HttpStatusCode.Forbidden), ("coordinator1", HttpStatusCode.Forbidden), ("admin", HttpStatusCode.NotFound) })
        {
            var other = await app.PagesAsAsync(user);
            Assert.Equal(answer, (await other.GetAsync($"/Children/{family.Child}/Wellbeing")).StatusCode);
            Assert.Equal(answer, (await other.GetAsync(Url(family.Child, session))).StatusCode);
        }
        var (parentsChild, _) = await app.DbAsync(db => Reach.ForAsync(db, "parent1"));
        var parent = await app.PagesAsAsync("parent1");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Children/{parentsChild}/Wellbeing")).StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "Wellbeing" && (e.UserName == "parent1" || e.UserName == "coordinator1"))));

        // The manager of the child's team holds the case and may record too.
        var manager = await app.PagesAsAsync("manager1");
        await RecordAsync(manager, family.Child, session, "After", 1);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Children/{family.Child}/Wellbeing")).StatusCode);
    }

    [GeneratedRegex("<(?:circle|rect) [^>]*data-series=\"(before|after)\" data-session=\"[0-9a-f-]+\" data-rating=\"([1-5])\"")]
    private static partial Regex PointPattern();
}

[Collection("sqlite")]
public sealed class WellbeingTestsOnSqlite(SqliteApp app) : WellbeingTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class WellbeingTestsOnPostgres(PostgresApp app) : WellbeingTests(app.Factory), IClassFixture<PostgresApp>;
