using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>Adds a venue (no <paramref name="VenueId"/>) or changes one (with the version the editor started from).</summary>
public sealed record SaveVenueCommand(Guid? VenueId, VenueDetails Details, int? Version);

public sealed record VenueSaved(Guid Id, int Version);

public sealed class SaveVenue(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<Outcome<VenueSaved>> HandleAsync(UserScope user, string userName, SaveVenueCommand cmd, CancellationToken ct)
    {
        if (!VenueAccess.MayManage(user))
        {
            return Outcome<VenueSaved>.Forbidden("Only an administrator can change the list of venues.");
        }

        if (cmd.VenueId is not { } venueId)
        {
            var errors = await CheckAsync(cmd.Details, ct);
            if (!errors.IsValid)
            {
                return Outcome<VenueSaved>.Invalid(errors);
            }
            var (venue, _) = Venue.Create(cmd.Details);
            db.Venues.Add(venue!);
            var added = JsonSerializer.Serialize(new { venue!.Name, venue.Postcode, venue.AreaId, venue.IsOpen });
            await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Create, AuditRecord.Venue, venue.Id, null, added), ct);
            return Outcome<VenueSaved>.Ok(new VenueSaved(venue.Id, venue.Version));
        }

        var existing = await db.Venues.FirstOrDefaultAsync(v => v.Id == venueId, ct);
        if (existing is null)
        {
            return Outcome<VenueSaved>.NotFound();
        }
        if (cmd.Version is not { } version)
        {
            return Outcome<VenueSaved>.Invalid("Version", "Send the version of the venue you are changing");
        }
        if (existing.Version != version)
        {
            return Outcome<VenueSaved>.Conflict();
        }
        // The check in the database catches an edit that lands between this read and the save.
        db.Entry(existing).Property(v => v.Version).OriginalValue = version;
        var problems = await CheckAsync(cmd.Details, ct);
        if (!problems.IsValid)
        {
            return Outcome<VenueSaved>.Invalid(problems);
        }
        existing.Update(cmd.Details);
        var changes = AuditedSave.ChangesOf(db.Entry(existing));
        if (changes is null)
        {
            return Outcome<VenueSaved>.Ok(new VenueSaved(existing.Id, existing.Version));
        }
        try
        {
            await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Update, AuditRecord.Venue, existing.Id, null, changes), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<VenueSaved>.Conflict();
        }
        return Outcome<VenueSaved>.Ok(new VenueSaved(existing.Id, existing.Version));
    }

    /// <summary>The domain's checks, and that the area chosen really exists (a forged id would otherwise fail in the database).</summary>
    private async Task<Domain.Common.ValidationErrors> CheckAsync(VenueDetails details, CancellationToken ct)
    {
        var errors = details.Validate();
        if (details.AreaId is { } areaId && areaId != Guid.Empty && !await db.Areas.AnyAsync(a => a.Id == areaId, ct))
        {
            errors.Add(nameof(VenueDetails.AreaId), "Choose the area the venue is in");
        }
        return errors;
    }
}
