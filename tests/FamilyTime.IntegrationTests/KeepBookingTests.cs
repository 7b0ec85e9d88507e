using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A booking survives the plan saved again (issue 12): the coordinator books a session into another room, with
/// another supervisor and an hour later, on the booking page; the social worker saves the arrangement's page without
/// changing what it asks, and the booking stands, with no "moved" message to anyone; then the social worker moves
/// the arrangement's start, and the plan wins: the session takes the new time and the plan's room and supervisor, and
/// the area's week lists it as not yet booked. The clock stands at Tuesday 17 November 2026.
/// </summary>
public abstract class KeepBookingTests(FamilyTimeFactory app)
{
    private static readonly DateOnly FirstSaturday = new(2026, 11, 21);
    private static readonly DateOnly WeekOf28th = new(2026, 11, 23);

    private sealed record Family(Guid Child, Guid Arrangement, Guid Session, Guid PlanRoom, Guid OtherRoom, string PlanWorker, string OtherWorker);

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private Task<string> WorkerAsync(string name, Guid area) => app.DbAsync(async db =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var userName = "keep" + Guid.NewGuid().ToString("N")[..8];
        var user = new ApplicationUser { UserName = userName, DisplayName = name, Email = userName + "@example.org", TrainedToAssess = true };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ContactWorker)).Succeeded);
        var every = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList();
        db.WorkerProfiles.Add(WorkerProfile.Create(user.Id, new WorkerProfileDetails(area, every, null, true, 37, "NB1 4QT")).Profile!);
        await db.SaveChangesAsync();
        return user.Id;
    });

    /// <summary>
    /// A venue of two rooms in North open every day, two contact workers, and a child of socialworker1 (not in care
    /// proceedings) with weekly supervised family time on Saturdays 10:00–11:30 in the first room with the first
    /// worker, agreed; answers the second Saturday's session.
    /// </summary>
    private async Task<Family> FamilyAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var area = await app.DbAsync(db => db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync());
        var (venue, planRoom, otherRoom) = await app.DbAsync(async db =>
        {
            var (v, _) = Venue.Create(new VenueDetails($"Keep Centre {tag}", "3 Mill Lane, Northbridge", "NB1 4QT", area, null));
            Assert.True(v!.SetOpeningHours(Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(21, 0))).ToList()).IsValid);
            var (r1, _) = v.AddRoom($"Ash {tag}", 8);
            var (r2, _) = v.AddRoom($"Birch {tag}", 8);
            db.Venues.Add(v);
            await db.SaveChangesAsync();
            return (v.Id, r1!.Id, r2!.Id);
        });
        var planWorker = await WorkerAsync($"Cara Plan{tag}", area);
        var otherWorker = await WorkerAsync($"Dev Booked{tag}", area);

        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var newChild = ApiInput.NewChild(household, "Keep" + tag);
        newChild["legalStatus"] = "CareOrder";
        newChild["inCareProceedings"] = false;
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", newChild), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var mother = ApiInput.Mother($"Keely Keep{tag}");
        mother["email"] = $"keely.keep{tag}@example.org";
        var motherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", mother), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var arrangement = new Dictionary<string, object?>
        {
            ["personIds"] = new[] { motherId },
            ["purposes"] = new[] { "Attachment" },
            ["type"] = "Supervised",
            ["reasonForSupervision"] = "The court has directed observed family time during the parenting assessment.",
            ["form"] = "FaceToFace",
            ["frequency"] = "Weekly",
            ["days"] = new[] { "Saturday" },
            ["firstDate"] = FirstSaturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["startTime"] = "10:00",
            ["durationMinutes"] = 90,
            ["venueId"] = venue,
            ["roomId"] = planRoom,
            ["supervisorId"] = planWorker,
            ["reviewEveryMonths"] = 3,
        };
        ArrangementMusts.With(arrangement, FirstSaturday.AddDays(-4));
        var arrangementId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", arrangement), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var session = await app.DbAsync(db => db.Sessions.Where(s => s.ArrangementId == arrangementId && s.Date == FirstSaturday.AddDays(7)).Select(s => s.Id).SingleAsync());
        return new Family(child, arrangementId, session, planRoom, otherRoom, planWorker, otherWorker);
    }

    private Task<FamilyTimeSession> SessionAsync(Guid id) => app.DbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>The e-mails and texts about this child that say family time has moved.</summary>
    private Task<int> MovedMessagesAsync(Guid child) => app.DbAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(m => m.ChildId == child).Select(m => new { m.Subject, m.Body }).ToListAsync())
            .Count(m => (m.Subject + " " + m.Body).Contains("moved", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The social worker saves the arrangement's page as it stands, with the change given.</summary>
    private async Task SaveArrangementAsync(Family f, string? startTime = null)
    {
        var pages = await app.PagesAsAsync("socialworker1");
        var url = $"/Children/{f.Child}/Plan/Arrangements/{f.Arrangement}/Edit";
        var form = PageForm.Of(await pages.GetStringAsync(url), "Input.StartTime");
        Assert.Equal("10:00", form["Input.StartTime"]);
        form.Set("Input.Reason", startTime is null ? "The activities were written more clearly." : "Mum starts work on Saturday mornings.");
        if (startTime is not null)
        {
            form.Set("Input.StartTime", startTime);
        }
        var saved = await pages.PostAsync(url, form.Content());
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"saving the arrangement answered {saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        Assert.EndsWith($"/Children/{f.Child}/Plan", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<string> NotBookedOnTheAreasWeekAsync()
    {
        var page = await (await app.PagesAsAsync("coordinator1")).GetStringAsync("/Week/Area?week=" + WeekOf28th.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var start = page.IndexOf("id=\"not-booked\"", StringComparison.Ordinal);
        var end = page.IndexOf("id=\"by-room\"", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the area's week has its not-booked and by-room sections");
        return page[start..end];
    }

    [Fact]
    public async Task A_booking_stands_when_the_plan_is_saved_asking_nothing_new_and_a_new_start_time_puts_the_session_back_on_the_plan_not_booked()
    {
        var f = await FamilyAsync();
        Assert.Contains($"data-session=\"{f.Session}\"", await NotBookedOnTheAreasWeekAsync());

        // The coordinator books the session an hour later, in the other room, with the other worker supervising.
        var coordinator = await app.PagesAsAsync("coordinator1");
        var bookingUrl = $"/Children/{f.Child}/Sessions/{f.Session}/Booking";
        var booking = PageForm.Of(await coordinator.GetStringAsync(bookingUrl), "Input.Start")
            .Set("Input.Start", "11:00").Set("Input.RoomId", f.OtherRoom.ToString()).Set("Input.SupervisorId", f.OtherWorker)
            .Set("Input.SecondWorkerId", f.PlanWorker);
        var booked = await coordinator.PostAsync(bookingUrl, booking.Content());
        Assert.True(booked.StatusCode == HttpStatusCode.Redirect, $"booking answered {booked.StatusCode}: {await booked.Content.ReadAsStringAsync()}");
        var afterBooking = await SessionAsync(f.Session);
        Assert.Equal((new TimeOnly(11, 0), f.OtherRoom, f.OtherWorker, f.PlanWorker), (afterBooking.StartTime, afterBooking.RoomId!.Value, afterBooking.SupervisorId!, afterBooking.SecondWorkerId!));
        Assert.True(afterBooking.IsBooked);
        Assert.DoesNotContain($"data-session=\"{f.Session}\"", await NotBookedOnTheAreasWeekAsync());
        var movedMessages = await MovedMessagesAsync(f.Child);

        // The social worker saves the arrangement with nothing it asks changed: the booking stands, and nobody is told of a move.
        await SaveArrangementAsync(f);
        var kept = await SessionAsync(f.Session);
        Assert.Equal((new TimeOnly(11, 0), f.OtherRoom, f.OtherWorker, f.PlanWorker), (kept.StartTime, kept.RoomId!.Value, kept.SupervisorId!, kept.SecondWorkerId!));
        Assert.Equal((afterBooking.Date, afterBooking.BookedAt, afterBooking.Sequence), (kept.Date, kept.BookedAt, kept.Sequence));
        Assert.Equal(movedMessages, await MovedMessagesAsync(f.Child));
        Assert.DoesNotContain($"data-session=\"{f.Session}\"", await NotBookedOnTheAreasWeekAsync());

        // The arrangement now starts at 14:00: the plan wins, the booking is cleared, and the coordinator sees it to book again.
        await SaveArrangementAsync(f, "14:00");
        var replanned = await SessionAsync(f.Session);
        Assert.Equal((afterBooking.Date, new TimeOnly(14, 0), f.PlanRoom, f.PlanWorker), (replanned.Date, replanned.StartTime, replanned.RoomId!.Value, replanned.SupervisorId!));
        Assert.False(replanned.IsBooked);
        Assert.Equal(((string?)null, (string?)null), (replanned.SecondWorkerId, replanned.DriverId));
        Assert.Equal(SessionStatus.Planned, replanned.Status);
        Assert.Contains($"data-session=\"{f.Session}\"", await NotBookedOnTheAreasWeekAsync());
    }
}

[Collection("sqlite")]
public sealed class KeepBookingTestsOnSqlite(SqliteApp app) : KeepBookingTests(app.Factory), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class KeepBookingTestsOnPostgres(PostgresApp app) : KeepBookingTests(app.Factory), IClassFixture<PostgresApp>;
