using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>Closes the whole venue (no room) or one room for some days, from the version the editor started from.</summary>
public sealed record AddClosureCommand(Guid VenueId, ClosureDetails Details, int? Version);

public sealed class AddClosure(VenueEditing editing, TimeProvider clock)
{
    public async Task<Outcome<VenueChanged>> HandleAsync(UserScope user, string userName, AddClosureCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var (venue, refused, message) = await editing.OpenAsync(user, cmd.VenueId, cmd.Version, ct);
        if (refused is { } kind)
        {
            return VenueEditing.Refusal<VenueChanged>(kind, message);
        }
        var (closure, errors) = venue!.AddClosure(cmd.Details, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<VenueChanged>.Invalid(errors);
        }
        editing.Db.VenueClosures.Add(closure!);
        var what = closure!.RoomId is { } room ? venue.Rooms.First(r => r.Id == room).Name : "The whole venue";
        return await editing.SaveAsync(user, userName, venue, new()
        {
            ["Closure added"] = [null, $"{what}: {VenueWords.Dates(closure.From, closure.Until)} ({closure.Reason})"],
        }, ct);
    }
}
