using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>A room as the pages show it: what it offers and the ages it suits (null ends are open).</summary>
public sealed record RoomView(Guid Id, string Name, int? Capacity, RoomFeatures Features, int? SuitsFromAge, int? SuitsToAge, bool SuitsBabies);

/// <summary>A closure of the whole venue (no room) or of one room, inclusive dates.</summary>
public sealed record ClosureView(Guid Id, Guid? RoomId, string What, DateOnly From, DateOnly Until, string Reason);

/// <summary>A venue as the list, its page and the API show it, with its area's name, rooms, hours, upcoming closures and concerns.</summary>
public sealed record VenueView(
    Guid Id,
    string Name,
    string Address,
    string Postcode,
    Guid AreaId,
    string Area,
    string? Notes,
    bool IsOpen,
    IReadOnlyList<RoomView> Rooms,
    int Version,
    IReadOnlyList<OpeningHours> OpeningHours,
    IReadOnlyList<ClosureView> Closures,
    int Concerns)
{
    public OpeningHours? HoursOn(DayOfWeek day) => OpeningHours.FirstOrDefault(h => h.Day == day);

    public RoomView? Room(Guid roomId) => Rooms.FirstOrDefault(r => r.Id == roomId);
}

/// <summary>One area's venues, for the list grouped by area.</summary>
public sealed record AreaVenues(Guid AreaId, string Area, IReadOnlyList<VenueView> Venues);

public sealed record AreaChoice(Guid Id, string Name);
