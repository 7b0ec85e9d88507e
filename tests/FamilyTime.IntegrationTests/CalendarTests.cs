using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Calendars;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Demo;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Calendar feeds: each person's .ics holds exactly the sessions the record-level rules give them, parsed back with
/// Ical.Net; a parent's never shows where the child lives or who cares for them; a stopped or invented address is a 404.
/// The sessions are made here, straight in the database, and who should get which is decided from those raw records.
/// </summary>
public abstract partial class CalendarTests(FamilyTimeFactory app)
{
    private const string UnionUser = "carerandparent";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ConcurrentDictionary<FamilyTimeFactory, Lazy<Task<Scenario>>> Scenarios = new();

    [Fact]
    public async Task A_carers_feed_holds_exactly_the_upcoming_and_lately_cancelled_sessions_of_the_children_living_with_them()
    {
        var s = await ScenarioAsync();
        var calendar = Ical.Net.Calendar.Load(await FeedTextAsync("carer1"))!;

        AssertExactly(s.ForCarer, s, calendar);
        var first = calendar.Events.Single(e => e.Uid == s.WithMumSoon.ToString());
        Assert.Equal($"Family time with {s.ChildAName}", first.Summary);
        Assert.Equal("Riverside Family Centre, Blue room, 14 Mill Lane, Northbridge, NB1 4QT", first.Location);
        Assert.StartsWith("Supervised family time.", first.Description);
        // The carer's own home is theirs to see: this is what the parent's feed must hold back.
        var atHome = calendar.Events.Single(e => e.Uid == s.AtCarersHome.ToString());
        Assert.Contains(s.CarerHome.Address, atHome.Location);
        Assert.Contains(s.CarerHome.Postcode, atHome.Location);
    }

    [Fact]
    public async Task A_contact_workers_feed_holds_exactly_the_sessions_they_supervise()
    {
        var s = await ScenarioAsync();
        var calendar = Ical.Net.Calendar.Load(await FeedTextAsync("contactworker1"))!;
        AssertExactly(s.ForContactWorker, s, calendar);
    }

    [Fact]
    public async Task A_parents_feed_holds_exactly_their_own_sessions_and_never_the_childs_home_or_carers()
    {
        var s = await ScenarioAsync();
        var text = await FeedTextAsync("parent1");
        var calendar = Ical.Net.Calendar.Load(text)!;

        AssertExactly(s.ForParent, s, calendar);
        Assert.All(calendar.Events, e => Assert.Matches(@"^(Cancelled: )?Family time with \S+$", e.Summary));
        // A cancelled session is still there, shown as cancelled, and passes the same guard.
        var cancelled = calendar.Events.Single(e => e.Uid == s.Cancelled.ToString());
        Assert.Equal("CANCELLED", cancelled.Status);
        // Read both ways: as a calendar app shows it, and as raw text with folded lines joined and escapes undone.
        var raw = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal);
        foreach (var secret in s.ChildHomesOfParent)
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
            Assert.All(calendar.Events, e => Assert.DoesNotContain(secret, $"{e.Summary} {e.Location} {e.Description}", StringComparison.OrdinalIgnoreCase));
        }
        var atHome = calendar.Events.Single(e => e.Uid == s.AtCarersHome.ToString());
        Assert.True(string.IsNullOrEmpty(atHome.Location), $"the parent was given the location '{atHome.Location}'");
        Assert.Contains("social worker will tell you where", atHome.Description);
    }

    [Fact]
    public async Task Someone_with_several_roles_gets_the_sessions_of_each()
    {
        var s = await ScenarioAsync();
        var calendar = Ical.Net.Calendar.Load(await FeedTextAsync(UnionUser))!;
        AssertExactly([.. s.ForCarer, s.OtherChildWithTheirMum], s, calendar);
    }

    [Fact]
    public async Task A_new_address_replaces_the_old_and_a_stopped_one_answers_404()
    {
        var userId = await app.UserIdAsync("contactworker1");
        var pages = await app.PagesAsAsync("contactworker1");
        var anonymous = Anonymous();

        var first = await MakeAddressAsync(pages);
        var answer = await anonymous.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/calendar", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", answer.Content.Headers.ContentType?.CharSet);
        // The person's calendar app may keep the feed and ask again with its ETag; no shared cache may keep it.
        Assert.True(answer.Headers.CacheControl?.Private, "the feed must be private");
        Assert.True(answer.Headers.CacheControl?.NoCache, "the feed must be asked for again each time");
        Assert.NotNull(answer.Headers.ETag);
        Assert.Equal("noindex, nofollow", string.Join(",", answer.Headers.GetValues("X-Robots-Tag")));
        Assert.StartsWith("BEGIN:VCALENDAR", await answer.Content.ReadAsStringAsync());

        // Only the hash of the token is kept.
        var token = TokenOf(first);
        var stored = await app.DbAsync(db => db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).ToListAsync());
        var feed = Assert.Single(stored, f => f.IsActive);
        Assert.Equal(CalendarFeed.HashOf(token), feed.TokenHash);
        Assert.DoesNotContain(stored, f => f.TokenHash.Contains(token, StringComparison.Ordinal));

        var second = await MakeAddressAsync(pages);
        Assert.NotEqual(first, second);
        await AssertNotFoundAsync(anonymous, first);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Single(await app.DbAsync(db => db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync()));

        var stop = await PostAsync(pages, "Revoke");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Contains("has stopped working", await stop.Content.ReadAsStringAsync());
        await AssertNotFoundAsync(anonymous, second);
        Assert.Empty(await app.DbAsync(db => db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync()));

        // Making, replacing and stopping are in the audit log under the person who did it.
        var audited = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordType == "CalendarFeed" && e.UserId == userId).ToListAsync());
        Assert.Contains(audited, e => e.RecordId == feed.Id && e.Action == Domain.Audit.AuditAction.Create);
        Assert.Contains(audited, e => e.RecordId == feed.Id && e.Action == Domain.Audit.AuditAction.Update && e.Changes!.Contains("RevokedAt", StringComparison.Ordinal));
    }

    /// <summary>The API makes, shows and stops the same address: the new one only in the answer (not cached), the old one dead.</summary>
    [Fact]
    public async Task The_api_makes_and_stops_a_calendar_address()
    {
        var api = await app.ApiAsAsync("carer1");
        var anonymous = Anonymous();

        var made = await api.PostAsync("/api/v1/calendar/address", null);
        var text = await made.Content.ReadAsStringAsync();
        Assert.True(made.StatusCode == HttpStatusCode.Created, text);
        Assert.True(made.Headers.CacheControl?.NoStore, "the answer with the address must not be kept");
        var answer = System.Text.Json.JsonDocument.Parse(text).RootElement;
        var https = answer.GetProperty("httpsAddress").GetString()!;
        Assert.Matches(AddressPattern(), https);
        Assert.Equal("webcal://" + https["http://".Length..], answer.GetProperty("webcalAddress").GetString());
        var path = new Uri(https).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);

        var status = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/calendar/address")).RootElement;
        Assert.Equal(answer.GetProperty("activeSince").GetDateTime(), status.GetProperty("activeSince").GetDateTime());
        Assert.False(status.TryGetProperty("httpsAddress", out _));

        var stopped = System.Text.Json.JsonDocument.Parse(await (await api.DeleteAsync("/api/v1/calendar/address")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(stopped.GetProperty("stopped").GetBoolean());
        await AssertNotFoundAsync(anonymous, path);
        var again = System.Text.Json.JsonDocument.Parse(await (await api.DeleteAsync("/api/v1/calendar/address")).Content.ReadAsStringAsync()).RootElement;
        Assert.False(again.GetProperty("stopped").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/calendar/address")).RootElement.GetProperty("activeSince").ValueKind);

        // A social worker has no calendar address: refused, with the reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsAsync("socialworker1")).PostAsync("/api/v1/calendar/address", null)).StatusCode);
    }

    [Fact]
    public async Task An_invented_address_answers_404_with_nothing_in_it()
    {
        var anonymous = Anonymous();
        var invented = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await AssertNotFoundAsync(anonymous, $"/calendar/{invented}.ics");
        await AssertNotFoundAsync(anonymous, "/calendar/not-a-token.ics");
    }

    [Theory]
    [InlineData("socialworker1")]
    [InlineData("coordinator1")]
    [InlineData("admin")]
    public async Task Other_roles_cannot_make_a_calendar_address(string userName)
    {
        var userId = await app.UserIdAsync(userName);
        var pages = await app.PagesAsAsync(userName);

        // Refused with 403 and the reason on the page (it was a redirect to the access-denied page).
        var page = await pages.GetAsync("/Calendar");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("calendar", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var post = await PostAsync(pages, "Create");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await app.DbAsync(db => db.CalendarFeeds.Where(f => f.UserId == userId).ToListAsync()));
    }

    [Fact]
    public async Task The_calendar_page_asks_a_signed_out_visitor_to_sign_in()
    {
        var page = await Anonymous().GetAsync("/Calendar");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", PathOf(page));
    }

    private static void AssertExactly(IEnumerable<Guid> expected, Scenario s, Ical.Net.Calendar calendar)
    {
        Assert.Equal(expected.Select(s.Describe).Order(), calendar.Events.Select(e => s.Describe(Guid.Parse(e.Uid!))).Order());
        foreach (var e in calendar.Events)
        {
            var when = s.Times[Guid.Parse(e.Uid!)];
            var start = TimeZoneInfo.ConvertTimeToUtc(when.Date.ToDateTime(when.Start), London);
            Assert.Equal("Europe/London", e.Start!.TzId);
            Assert.Equal(start, e.Start.AsUtc);
            Assert.Equal(start.AddMinutes(when.Minutes), e.End!.AsUtc);
        }
    }

    private static string PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location?.OriginalString ?? "";

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task AssertNotFoundAsync(HttpClient client, string path)
    {
        var answer = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Empty(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in, makes an address on the page and fetches it signed out, as a calendar app would.</summary>
    private async Task<string> FeedTextAsync(string userName)
    {
        var pages = await app.PagesAsAsync(userName);
        var answer = await Anonymous().GetAsync(await MakeAddressAsync(pages));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>Presses "make my calendar address" and reads the address back off the page, as the person would.</summary>
    private static async Task<string> MakeAddressAsync(HttpClient pages)
    {
        var made = await PostAsync(pages, "Create");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(made.Headers.CacheControl?.NoStore, "the page showing the address must not be cached");
        var html = WebUtility.HtmlDecode(await made.Content.ReadAsStringAsync());
        var https = AddressPattern().Match(html);
        Assert.True(https.Success, "the page shows no calendar address");
        Assert.Contains($"webcal://localhost/calendar/{https.Groups[1].Value}.ics", html);
        return $"/calendar/{https.Groups[1].Value}.ics";
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient pages, string handler)
    {
        // Every signed-in page carries an antiforgery token in its sign-out form.
        var form = await pages.GetStringAsync("/Account/Security");
        return await pages.PostAsync($"/Calendar?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FamilyTimeFactory.AntiforgeryToken(form),
        }));
    }

    private static string TokenOf(string path) => path["/calendar/".Length..^".ics".Length];

    [GeneratedRegex(@"http://localhost/calendar/([A-Za-z0-9_-]{43})\.ics")]
    private static partial Regex AddressPattern();

    private Task<Scenario> ScenarioAsync() =>
        Scenarios.GetOrAdd(app, f => new Lazy<Task<Scenario>>(() => BuildAsync(f))).Value;

    public sealed record SessionTime(DateOnly Date, TimeOnly Start, int Minutes, string Label);

    public sealed record Home(string Name, string Address, string Postcode);

    /// <summary>The sessions made for these tests and, worked out from the records, whose calendar each belongs in.</summary>
    public sealed record Scenario(
        IReadOnlyDictionary<Guid, SessionTime> Times,
        IReadOnlyList<Guid> ForCarer,
        IReadOnlyList<Guid> ForContactWorker,
        IReadOnlyList<Guid> ForParent,
        Guid WithMumSoon,
        Guid Cancelled,
        Guid AtCarersHome,
        Guid OtherChildWithTheirMum,
        string ChildAName,
        Home CarerHome,
        IReadOnlyList<string> ChildHomesOfParent)
    {
        /// <summary>Failures name the sessions ("past session", "another child's") rather than bare ids.</summary>
        public string Describe(Guid id) => Times.TryGetValue(id, out var t) ? $"{t.Label} ({id})" : $"unknown session {id}";
    }

    private static async Task<Scenario> BuildAsync(FamilyTimeFactory f)
    {
        var today = f.Clock.Today();
        var now = f.Clock.GetUtcNow().UtcDateTime;
        var carer1 = await f.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "carer1"));
        var household = carer1.CarerHouseholdId!.Value;
        var parent1 = await f.UserIdAsync("parent1");
        var contactWorker1 = await f.UserIdAsync("contactworker1");
        var socialWorker1 = await f.UserIdAsync("socialworker1");
        var otherContactWorker = await f.DbAsync(db => db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.ContactWorker && x.UserId != contactWorker1)
            .Select(x => x.UserId).FirstAsync());

        // A carer of carer1's household who is also the portal parent of another child: the union of two roles.
        string unionUser;
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = UnionUser, DisplayName = "Jo Carer-Parent", EmailConfirmed = true, CarerHouseholdId = household };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Carer, Roles.Parent])).Succeeded);
            unionUser = user.Id;
        }

        return await f.DbAsync(async db =>
        {
            // The demo service comes with plans and sessions; these tests lay out every session themselves.
            // The demo has work under way (a proposal, a suspension) on arrangements this test clears away.
            await db.ChangeProposals.ExecuteDeleteAsync();
            await db.Suspensions.ExecuteDeleteAsync();
            await db.ContactRecords.ExecuteDeleteAsync();
            await db.CarerObservations.ExecuteDeleteAsync();
            await db.Sessions.ExecuteDeleteAsync();
            await db.PlanDocuments.ExecuteDeleteAsync();
            await db.ContactPlans.ExecuteDeleteAsync();
            var home = await db.CarerHouseholds.AsNoTracking().SingleAsync(h => h.Id == household);
            var (venue, _) = Venue.Create(new VenueDetails("Riverside Family Centre", "14 Mill Lane, Northbridge", "NB1 4QT", home.AreaId, null));
            var (room, _) = venue!.AddRoom("Blue room", 6);
            // A venue that is, by mistake or by design, the carer's own home.
            var (homeVenue, _) = Venue.Create(new VenueDetails("Garden room", home.Address, home.Postcode, home.AreaId, null));
            var (homeRoom, _) = homeVenue!.AddRoom("Lounge", 4);
            db.Venues.AddRange(venue, homeVenue);

            var children = await db.Children.Include(c => c.Placements).Include(c => c.People).ToListAsync();
            bool LivesWithCarer1(Child c) => c.Placements.Any(p => p.EndDate == null && p.CarerHouseholdId == household);
            bool Parent1s(Child c) => c.People.Any(p => p.PortalUserId == parent1);
            var childA = children.First(c => Parent1s(c) && LivesWithCarer1(c));
            var childB = children.First(c => Parent1s(c) && !LivesWithCarer1(c));
            var childC = children.First(c => !Parent1s(c) && !LivesWithCarer1(c) && LegalStatusRules.AuthorityArrangesFamilyTime(c.LegalStatus));
            var childD = children.First(c => !Parent1s(c) && LivesWithCarer1(c));
            var childE = children.First(c => c != childC && !Parent1s(c) && !LivesWithCarer1(c));

            var plans = new Dictionary<Guid, ContactPlan>();
            Arrangement Arrange(Child child, Guid personId, ArrangementType type)
            {
                var context = new PlanContext(child.KnownAs, child.DateOfBirth, child.CameIntoCareOn, child.LegalStatus, child.InCareProceedings, false,
                    child.People.Select(p => new PlanPerson(p.Id, p.FullName, p.Relationship)).ToList(), [new VenueRoomChoice(venue.Id, room!.Id)], today);
                if (!plans.TryGetValue(child.Id, out var plan))
                {
                    plan = ContactPlan.Start(child.Id, context);
                    plans[child.Id] = plan;
                    db.ContactPlans.Add(plan);
                }
                var (arrangement, errors) = plan.AddArrangement(new ArrangementDetails
                {
                    PersonIds = [personId], Purposes = Purpose.KeyRelationship, Type = type,
                    ReasonForSupervision = type == ArrangementType.Supervised ? "To keep the child safe while trust is rebuilt" : null,
                    Form = FamilyTimeForm.FaceToFace, Frequency = FrequencyKind.Weekly, Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday },
                    FirstDate = today.AddDays(1), StartTime = new TimeOnly(10, 0), DurationMinutes = 90, VenueId = venue.Id, RoomId = room.Id,
                    ReviewEveryMonths = 3,
                    ChildsWishes = ArrangementMusts.Wishes,
                    RouteToLessSupervision = type == ArrangementType.Supervised ? ArrangementMusts.Route : null,
                    RouteToLessSupervisionBy = type == ArrangementType.Supervised ? today.AddMonths(6) : null,
                }, context, null, new Signature(socialWorker1, "Priya Shah", now));
                Assert.True(errors.IsValid, string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {e.Value[0]}")));
                return arrangement!;
            }

            var mumA = Arrange(childA, childA.People.Single(p => p.PortalUserId == parent1).Id, ArrangementType.Supervised);
            var brotherOrSisterA = Arrange(childA, childA.People.First(p => p.SiblingChildId is not null).Id, ArrangementType.Facilitated);
            var mumB = Arrange(childB, childB.People.Single(p => p.PortalUserId == parent1).Id, ArrangementType.Facilitated);
            var mumOfC = childC.People.First(p => p.Relationship == Domain.People.Relationship.Mother);
            mumOfC.LinkPortalAccount(unionUser);
            var mumC = Arrange(childC, mumOfC.Id, ArrangementType.Facilitated);

            var times = new Dictionary<Guid, SessionTime>();
            Guid Session(string label, Child child, Arrangement? arrangement, DateOnly date, TimeOnly start, string? supervisor, Venue at, Room inRoom, SessionStatus? closedAs = null)
            {
                var session = new FamilyTimeSession(child.Id, arrangement?.Id, new SessionSlot(date, start, 90, at.Id, inRoom.Id, supervisor), socialWorker1);
                if (closedAs is { } status)
                {
                    session.MarkRecorded(now, status);
                }
                db.Sessions.Add(session);
                times[session.Id] = new SessionTime(date, start, 90, label);
                return session.Id;
            }

            var soon = Session("A with Mum, supervised by contactworker1", childA, mumA, today.AddDays(3), new TimeOnly(10, 0), contactWorker1, venue, room!);
            Session("A with Mum, last week", childA, mumA, today.AddDays(-7), new TimeOnly(10, 0), contactWorker1, venue, room!);
            var cancelled = Session("A with Mum, cancelled", childA, mumA, today.AddDays(14), new TimeOnly(10, 0), contactWorker1, venue, room!, SessionStatus.CancelledByParent);
            Session("A with Mum, beyond 12 months", childA, mumA, today.AddMonths(12).AddDays(7), new TimeOnly(10, 0), contactWorker1, venue, room!);
            var withSibling = Session("A with a brother or sister", childA, brotherOrSisterA, today.AddDays(10), new TimeOnly(16, 15), null, venue, room!);
            var atHome = Session("A with Mum at the carer's home", childA, mumA, today.AddDays(17), new TimeOnly(11, 0), null, homeVenue, homeRoom!);
            // Half a year on, so the feed holds times on both sides of a clock change.
            var later = Session("A with Mum in six months", childA, mumA, today.AddDays(182), new TimeOnly(9, 15), contactWorker1, venue, room!);
            var bWithMum = Session("B (lives elsewhere) with Mum", childB, mumB, today.AddDays(5), new TimeOnly(13, 0), null, venue, room!);
            var cWithMum = Session("C (another family) with their Mum, supervised by contactworker1", childC, mumC, today.AddDays(6), new TimeOnly(15, 30), contactWorker1, venue, room!);
            Session("C supervised by someone else", childC, null, today.AddDays(8), new TimeOnly(10, 0), otherContactWorker, venue, room!);
            var dAtCarers = Session("D (another family, lives with carer1)", childD, null, today.AddDays(4), new TimeOnly(10, 30), null, venue, room!);
            Session("E (used to live with carer1)", childE, null, today.AddDays(4), new TimeOnly(12, 0), null, venue, room!);
            await db.SaveChangesAsync();

            // E lived with carer1's household once; that home has ended.
            var ended = today.AddDays(-30);
            await db.Placements.Where(p => p.ChildId == childE.Id).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.CarerHouseholdId, (Guid?)household)
                .SetProperty(p => p.EndDate, (DateOnly?)ended));

            // Everything that would tell a parent where their children live: each child's current home.
            var parentsChildren = new[] { childA.Id, childB.Id };
            var homes = await db.Placements.AsNoTracking()
                .Where(p => parentsChildren.Contains(p.ChildId) && p.EndDate == null)
                .Select(p => new { p.ResidentialHomeName, Household = db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => new { h.Name, h.Address, h.Postcode }).FirstOrDefault() })
                .ToListAsync();
            var secrets = homes.SelectMany(h => h.Household is { } x ? new[] { x.Name, x.Address, x.Postcode } : new[] { h.ResidentialHomeName! }).Distinct().ToList();
            Assert.Contains(home.Address, secrets);

            return new Scenario(
                times,
                // A cancelled session stays in the feeds, as cancelled, for 30 days (issue 11, item 8).
                ForCarer: [soon, cancelled, withSibling, atHome, later, dAtCarers],
                ForContactWorker: [soon, cancelled, later, cWithMum],
                ForParent: [soon, cancelled, atHome, later, bWithMum],
                Cancelled: cancelled,
                WithMumSoon: soon,
                AtCarersHome: atHome,
                OtherChildWithTheirMum: cWithMum,
                ChildAName: childA.KnownAs,
                CarerHome: new Home(home.Name, home.Address, home.Postcode),
                ChildHomesOfParent: secrets);
        });
    }
}

[Collection("sqlite")]
public sealed class CalendarTestsOnSqlite(SqliteApp app) : CalendarTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CalendarTestsOnPostgres(PostgresApp app) : CalendarTests(app.Factory), IClassFixture<PostgresApp>;
