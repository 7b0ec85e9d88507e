using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// The steps every change to a venue's hours, closures or rooms shares: only an administrator; the venue read with
/// its rooms and closures; the version the editor started from checked, here and again by the database; and the save
/// moving the venue to a new version even when only a room or a closure changed, so an editor holding the old
/// version is told rather than overwriting (or repeating) the change.
/// </summary>
public sealed class VenueEditing(FamilyTimeDbContext db, AuditedSave audit)
{
    public FamilyTimeDbContext Db => db;

    /// <summary>The venue, ready to change, or the answer to give instead (403, 404, 400 without a version, 409 when stale).</summary>
    public async Task<(Venue? Venue, OutcomeKind? Refused, string? Message)> OpenAsync(UserScope user, Guid venueId, int? version, CancellationToken ct)
    {
        if (!VenueAccess.MayManage(user))
        {
            return (null, OutcomeKind.Forbidden, "Only an administrator can change a venue.");
        }
        var venue = await db.Venues.Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery().FirstOrDefaultAsync(v => v.Id == venueId, ct);
        if (venue is null)
        {
            return (null, OutcomeKind.NotFound, null);
        }
        if (version is not { } v)
        {
            return (venue, OutcomeKind.Invalid, "Send the version of the venue you are changing");
        }
        if (venue.Version != v)
        {
            return (venue, OutcomeKind.Conflict, null);
        }
        db.Entry(venue).Property(x => x.Version).OriginalValue = v;
        return (venue, null, null);
    }

    public static Outcome<T> Refusal<T>(OutcomeKind kind, string? message) => kind switch
    {
        OutcomeKind.Forbidden => Outcome<T>.Forbidden(message!),
        OutcomeKind.NotFound => Outcome<T>.NotFound(),
        OutcomeKind.Invalid => Outcome<T>.Invalid("Version", message!),
        _ => Outcome<T>.Conflict(),
    };

    /// <summary>Saves the change and its audit entry (name → [before, after], as a venue edit reads); a lost race answers 409.</summary>
    public async Task<Outcome<VenueChanged>> SaveAsync(UserScope user, string userName, Venue venue, Dictionary<string, string?[]> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(venue);
        db.Entry(venue).Property(v => v.Version).IsModified = true;
        try
        {
            await audit.SaveAsync(user.UserId, userName,
                new AuditNote(AuditAction.Update, AuditRecord.Venue, venue.Id, null, JsonSerializer.Serialize(changes)), ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<VenueChanged>.Conflict();
        }
        return Outcome<VenueChanged>.Ok(new VenueChanged(venue.Id, venue.Version));
    }
}

public sealed record VenueChanged(Guid Id, int Version);
