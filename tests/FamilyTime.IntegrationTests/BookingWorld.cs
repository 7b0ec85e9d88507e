using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// What the booking tests lay down, each with names of its own so tests never clash with one another or the demo: the
/// North area, contact workers who work every day, a venue open every day, and a child with weekly family time on
/// Saturdays agreed through the API. The clock stands at Tuesday 17 November 2026.
/// </summary>
internal static class BookingWorld
{
    /// <summary>The first Saturday of the weekly family time <see cref="SaturdayFamilyAsync"/> plans.</summary>
    public static readonly DateOnly FirstSaturday = new(2026, 11, 21);

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static Task<Guid> NorthAsync(FamilyTimeFactory app) =>
        app.DbAsync(db => db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync());

    /// <summary>A contact worker of the area, trained to assess, who works every day 08:00–20:00; answers their user id.</summary>
    public static Task<string> WorkerAsync(FamilyTimeFactory app, string name, Guid area) => app.DbAsync(async db =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var userName = "worker" + Guid.NewGuid().ToString("N")[..8];
        var user = new ApplicationUser { UserName = userName, DisplayName = name, Email = userName + "@example.org", TrainedToAssess = true };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ContactWorker)).Succeeded);
        var every = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList();
        db.WorkerProfiles.Add(WorkerProfile.Create(user.Id, new WorkerProfileDetails(area, every, null, true, 37, "NB1 4QT")).Profile!);
        await db.SaveChangesAsync();
        return user.Id;
    });

    /// <summary>
    /// A venue of the area open every day 07:00–21:00 (these tests are about bookings, not opening hours), with rooms
    /// for 8; a room given features has them, the others keep a new room's. Answers the venue and the rooms in order.
    /// </summary>
    public static Task<(Guid Venue, Guid[] Rooms)> VenueAsync(FamilyTimeFactory app, Guid area, string name, string address,
        params (string Room, RoomFeatures Features)[] rooms) => app.DbAsync(async db =>
    {
        var (v, _) = Venue.Create(new VenueDetails(name, address, "NB1 4QT", area, null));
        Assert.True(v!.SetOpeningHours(Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(21, 0))).ToList()).IsValid);
        var ids = new List<Guid>();
        foreach (var (room, features) in rooms)
        {
            var (r, _) = v.AddRoom(room, 8);
            if (features != RoomFeatures.None)
            {
                Assert.True(v.ChangeRoom(r!.Id, new RoomDetails(room, 8, features, null, null)).IsValid);
            }
            ids.Add(r!.Id);
        }
        db.Venues.Add(v);
        await db.SaveChangesAsync();
        return (v.Id, ids.ToArray());
    });

    /// <summary>
    /// A child of socialworker1 living with carer1's household, on a care order and not in care proceedings, with their
    /// mother, and weekly supervised family time on Saturdays 10:00–11:30 from <see cref="FirstSaturday"/> in the room
    /// with the supervisor given, agreed through the API; <paramref name="also"/> adds to the arrangement's body.
    /// Answers the child, the arrangement and the second Saturday's session.
    /// </summary>
    public static async Task<(Guid Child, Guid Arrangement, Guid Session)> SaturdayFamilyAsync(FamilyTimeFactory app, string childName,
        Dictionary<string, object?> mother, Guid venue, Guid room, string supervisor, IReadOnlyDictionary<string, object?>? also = null)
    {
        var api = await app.ApiAsAsync("socialworker1");
        var household = await app.DbAsync(db => db.Users.Where(u => u.UserName == "carer1").Select(u => u.CarerHouseholdId!.Value).SingleAsync());
        var newChild = ApiInput.NewChild(household, childName);
        newChild["legalStatus"] = "CareOrder";
        newChild["inCareProceedings"] = false;
        var child = (await BodyAsync(await api.PostAsJsonAsync("/api/v1/children", newChild), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var motherId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/people", mother), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var arrangement = ApiInput.WeeklySupervised(motherId, DayOfWeek.Saturday, FirstSaturday, venue, room);
        arrangement["supervisorId"] = supervisor;
        foreach (var (key, value) in also ?? new Dictionary<string, object?>())
        {
            arrangement[key] = value;
        }
        ArrangementMusts.With(arrangement, FirstSaturday.AddDays(-4));
        var arrangementId = (await BodyAsync(await api.PostAsJsonAsync($"/api/v1/children/{child}/plan/arrangements", arrangement), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BodyAsync(await api.PostAsync($"/api/v1/children/{child}/plan/agree", null), HttpStatusCode.OK);
        var session = await app.DbAsync(db => db.Sessions.Where(s => s.ArrangementId == arrangementId && s.Date == FirstSaturday.AddDays(7)).Select(s => s.Id).SingleAsync());
        return (child, arrangementId, session);
    }
}
