using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Venues;

public sealed record AddRoomCommand(Guid VenueId, string? Name, int? Capacity);

public sealed record RoomAdded(Guid Id, string Name);

/// <summary>Adds a room that family time can be booked into. The audit entry is the venue's, as the room is part of it.</summary>
public sealed class AddRoom(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<Outcome<RoomAdded>> HandleAsync(UserScope user, string userName, AddRoomCommand cmd, CancellationToken ct)
    {
        if (!VenueAccess.MayManage(user))
        {
            return Outcome<RoomAdded>.Forbidden("Only an administrator can add rooms to a venue.");
        }
        var venue = await db.Venues.Include(v => v.Rooms).FirstOrDefaultAsync(v => v.Id == cmd.VenueId, ct);
        if (venue is null)
        {
            return Outcome<RoomAdded>.NotFound();
        }
        var (room, errors) = venue.AddRoom(cmd.Name, cmd.Capacity);
        if (!errors.IsValid)
        {
            return Outcome<RoomAdded>.Invalid(errors);
        }
        db.Rooms.Add(room!);
        // Same shape as an edit's changes (name → [before, after]), so the audit page reads it the same way.
        var changes = JsonSerializer.Serialize(new Dictionary<string, string?[]>
        {
            ["Room added"] = [null, room!.Capacity is { } c ? $"{room.Name} (up to {c} people)" : room.Name],
        });
        await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Update, AuditRecord.Venue, venue.Id, null, changes), ct);
        return Outcome<RoomAdded>.Ok(new RoomAdded(room.Id, room.Name));
    }
}
