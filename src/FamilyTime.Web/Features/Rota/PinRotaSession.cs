using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Rota;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>A coordinator's pin or change of one session: any of room, start ("HH:mm") and workers; blank parts stay free.</summary>
public sealed record PinCommand(Guid RunId, Guid SessionId, Guid? RoomId, string? Start, IReadOnlyList<string> WorkerIds);

/// <summary>
/// Pins (or changes) one session of a run's week: checked against the rules, then kept for every later run of the
/// week. One pin a session: pinning again replaces it (a unique index settles two coordinators at once).
/// </summary>
public sealed class PinRotaSession(FamilyTimeDbContext db, WriteGate gate, TimeProvider clock)
{
    public async Task<Outcome<Domain.Rota.RotaPin>> HandleAsync(UserScope user, PinCommand cmd, CancellationToken ct)
    {
        if (!RotaAccess.MayPlan(user))
        {
            return Outcome<Domain.Rota.RotaPin>.Forbidden(RotaAccess.PlanRefusal);
        }
        var run = await db.RotaRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == cmd.RunId, ct);
        var snapshot = RotaResultJson.Read(run?.ResultJson);
        var session = snapshot?.Session(cmd.SessionId);
        if (run is null || snapshot is null || session is null)
        {
            return Outcome<Domain.Rota.RotaPin>.NotFound();
        }
        int? start = null;
        if (!string.IsNullOrWhiteSpace(cmd.Start))
        {
            if (!TimeOnly.TryParseExact(cmd.Start.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return Outcome<Domain.Rota.RotaPin>.Invalid("Start", "Enter the start time as hours and minutes, like 16:00");
            }
            start = RotaInputBuilder.Minutes(t);
        }
        var workers = cmd.WorkerIds.Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.Ordinal).ToList();
        var errors = RotaOverrideCheck.Check(snapshot, session, cmd.RoomId, start, workers);
        if (!errors.IsValid)
        {
            return Outcome<Domain.Rota.RotaPin>.Invalid(errors);
        }
        var others = (await db.RotaPins.AsNoTracking()
                .Where(p => p.AreaId == run.AreaId && p.WeekStart == run.WeekStart && p.SessionId != cmd.SessionId)
                .ToListAsync(ct))
            .Select(p => new RotaOverrideCheck.OtherPin(p.SessionId, p.RoomId, p.Start is { } t ? RotaInputBuilder.Minutes(t) : null, p.WorkerIds));
        errors = RotaOverrideCheck.ClashesWithPins(snapshot, session, cmd.RoomId, start, workers, others);
        if (!errors.IsValid)
        {
            return Outcome<Domain.Rota.RotaPin>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var startTime = start is { } m ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)) : (TimeOnly?)null;
        var pin = await db.RotaPins.FirstOrDefaultAsync(p => p.SessionId == cmd.SessionId, ct);
        if (pin is null)
        {
            pin = new Domain.Rota.RotaPin(run.AreaId, run.WeekStart, cmd.SessionId, cmd.RoomId, startTime, workers, user.UserId, now);
            db.RotaPins.Add(pin);
        }
        else
        {
            pin.Change(cmd.RoomId, startTime, workers, user.UserId, now);
        }
        try
        {
            await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<Domain.Rota.RotaPin>.Conflict();
        }
        return Outcome<Domain.Rota.RotaPin>.Ok(pin);
    }

    /// <summary>Takes a session's pin away; nothing to take away is not an error (a retried click).</summary>
    public async Task<Outcome<bool>> UnpinAsync(UserScope user, Guid sessionId, CancellationToken ct)
    {
        if (!RotaAccess.MayPlan(user))
        {
            return Outcome<bool>.Forbidden(RotaAccess.PlanRefusal);
        }
        var pin = await db.RotaPins.FirstOrDefaultAsync(p => p.SessionId == sessionId, ct);
        if (pin is null)
        {
            return Outcome<bool>.Ok(false);
        }
        db.RotaPins.Remove(pin);
        try
        {
            await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Ok(false);
        }
        return Outcome<bool>.Ok(true);
    }
}
