using FamilyTime.Data;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>What a change does, in the words the IRO and the family read: before → after for each major part.</summary>
public sealed class ChangeSummary(FamilyTimeDbContext db)
{
    public async Task<string> DescribeAsync(Arrangement arrangement, ArrangementDetails after, ChangeKinds kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(after);
        var before = arrangement.ToDetails();
        var parts = new List<string>();
        if (kinds.HasFlag(ChangeKinds.Frequency))
        {
            parts.Add($"from {before.ToSchedule()?.Describe() ?? PlanWords.Describe(before.Form!.Value)} to {after.ToSchedule()?.Describe() ?? PlanWords.Describe(after.Form!.Value)}");
        }
        if (kinds.HasFlag(ChangeKinds.Duration))
        {
            parts.Add($"sessions of {after.DurationMinutes} minutes instead of {before.DurationMinutes}");
        }
        if (kinds.HasFlag(ChangeKinds.SchoolHours))
        {
            parts.Add($"starting at {after.StartTime:HH:mm}, in school hours, instead of {before.StartTime:HH:mm}");
        }
        if (kinds.HasFlag(ChangeKinds.Venue))
        {
            var rooms = await db.Rooms.AsNoTracking().Where(r => r.Id == before.RoomId || r.Id == after.RoomId)
                .Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { r.Id, Name = v.Name + ", " + r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            // Somewhere other than a venue is said as the family may read it: a carer's home is never named.
            string Where(ArrangementDetails d) => d.Place != FamilyTimePlace.Venue
                ? (ArrangementWords.PlaceForFamily(d.Place, d.PlaceDescription) ?? "another place").ToLowerInvariant()
                : d.RoomId is { } id && rooms.TryGetValue(id, out var n) ? n : "no venue";
            parts.Add($"at {Where(after)} instead of {Where(before)}");
        }
        if (kinds.HasFlag(ChangeKinds.Supervision))
        {
            parts.Add($"{PlanWords.Describe(after.Type!.Value).ToLowerInvariant()} instead of {PlanWords.Describe(before.Type!.Value).ToLowerInvariant()}");
        }
        if (kinds.HasFlag(ChangeKinds.Other))
        {
            var names = await db.SignificantPeople.AsNoTracking().Where(p => before.PersonIds.Contains(p.Id) && !after.PersonIds.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct);
            parts.Add($"without {string.Join(" and ", names)}");
        }
        var text = string.Join("; ", parts);
        return text.Length > 500 ? text[..500] : text;
    }
}
