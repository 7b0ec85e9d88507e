using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Features.Children.Connections;
using FamilyTime.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>The child's connections map: the people who matter, drawn and tabled with how the plan keeps them in touch.</summary>
public abstract partial class ConnectionsTests(FamilyTimeFactory app)
{
    private const string Weekly = "Every week on Saturday, 10:00 to 11:30";

    /// <summary>A name that would be markup if it were not escaped.</summary>
    private const string AwkwardName = "Ada <b>O'Neil</b> & Co";

    private sealed record Family(Guid Child, Guid Mother, Guid Father, Guid Sister, Guid Grandparent);

    /// <summary>
    /// A new child of socialworker1 with four people: the mother seen face to face every Saturday, the father by
    /// letter, and a sister and a grandparent with no family time in the draft plan.
    /// </summary>
    private async Task<Family> FamilyAsync()
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.CarerHouseholds.Select(h => h.Id).FirstAsync());
        var created = await api.PostAsJsonAsync("/api/v1/children", ApiInput.NewChild(household, "Amelia"));
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
        var family = new Family(child,
            await AddAsync("Joanne Okonkwo", "Mother"),
            await AddAsync("Marcus Reid", "Father"),
            await AddAsync("Bella Okonkwo", "Sister"),
            await AddAsync(AwkwardName, "Grandparent"));

        var worker = await app.UserIdAsync("socialworker1");
        var area = await app.DbAsync(db => db.Areas.Select(a => a.Id).FirstAsync());
        await app.DbAsync(async db =>
        {
            var (venue, _) = Venue.Create(new VenueDetails("Larch Family Centre", "3 Station Road, Northbridge", "NB3 1AA", area, null));
            var (room, _) = venue!.AddRoom("Blue room", 6);
            db.Venues.Add(venue);
            db.Rooms.Add(room!);
            await db.SaveChangesAsync();

            var context = (await new PlanContextLoader(db, app.Clock).LoadAsync(child, CancellationToken.None))!;
            var plan = ContactPlan.Start(child, context);
            var by = new Signature(worker, "Priya Shah", app.Clock.GetUtcNow().UtcDateTime);
            var (faceToFace, errors) = plan.AddArrangement(new ArrangementDetails
            {
                PersonIds = [family.Mother],
                Purposes = Purpose.Attachment,
                Type = ArrangementType.Facilitated,
                Form = FamilyTimeForm.FaceToFace,
                Frequency = FrequencyKind.Weekly,
                Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday },
                FirstDate = context.Today.AddDays(7),
                StartTime = new TimeOnly(10, 0),
                DurationMinutes = 90,
                VenueId = venue.Id,
                RoomId = room!.Id,
                ReviewEveryMonths = 3,
                ChildsWishes = ArrangementMusts.Wishes,
            }, context, null, by);
            Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
            var (letters, letterErrors) = plan.AddArrangement(new ArrangementDetails
            {
                PersonIds = [family.Father],
                Purposes = Purpose.Identity,
                Type = ArrangementType.Unsupervised,
                Form = FamilyTimeForm.Letter,
                ReviewEveryMonths = 6,
                WishesNotAsked = WishesNotAsked.Declined,
            }, context, null, by);
            Assert.True(letterErrors.IsValid, string.Join("; ", letterErrors.ByField.SelectMany(e => e.Value)));
            Assert.NotNull(faceToFace);
            Assert.NotNull(letters);
            db.ContactPlans.Add(plan);
            return await db.SaveChangesAsync();
        });
        return family;
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} on the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to + end.Length)];
    }

    private static string LineFor(string svg, Guid person)
    {
        var lines = LinePattern().Matches(svg).Where(m => m.Value.Contains($"data-person=\"{person}\"", StringComparison.Ordinal)).ToList();
        return Assert.Single(lines).Value;
    }

    private static string RowFor(string table, Guid person) => Between(table, $"data-person=\"{person}\"", "</tr>");

    private Task<int> ConnectionsViewsAsync(Guid child, string userName) => app.DbAsync(db => db.AuditEntries.CountAsync(e =>
        e.ChildId == child && e.RecordType == "Connections" && e.Action == AuditAction.View && e.UserName == userName));

    [Fact]
    public async Task The_map_and_the_table_show_each_person_with_how_they_keep_in_touch()
    {
        var family = await FamilyAsync();
        var pages = await app.PagesAsAsync("socialworker1");

        var response = await pages.GetAsync($"/Children/{family.Child}/Connections");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var svg = Between(html, "<svg", "</svg>");
        var table = Between(html, "<table", "</table>");

        Assert.Contains("role=\"img\"", svg);
        Assert.Matches("viewBox=\"0 0 [0-9.]+ [0-9.]+\"", svg);
        Assert.Contains("aria-labelledby=\"connections-map-title\"", svg);
        Assert.Contains("<title id=\"connections-map-title\">Amelia’s connections</title>", svg);
        Assert.Contains("<desc id=\"connections-map-desc\">Amelia is in the centre, with 4 people who matter around: 1 seen face to face, 1 in touch by phone, video, messages or letters, and 2 with no family time in the plan.", svg);
        Assert.Matches("<text class=\"app-connections-map__child\"[^>]*><tspan[^>]*>Amelia</tspan>", svg);
        Assert.Contains("<caption", table);
        Assert.Equal(4, Regex.Count(table, "<th scope=\"row\""));

        // Everyone is in both, and the awkward name is text, never markup.
        foreach (var name in new[] { "Joanne Okonkwo", "Marcus Reid", "Bella Okonkwo" })
        {
            Assert.Contains($">{name}</tspan>", svg);
            Assert.Contains($">{name}</th>", table);
        }
        Assert.Contains(">Ada &lt;b&gt;O&#39;Neil&lt;/b&gt; &amp; Co</tspan>", svg);
        Assert.Contains($">{AwkwardName}</th>", WebUtility.HtmlDecode(table));
        Assert.DoesNotContain("<b>O'Neil", html);

        // Face to face is a solid line; letters a dashed one; no family time a dotted grey one.
        var mother = LineFor(svg, family.Mother);
        Assert.Contains("data-kind=\"direct\"", mother);
        Assert.DoesNotContain("stroke-dasharray", mother);
        var father = LineFor(svg, family.Father);
        Assert.Contains("data-kind=\"indirect\"", father);
        Assert.Contains("stroke-dasharray=\"12 8\"", father);
        foreach (var none in new[] { family.Sister, family.Grandparent })
        {
            var line = LineFor(svg, none);
            Assert.Contains("data-kind=\"none\"", line);
            Assert.Contains("stroke-dasharray=\"1 8\"", line);
            Assert.Contains("stroke=\"#505a5f\"", line);
        }
        Assert.Contains("Solid line: face to face", svg);
        Assert.Contains("Dashed line: phone, video, messages or letters", svg);
        Assert.Contains("Dotted grey line: no family time in the plan", svg);

        // How often, in the label and the table alike.
        Assert.Contains(">Every week on Saturday, 10:00</tspan>", svg);
        Assert.Contains(">Letters</tspan>", svg);
        var motherRow = RowFor(table, family.Mother);
        Assert.Contains("Mother", motherRow);
        Assert.Contains("Face to face", motherRow);
        Assert.Contains(Weekly, motherRow);
        var fatherRow = RowFor(table, family.Father);
        Assert.Contains("Indirect", fatherRow);
        Assert.Contains("Letters", fatherRow);
        Assert.Contains("No family time arranged", RowFor(table, family.Sister));
        Assert.Contains("Grandparent", RowFor(table, family.Grandparent));
        Assert.Contains("From the draft family-time plan", html);

        Assert.Equal(1, await ConnectionsViewsAsync(family.Child, "socialworker1"));
        Assert.Contains($"href=\"/Children/{family.Child}/Connections\"", await pages.GetStringAsync($"/Children/{family.Child}"));
    }

    [Fact]
    public async Task Another_social_workers_child_answers_404_and_nothing_is_recorded()
    {
        var (_, outside) = await app.DbAsync(db => Reach.ForAsync(db, "socialworker1"));
        var pages = await app.PagesAsAsync("socialworker1");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Children/{outside}/Connections")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Children/{Guid.NewGuid()}/Connections")).StatusCode);
        Assert.Equal(0, await ConnectionsViewsAsync(outside, "socialworker1"));
    }

    [Fact]
    public async Task A_carer_sees_the_map_of_a_child_living_with_them_and_a_parent_does_not()
    {
        var (carersChild, notCarers) = await app.DbAsync(db => Reach.ForAsync(db, "carer1"));
        var carer = await app.PagesAsAsync("carer1");
        var page = await carer.GetAsync($"/Children/{carersChild}/Connections");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var names = await app.DbAsync(db => db.SignificantPeople.Where(p => p.ChildId == carersChild).Select(p => p.FullName).ToListAsync());
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.All(names, n => Assert.Contains(n, html));
        Assert.Equal(1, await ConnectionsViewsAsync(carersChild!.Value, "carer1"));
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync($"/Children/{notCarers}/Connections")).StatusCode);

        // A parent reaches their own child only through the portal: the child's other people are not theirs to see.
        var (parentsChild, _) = await app.DbAsync(db => Reach.ForAsync(db, "parent1"));
        var parent = await app.PagesAsAsync("parent1");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Children/{parentsChild}/Connections")).StatusCode);
        Assert.Equal(0, await ConnectionsViewsAsync(parentsChild!.Value, "parent1"));
    }

    [GeneratedRegex("<line [^>]*/>")]
    private static partial Regex LinePattern();
}

[Collection("sqlite")]
public sealed class ConnectionsTestsOnSqlite(SqliteApp app) : ConnectionsTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ConnectionsTestsOnPostgres(PostgresApp app) : ConnectionsTests(app.Factory), IClassFixture<PostgresApp>;

/// <summary>The map's geometry, without a database: fifteen people still fit without a label over another or a line.</summary>
public sealed class ConnectionsMapLayoutTests
{
    private static ConnectionsMap Crowd(int count) => new(Guid.NewGuid(), "Maximilian-Alexander", "", Enumerable.Range(1, count)
        .Select(i => new Connection(Guid.NewGuid(), $"Person number {i} with a rather long double-barrelled surname",
            i % 3 == 0 ? "Half-brother or half-sister" : "Grandparent",
            i % 3 == 0 ? ConnectionKind.None : i % 3 == 1 ? ConnectionKind.Direct : ConnectionKind.Indirect,
            i % 3 == 0 ? ConnectionWords.NoFamilyTime : "Once a month, on the second Saturday of the month, 10:00 to 11:30; Letters; Video call"))
        .ToList());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(15)]
    public void Labels_stay_inside_the_picture_clear_of_each_other_the_child_and_every_line(int count)
    {
        var layout = ConnectionsLayout.For(Crowd(count));
        Assert.Equal(count, layout.People.Count);
        var child = new Box(layout.CentreX - layout.ChildRadius, layout.CentreY - layout.ChildRadius, 2 * layout.ChildRadius, 2 * layout.ChildRadius);
        foreach (var p in layout.People)
        {
            Assert.True(p.Label.Left >= 0 && p.Label.Top >= 0 && p.Label.Right <= layout.Width && p.Label.Bottom <= layout.LegendTop,
                $"{p.Person.Name}'s label {p.Label} is outside the picture");
            Assert.False(p.Label.Overlaps(child), $"{p.Person.Name}'s label covers the child");
            foreach (var other in layout.People.Where(o => o != p))
            {
                Assert.False(p.Label.Overlaps(other.Label), $"labels overlap: {p.Label} and {other.Label}");
                Assert.False(Crosses(layout.CentreX, layout.CentreY, other.X, other.Y, p.Label), $"the line to {other.Person.Name} crosses {p.Person.Name}'s label");
            }
        }
    }

    [Fact]
    public void The_svg_has_one_line_per_person_and_long_text_is_wrapped()
    {
        var map = Crowd(15);
        var svg = ConnectionsSvg.Render(map, "m");
        Assert.Equal(15, Regex.Count(svg, "<line [^>]*data-person="));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-connections-map\" role=\"img\" viewBox=\"0 0 ", svg);
        Assert.All(Regex.Matches(svg, "<tspan[^>]*>([^<]*)</tspan>"), m => Assert.True(m.Groups[1].Value.Length <= ConnectionsLayout.LabelChars, m.Value));
    }

    [Theory]
    [InlineData("Every week on Saturday, 10:00 to 11:30", 30, 4, new[] { "Every week on Saturday, 10:00", "to 11:30" })]
    [InlineData("Letters", 30, 4, new[] { "Letters" })]
    [InlineData("one two three four", 5, 2, new[] { "one", "two…" })]
    [InlineData("Okonkwo-Smith-Abernathy", 10, 3, new[] { "Okonkwo-", "Smith-", "Abernathy" })]
    [InlineData("Wolfeschlegelsteinhausen", 10, 3, new[] { "Wolfeschl-", "egelstein-", "hausen" })]
    public void Wrapping_breaks_at_spaces_and_marks_what_is_cut(string text, int width, int maxLines, string[] expected) =>
        Assert.Equal(expected, ConnectionsLayout.Wrap(text, width, maxLines));

    /// <summary>Whether the segment from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky clipping).</summary>
    private static bool Crosses(double x1, double y1, double x2, double y2, Box box)
    {
        double t0 = 0, t1 = 1, dx = x2 - x1, dy = y2 - y1;
        foreach (var (p, q) in new[] { (-dx, x1 - box.Left), (dx, box.Right - x1), (-dy, y1 - box.Top), (dy, box.Bottom - y1) })
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }
                continue;
            }
            var t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }
            if (t0 > t1)
            {
                return false;
            }
        }
        return true;
    }
}
