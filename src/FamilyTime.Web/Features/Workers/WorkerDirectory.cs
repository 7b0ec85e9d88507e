using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Workers;

/// <summary>One worker in the list: their area, pattern, languages, car, whether trained to assess, and hours booked this week.</summary>
public sealed record WorkerRow(string UserId, string Name, string? Area, Guid? AreaId, string Pattern, IReadOnlyList<string> Languages, bool Driver,
    bool TrainedToAssess, int MaxHoursPerWeek, double BookedHoursThisWeek, bool HasProfile);

/// <summary>One worker's page: the profile (null before one is saved), whether trained to assess, and their leave still to come.</summary>
public sealed record WorkerPage(string UserId, string Name, bool TrainedToAssess, WorkerProfile? Profile, IReadOnlyList<WorkerLeave> UpcomingLeave);

/// <summary>
/// Reads workers: contact workers, and any other staff with a profile (those who supervise too). "This week" is
/// Monday to Sunday of today in London; booked hours count every session still planned or held in which they are
/// the supervisor, second worker or driver.
/// </summary>
public sealed class WorkerDirectory(FamilyTimeDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkerRow>> ListAsync(Guid? areaId, CancellationToken ct)
    {
        var profiles = await db.WorkerProfiles.AsNoTracking().ToListAsync(ct);
        var contactWorkers = await db.InRole(Roles.ContactWorker).Select(u => u.Id).ToListAsync(ct);
        var ids = contactWorkers.Union(profiles.Select(p => p.UserId)).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.TrainedToAssess }).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var (monday, sunday) = ThisWeek();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Date >= monday && s.Date <= sunday
                && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly)
                && (ids.Contains(s.SupervisorId!) || ids.Contains(s.SecondWorkerId!) || ids.Contains(s.DriverId!)))
            .Select(s => new { s.SupervisorId, s.SecondWorkerId, s.DriverId, s.DurationMinutes }).ToListAsync(ct);
        return users.Select(u =>
            {
                var p = profiles.FirstOrDefault(x => x.UserId == u.Id);
                var minutes = sessions.Where(s => s.SupervisorId == u.Id || s.SecondWorkerId == u.Id || s.DriverId == u.Id).Sum(s => s.DurationMinutes);
                return new WorkerRow(u.Id, u.DisplayName, p?.AreaId is { } a && areas.TryGetValue(a, out var name) ? name : null, p?.AreaId,
                    p?.PatternSummary() ?? "No profile yet", p?.Languages ?? [], p?.IsDriver ?? false, u.TrainedToAssess,
                    p?.MaxHoursPerWeek ?? 0, Math.Round(minutes / 60.0, 1), p is not null);
            })
            .Where(r => areaId is null || r.AreaId == areaId)
            .OrderBy(r => r.Area ?? "~").ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A worker (a contact worker or anyone with a profile), or null for anyone else.</summary>
    public async Task<WorkerPage?> OneAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.TrainedToAssess }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var profile = await db.WorkerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null && !await db.InRole(Roles.ContactWorker).AnyAsync(u => u.Id == userId, ct))
        {
            return null;
        }
        var today = clock.Today();
        var leave = await db.WorkerLeave.AsNoTracking().Where(l => l.UserId == userId && l.Until >= today).OrderBy(l => l.From).ToListAsync(ct);
        return new WorkerPage(user.Id, user.DisplayName, user.TrainedToAssess, profile, leave);
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> AreasAsync(CancellationToken ct) =>
        (await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList();

    private (DateOnly Monday, DateOnly Sunday) ThisWeek()
    {
        var today = clock.Today();
        var monday = today.AddDays(-WorkerProfile.DayOrder(today.DayOfWeek));
        return (monday, monday.AddDays(6));
    }
}
