using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Sessions;

/// <summary>What regenerating an arrangement's sessions changes: sessions to remove and slots to add.</summary>
public sealed record SessionChanges(IReadOnlyList<FamilyTimeSession> Remove, IReadOnlyList<SessionSlot> Add, IReadOnlyList<BankHoliday> SkippedHolidays);

/// <summary>
/// Turns a face-to-face arrangement into the sessions of the next 12 months. Regenerating replaces only future
/// sessions still as planned; anything that happened or was recorded stays exactly as it is.
/// </summary>
public static class SessionPlanner
{
    public static SessionChanges Plan(Arrangement arrangement, IReadOnlyCollection<FamilyTimeSession> existing, DateOnly today, BankHolidays holidays)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(existing);
        var remove = existing.Where(s => s.IsReplaceable(today)).ToList();
        var keptDates = existing.Where(s => !s.IsReplaceable(today)).Select(s => s.Date).ToHashSet();
        // Ended family time keeps what happened and plans nothing more.
        if (arrangement.IsEnded || arrangement.Schedule is not { } schedule)
        {
            return new SessionChanges(remove, [], []);
        }
        var dates = schedule.DatesBetween(today, today.AddMonths(ContactPlan.HorizonMonths), holidays);
        var add = dates.Dates
            .Where(d => !keptDates.Contains(d))
            .Select(d => new SessionSlot(d, schedule.StartTime, schedule.DurationMinutes, arrangement.VenueId, arrangement.RoomId, arrangement.SupervisorId))
            .ToList();
        return new SessionChanges(remove, add, dates.SkippedHolidays);
    }
}
