using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Workers;

/// <summary>A worker's profile as entered, whether they are trained for assessed family time, and the profile's version (0 for a first save).</summary>
public sealed record SaveWorkerCommand(string UserId, WorkerProfileDetails Details, bool TrainedToAssess, int? Version);

public sealed record WorkerSaved(string UserId, int Version);

/// <summary>
/// Saves a worker's profile (making it on first save) and "trained for assessed family time", which stays on the
/// user's account (ApplicationUser.TrainedToAssess, the one source the plan's rules read). A save against an old
/// version is refused as a conflict, so two coordinators editing at once do not overwrite each other unseen.
/// </summary>
public sealed class SaveWorkerProfile(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<Outcome<WorkerSaved>> HandleAsync(string byId, string byName, SaveWorkerCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == cmd.UserId, ct);
        var profile = await db.WorkerProfiles.FirstOrDefaultAsync(p => p.UserId == cmd.UserId, ct);
        if (user is null || (profile is null && !await db.InRole(Roles.ContactWorker).AnyAsync(u => u.Id == cmd.UserId, ct)))
        {
            return Outcome<WorkerSaved>.NotFound();
        }
        var errors = cmd.Details.Validate();
        if (cmd.Details.AreaId is { } area && area != Guid.Empty && !await db.Areas.AnyAsync(a => a.Id == area, ct))
        {
            errors.Add(nameof(WorkerProfileDetails.AreaId), "Choose the area whose rota the worker is on");
        }
        if (!errors.IsValid)
        {
            return Outcome<WorkerSaved>.Invalid(errors);
        }
        if ((profile?.Version ?? 0) != (cmd.Version ?? 0))
        {
            return Outcome<WorkerSaved>.Conflict();
        }
        if (profile is null)
        {
            (profile, _) = WorkerProfile.Create(cmd.UserId, cmd.Details);
            db.WorkerProfiles.Add(profile!);
        }
        else
        {
            db.Entry(profile).Property(p => p.Version).OriginalValue = cmd.Version ?? 0;
            profile.Update(cmd.Details);
        }
        user.TrainedToAssess = cmd.TrainedToAssess;
        var changes = JsonSerializer.Serialize(new
        {
            profile!.UserId, profile.AreaId, Pattern = profile.PatternSummary(), profile.Languages, profile.IsDriver, profile.MaxHoursPerWeek, profile.BasePostcode, cmd.TrainedToAssess,
        });
        try
        {
            await audit.SaveAsync(byId, byName, new AuditNote(AuditAction.Update, AuditRecord.Worker, Guid.Empty, null, changes), ct);
        }
        catch (DbUpdateException)
        {
            // Another save got there first (a newer version, or the first profile made at the same moment).
            return Outcome<WorkerSaved>.Conflict();
        }
        return Outcome<WorkerSaved>.Ok(new WorkerSaved(profile.UserId, profile.Version));
    }
}
