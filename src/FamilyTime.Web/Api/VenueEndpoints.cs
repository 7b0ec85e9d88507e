using System.Security.Claims;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;

namespace FamilyTime.Web.Api;

/// <summary>An open venue where family time can be arranged, with its area and rooms.</summary>
public sealed record VenueDto(Guid Id, string Name, string Address, string Postcode, Guid AreaId, string Area, string? Notes, IReadOnlyList<RoomView> Rooms);

public static class VenueEndpoints
{
    public static void MapVenueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/venues").WithTags("Venues")
            .MapGet("", List).StaffOnly()
            .WithSummary("The open venues family time can be arranged at, by area then name, with their rooms. For staff; carers and parents are answered 404.");
    }

    private static async Task<IResult> List(ClaimsPrincipal user, VenueDirectory directory, CancellationToken ct)
    {
        var venues = await directory.OpenAsync(ct);
        return TypedResults.Ok(venues.Select(v => new VenueDto(v.Id, v.Name, v.Address, v.Postcode, v.AreaId, v.Area, v.Notes, v.Rooms)).ToList());
    }
}
