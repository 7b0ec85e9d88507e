using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>A room's name, capacity, features and the ages it suits, from the venue version the editor started from.</summary>
public sealed record ChangeRoomCommand(Guid VenueId, Guid RoomId, RoomDetails Details, int? Version);

public sealed class ChangeRoom(VenueEditing editing)
{
    public async Task<Outcome<VenueChanged>> HandleAsync(UserScope user, string userName, ChangeRoomCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var (venue, refused, message) = await editing.OpenAsync(user, cmd.VenueId, cmd.Version, ct);
        if (refused is { } kind)
        {
            return VenueEditing.Refusal<VenueChanged>(kind, message);
        }
        var room = venue!.Rooms.FirstOrDefault(r => r.Id == cmd.RoomId);
        if (room is null)
        {
            return Outcome<VenueChanged>.NotFound();
        }
        var before = Describe(room);
        var errors = venue.ChangeRoom(cmd.RoomId, cmd.Details);
        if (!errors.IsValid)
        {
            return Outcome<VenueChanged>.Invalid(errors);
        }
        var after = Describe(room);
        if (before == after)
        {
            return Outcome<VenueChanged>.Ok(new VenueChanged(venue.Id, venue.Version));
        }
        return await editing.SaveAsync(user, userName, venue, new() { [$"Room {room.Name}"] = [before, after] }, ct);
    }

    private static string Describe(Room r)
    {
        var features = VenueWords.FeatureNames(r.Features);
        return $"{r.Name}, {(r.Capacity is { } c ? $"up to {c} people" : "capacity not recorded")}, "
            + $"{(features.Count == 0 ? "no features" : string.Join(", ", features))}, {VenueWords.Ages(r.SuitsFromAge, r.SuitsToAge).ToLowerInvariant()}";
    }
}
