using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Rota;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>What starting a run answered: the run, and whether it is new or the one already under way.</summary>
public sealed record RotaRunStarted(Guid RunId, bool AlreadyUnderWay);

/// <summary>
/// "Plan the week": queues a run of an area's week for the background runner. While one is queued or running, a
/// second click (or a retried request, or a second coordinator) gets that one, never a duplicate: the unique
/// <see cref="RotaRun.ActiveKey"/> decides a race.
/// </summary>
public sealed class StartRotaRun(FamilyTimeDbContext db, WriteGate gate, RotaRunQueue queue, TimeProvider clock)
{
    public async Task<Outcome<RotaRunStarted>> HandleAsync(UserScope user, Guid areaId, DateOnly weekStart, bool allowMoreChanges, CancellationToken ct)
    {
        if (!RotaAccess.MayPlan(user))
        {
            return Outcome<RotaRunStarted>.Forbidden(RotaAccess.PlanRefusal);
        }
        if (!await db.Areas.AnyAsync(a => a.Id == areaId, ct))
        {
            return Outcome<RotaRunStarted>.Invalid("AreaId", "Choose an area");
        }
        if (weekStart.AddDays(6) < clock.Today())
        {
            return Outcome<RotaRunStarted>.Invalid("Week", "Choose this week or a week to come: a past week cannot be planned");
        }
        var key = RotaRun.KeyOf(areaId, weekStart);
        if (await ActiveAsync(key, ct) is { } running)
        {
            return Outcome<RotaRunStarted>.Ok(new RotaRunStarted(running, true));
        }
        var run = new RotaRun(areaId, weekStart, allowMoreChanges, user.UserId, clock.GetUtcNow().UtcDateTime);
        db.RotaRuns.Add(run);
        try
        {
            await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException)
        {
            // Someone queued this week a moment ago: theirs is the run.
            db.ChangeTracker.Clear();
            return await ActiveAsync(key, ct) is { } theirs
                ? Outcome<RotaRunStarted>.Ok(new RotaRunStarted(theirs, true))
                : Outcome<RotaRunStarted>.Conflict();
        }
        queue.Nudge();
        return Outcome<RotaRunStarted>.Ok(new RotaRunStarted(run.Id, false));
    }

    private Task<Guid?> ActiveAsync(string key, CancellationToken ct) =>
        db.RotaRuns.AsNoTracking().Where(r => r.ActiveKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
}
