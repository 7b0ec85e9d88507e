namespace FamilyTime.Web.Features.Admin.Venues;

public sealed record RoomView(Guid Id, string Name, int? Capacity);

/// <summary>A venue as the list, its page and the API show it, with its area's name and its rooms.</summary>
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
    int Version);

/// <summary>One area's venues, for the list grouped by area.</summary>
public sealed record AreaVenues(Guid AreaId, string Area, IReadOnlyList<VenueView> Venues);

public sealed record AreaChoice(Guid Id, string Name);
