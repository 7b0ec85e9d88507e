using System.Globalization;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Api;

/// <summary>
/// A venue where family time can be arranged: its area, rooms (features by name, ages suited, whether one suits a
/// baby), opening hours Monday first (a day not listed is closed), closures not yet over, and how many standards
/// concerns have been raised about it.
/// </summary>
public sealed record VenueDto(
    Guid Id, string Name, string Address, string Postcode, Guid AreaId, string Area, string? Notes, bool IsOpen,
    IReadOnlyList<VenueRoomDto> Rooms, IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<ClosureDto> Closures, int Concerns, int Version);

/// <summary>A room. <c>features</c> are names from FamilyFriendly, Formal, BabyChange, Kitchen, Garden, StepFree, Observation; null ages are open ends.</summary>
public sealed record VenueRoomDto(Guid Id, string Name, int? Capacity, IReadOnlyList<string> Features, int? SuitsFromAge, int? SuitsToAge, bool SuitsBaby);

/// <summary>One weekday's hours, "HH:mm" local time.</summary>
public sealed record OpeningHoursDto(DayOfWeek Day, string Opens, string Closes);

/// <summary>Closed from and until (both days included): the whole venue when <c>roomId</c> is null, else that room.</summary>
public sealed record ClosureDto(Guid Id, Guid? RoomId, DateOnly From, DateOnly Until, string Reason);

public static class VenueEndpoints
{
    public static void MapVenueEndpoints(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/venues").WithTags("Venues");
        venues.MapGet("", List).StaffOnly()
            .WithSummary("The open venues family time can be arranged at, by area then name, with rooms, opening hours and closures. For staff; carers and parents are answered 404.")
            .WithDescription("Filters, all optional and combined: `search` (words in the name, address or postcode), `areaId`, `feature` "
                + "(repeat for several: one room must have them all; FamilyFriendly, Formal, BabyChange, Kitchen, Garden, StepFree, Observation), "
                + "`openOn` (a weekday such as Monday), `suitsBaby=true` (a room for under-ones with baby change). A value that is not one of the choices is ignored.");
        venues.MapGet("/{id:guid}", One).StaffOnly()
            .WithSummary("One venue, open or not, with its rooms, opening hours, closures not yet over and the number of standards concerns.")
            .ProducesProblem(404);
    }

    // The defaults say the filters are optional: without them the request delegate generator marks an array query
    // parameter required in the OpenAPI document (the request itself is answered either way).
    private static async Task<Ok<List<VenueDto>>> List(VenueDirectory directory, [FromQuery] string? search, [FromQuery] Guid? areaId,
        [FromQuery] string[]? feature = null, [FromQuery] string? openOn = null, [FromQuery] bool? suitsBaby = null, CancellationToken ct = default)
    {
        var filter = IndexModel.Read(search, areaId?.ToString(), feature, openOn, suitsBaby ?? false);
        var venues = await directory.SearchAsync(filter, openOnly: true, ct);
        return TypedResults.Ok(venues.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> One(Guid id, VenueDirectory directory, CancellationToken ct) =>
        await directory.OneAsync(id, ct) is { } venue ? TypedResults.Ok(Dto(venue)) : ApiResults.NotFound();

    public static VenueDto Dto(VenueView v) => new(
        v.Id, v.Name, v.Address, v.Postcode, v.AreaId, v.Area, v.Notes, v.IsOpen,
        v.Rooms.Select(r => new VenueRoomDto(r.Id, r.Name, r.Capacity,
            VenueWords.Features.Where(f => (r.Features & f.Feature) != 0).Select(f => f.Feature.ToString()).ToList(),
            r.SuitsFromAge, r.SuitsToAge, r.SuitsBabies)).ToList(),
        v.OpeningHours.Select(h => new OpeningHoursDto(h.Day, Time(h.Opens), Time(h.Closes))).ToList(),
        v.Closures.Select(c => new ClosureDto(c.Id, c.RoomId, c.From, c.Until, c.Reason)).ToList(),
        v.Concerns,
        v.Version);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
