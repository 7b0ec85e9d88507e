using FamilyTime.Domain.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Admin.Venues;

public sealed record RemoveClosureCommand(Guid VenueId, Guid ClosureId, int? Version);

/// <summary>
/// Takes a closure off (ended early, or added in error). A closure already gone answers done, so the same form
/// sent twice (a double click, a retry) is not told someone else changed the venue.
/// </summary>
public sealed class RemoveClosure(VenueEditing editing)
{
    public async Task<Outcome<VenueChanged>> HandleAsync(UserScope user, string userName, RemoveClosureCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var (venue, refused, message) = await editing.OpenAsync(user, cmd.VenueId, cmd.Version, ct);
        if (refused is { } kind && !(kind == OutcomeKind.Conflict && venue!.Closures.All(c => c.Id != cmd.ClosureId)))
        {
            return VenueEditing.Refusal<VenueChanged>(kind, message);
        }
        var closure = venue!.RemoveClosure(cmd.ClosureId);
        if (closure is null)
        {
            return Outcome<VenueChanged>.Ok(new VenueChanged(venue.Id, venue.Version));
        }
        editing.Db.VenueClosures.Remove(closure);
        var what = closure.RoomId is { } room ? venue.Rooms.FirstOrDefault(r => r.Id == room)?.Name ?? "A room" : "The whole venue";
        return await editing.SaveAsync(user, userName, venue, new()
        {
            ["Closure removed"] = [$"{what}: {VenueWords.Dates(closure.From, closure.Until)} ({closure.Reason})", null],
        }, ct);
    }
}
