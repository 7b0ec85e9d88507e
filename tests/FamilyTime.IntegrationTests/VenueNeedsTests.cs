using System.Net;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Features.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static FamilyTime.IntegrationTests.BookingWorld;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// What a plan asks of the venue (issue 12): "the venue must have step-free access" and "family time must be at this
/// venue", saved on the arrangement's page and through the API, carried into the rota's input (a step-free room, only
/// the plan's venue), and warned of on the booking page (a room without step-free access, another venue) until the
/// coordinator ticks "Book despite the warnings". The clock stands at Tuesday 17 November 2026.
/// </summary>
public abstract class VenueNeedsTests(FamilyTimeFactory app)
{
    private static readonly DateOnly WeekOf28th = new(2026, 11, 23);

    /// <summary>The plan's venue has a step-free room (the plan's) and one with steps; another venue has a step-free room.</summary>
    private sealed record Family(Guid Child, Guid Arrangement, Guid Session, Guid Area, Guid Venue, Guid PlanRoom, Guid StepsRoom, Guid OtherVenue, Guid OtherVenueRoom, string Worker);

    /// <summary>
    /// A child of socialworker1 with weekly supervised family time on Saturdays 10:00–11:30 in the plan's step-free
    /// room, agreed through the API with the two answers given; answers the second Saturday's session.
    /// </summary>
    private async Task<Family> FamilyAsync(bool stepFree = false, bool venueFixed = false)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var area = await NorthAsync(app);
        var (venue, rooms) = await VenueAsync(app, area, $"Step Centre {tag}", "3 Mill Lane, Northbridge",
            ($"Ash {tag}", RoomFeatures.StepFree | RoomFeatures.FamilyFriendly), ($"Loft {tag}", RoomFeatures.FamilyFriendly));
        var (other, otherRooms) = await VenueAsync(app, area, $"Far Centre {tag}", "3 Mill Lane, Northbridge", ($"Cedar {tag}", RoomFeatures.StepFree | RoomFeatures.FamilyFriendly));
        var worker = await WorkerAsync(app, $"Cara Step{tag}", area);
        // Left out of the body when not asked: the API takes them as false.
        var also = new Dictionary<string, object?>();
        if (stepFree)
        {
            also["needsStepFreeAccess"] = true;
        }
        if (venueFixed)
        {
            also["venueFixed"] = true;
        }
        var (child, arrangement, session) = await SaturdayFamilyAsync(app, "Step" + tag, ApiInput.Mother($"Kim Step{tag}"), venue, rooms[0], worker, also);
        return new Family(child, arrangement, session, area, venue, rooms[0], rooms[1], other, otherRooms[0], worker);
    }

    private Task<(bool StepFree, bool VenueFixed)> SavedAsync(Guid arrangement) =>
        app.DbAsync(db => db.Arrangements.AsNoTracking().Where(a => a.Id == arrangement).Select(a => new ValueTuple<bool, bool>(a.NeedsStepFreeAccess, a.VenueFixed)).SingleAsync());

    private static string EditUrl(Family f) => $"/Children/{f.Child}/Plan/Arrangements/{f.Arrangement}/Edit";

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Each_box_ticked_on_the_arrangements_page_is_saved_as_a_minor_change_and_read_back(bool stepFree, bool venueFixed)
    {
        var f = await FamilyAsync();
        Assert.Equal((false, false), await SavedAsync(f.Arrangement));
        var pages = await app.PagesAsAsync("socialworker1");
        var form = PageForm.Of(await pages.GetStringAsync(EditUrl(f)), "Input.NeedsStepFreeAccess")
            .Set("Input.Reason", "Mum now uses a wheelchair; the court order names the centre.")
            .Set("Input.NeedsStepFreeAccess", stepFree ? "true" : "false")
            .Set("Input.VenueFixed", venueFixed ? "true" : "false");
        var saved = await pages.PostAsync(EditUrl(f), form.Content());
        // A minor change: saved at once, no change proposal for the IRO.
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"saving answered {saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        Assert.EndsWith($"/Children/{f.Child}/Plan", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal((stepFree, venueFixed), await SavedAsync(f.Arrangement));
        Assert.False(await app.DbAsync(db => db.ChangeProposals.AnyAsync(c => c.ChildId == f.Child)));

        var again = PageForm.Of(await pages.GetStringAsync(EditUrl(f)), "Input.NeedsStepFreeAccess");
        Assert.Equal(stepFree ? "true" : "false", again["Input.NeedsStepFreeAccess"]);
        Assert.Equal(venueFixed ? "true" : "false", again["Input.VenueFixed"]);
        var summary = WebUtility.HtmlDecode(await pages.GetStringAsync($"/Children/{f.Child}/Plan"));
        Assert.Contains(stepFree ? "Step-free access" : "At this venue only", summary, StringComparison.Ordinal);

        var api = await app.ApiAsAsync("socialworker1");
        var plan = await BodyAsync(await api.GetAsync($"/api/v1/children/{f.Child}/plan"), HttpStatusCode.OK);
        var read = plan.GetProperty("arrangements").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == f.Arrangement);
        Assert.Equal((stepFree, venueFixed), (read.GetProperty("needsStepFreeAccess").GetBoolean(), read.GetProperty("venueFixed").GetBoolean()));
    }

    [Fact]
    public async Task This_venue_only_without_a_venue_is_an_error_on_its_field_not_a_failure()
    {
        var f = await FamilyAsync();
        var pages = await app.PagesAsAsync("socialworker1");
        var form = PageForm.Of(await pages.GetStringAsync(EditUrl(f)), "Input.VenueFixed")
            .Set("Input.Reason", "The court order names the centre.").Set("Input.RoomId", "").Set("Input.VenueFixed", "true");
        var answer = await pages.PostAsync(EditUrl(f), form.Content());
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"answered {answer.StatusCode}");
        Assert.Contains("id=\"Input_VenueFixed-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Choose the venue family time must be at, or untick “Family time must be at this venue”", html, StringComparison.Ordinal);
        Assert.Equal((false, false), await SavedAsync(f.Arrangement));
    }

    [Fact]
    public async Task The_rota_asks_for_a_step_free_room_at_the_plans_venue_only()
    {
        var f = await FamilyAsync(stepFree: true, venueFixed: true);
        var plain = await FamilyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var build = (await scope.ServiceProvider.GetRequiredService<RotaInputBuilder>().BuildAsync(f.Area, WeekOf28th, false, CancellationToken.None))!;
        var session = build.Problem.Sessions.Single(s => s.Id == f.Session);
        Assert.True(session.RoomNeeds.HasFlag(RoomFeatures.StepFree));
        Assert.Equal(f.Venue, session.FixedVenueId);
        var other = build.Problem.Sessions.Single(s => s.Id == plain.Session);
        Assert.False(other.RoomNeeds.HasFlag(RoomFeatures.StepFree));
        Assert.Null(other.FixedVenueId);
    }

    private async Task<HttpResponseMessage> BookAsync(Family f, Guid room, bool accept)
    {
        var coordinator = await app.PagesAsAsync("coordinator1");
        var url = $"/Children/{f.Child}/Sessions/{f.Session}/Booking";
        var form = PageForm.Of(await coordinator.GetStringAsync(url), "Input.Start")
            .Set("Input.RoomId", room.ToString()).Set("Input.SupervisorId", f.Worker).Set("Input.AcceptWarnings", accept ? "true" : "false");
        return await coordinator.PostAsync(url, form.Content());
    }

    [Fact]
    public async Task The_booking_page_warns_of_a_room_without_step_free_access_until_the_coordinator_accepts()
    {
        var f = await FamilyAsync(stepFree: true);
        var refused = await BookAsync(f, f.StepsRoom, accept: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("has no step-free access, and the plan says the venue must have it. To book it anyway, tick “Book despite the warnings”",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(f.PlanRoom, await app.DbAsync(db => db.Sessions.Where(s => s.Id == f.Session).Select(s => s.RoomId!.Value).SingleAsync()));

        var accepted = await BookAsync(f, f.StepsRoom, accept: true);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(f.StepsRoom, await app.DbAsync(db => db.Sessions.Where(s => s.Id == f.Session).Select(s => s.RoomId!.Value).SingleAsync()));
    }

    [Fact]
    public async Task The_booking_page_warns_of_another_venue_when_the_plan_fixes_one()
    {
        var f = await FamilyAsync(venueFixed: true);
        var refused = await BookAsync(f, f.OtherVenueRoom, accept: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The plan says family time must be at Step Centre", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Another room at the plan's venue is no warning.
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(f, f.StepsRoom, accept: false)).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class VenueNeedsTestsOnSqlite(SqliteApp app) : VenueNeedsTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class VenueNeedsTestsOnPostgres(PostgresApp app) : VenueNeedsTests(app.Factory), IClassFixture<PostgresApp>;
