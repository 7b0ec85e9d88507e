using FamilyTime.Data;
using FamilyTime.Domain.Rota;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>An area's week as the rota page shows it: the latest run (with its plan once done) and the week's pins.</summary>
/// <param name="Named">The latest result there is (the latest run's, or while it is still planning the one before), for
/// naming the pins' children, rooms and workers.</param>
public sealed record RotaWeekView(
    Guid AreaId,
    string AreaName,
    DateOnly WeekStart,
    RotaRun? Run,
    RotaRunResult? Result,
    IReadOnlyDictionary<Guid, Domain.Rota.RotaPin> Pins,
    DateTime? LastPublishedAt,
    RotaRunResult? Named = null);

public sealed record AreaChoice(Guid Id, string Name);

/// <summary>Reads what the rota page and its API show.</summary>
public sealed class RotaReader(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken ct) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new AreaChoice(a.Id, a.Name)).ToListAsync(ct);

    public async Task<RotaWeekView?> WeekAsync(Guid areaId, DateOnly weekStart, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }
        var runs = await db.RotaRuns.AsNoTracking().Where(r => r.AreaId == areaId && r.WeekStart == weekStart)
            .OrderByDescending(r => r.RequestedAt).Take(20).ToListAsync(ct);
        var run = runs.FirstOrDefault();
        var pins = await db.RotaPins.AsNoTracking().Where(p => p.AreaId == areaId && p.WeekStart == weekStart).ToListAsync(ct);
        var result = RotaResultJson.Read(run?.ResultJson);
        return new RotaWeekView(areaId, area, weekStart, run, result, pins.ToDictionary(p => p.SessionId),
            runs.Where(r => r.PublishedAt is not null).Max(r => r.PublishedAt),
            result ?? RotaResultJson.Read(runs.FirstOrDefault(r => r.ResultJson is not null)?.ResultJson));
    }

    public async Task<RotaRun?> RunAsync(Guid runId, CancellationToken ct) =>
        await db.RotaRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);

    public async Task<Domain.Rota.RotaPin?> PinAsync(Guid sessionId, CancellationToken ct) =>
        await db.RotaPins.AsNoTracking().FirstOrDefaultAsync(p => p.SessionId == sessionId, ct);
}
