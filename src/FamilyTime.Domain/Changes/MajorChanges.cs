using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Changes;

/// <summary>
/// Which changes to agreed family time are major (guidance section 11): how often it happens, where, how it is
/// supervised, and who takes part. Those go through the IRO; a change of time, activity or transport does not.
/// </summary>
public static class MajorChanges
{
    public static ChangeKinds Between(ArrangementDetails before, ArrangementDetails after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var kinds = ChangeKinds.None;
        if (before.Form != after.Form || before.Frequency != after.Frequency || !before.Days.SetEquals(after.Days)
            || !before.CustomDates.Order().SequenceEqual(after.CustomDates.Order())
            || (before.Frequency is FrequencyKind.Fortnightly or FrequencyKind.Monthly && before.FirstDate != after.FirstDate && before.FirstDate?.DayOfWeek != after.FirstDate?.DayOfWeek))
        {
            kinds |= ChangeKinds.Frequency;
        }
        if (before.VenueId != after.VenueId || before.RoomId != after.RoomId)
        {
            kinds |= ChangeKinds.Venue;
        }
        if (before.Type != after.Type)
        {
            kinds |= ChangeKinds.Supervision;
        }
        if (before.PersonIds.Except(after.PersonIds).Any())
        {
            kinds |= ChangeKinds.Other;
        }
        return kinds;
    }

    public static string Describe(ChangeKinds kinds)
    {
        var parts = new List<string>();
        if (kinds.HasFlag(ChangeKinds.Ending))
        {
            parts.Add("ending this family time");
        }
        if (kinds.HasFlag(ChangeKinds.Frequency))
        {
            parts.Add("how often it happens");
        }
        if (kinds.HasFlag(ChangeKinds.Venue))
        {
            parts.Add("where it happens");
        }
        if (kinds.HasFlag(ChangeKinds.Supervision))
        {
            parts.Add("how it is supervised");
        }
        if (kinds.HasFlag(ChangeKinds.Other))
        {
            parts.Add("who takes part");
        }
        return parts.Count switch
        {
            0 => "nothing major",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }
}
