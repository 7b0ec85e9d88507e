using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Venues;

/// <summary>When a venue is open on one day of the week. A venue with none listed is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>Monday first, as a week is read on a British page and planned on the rota.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// A week's hours: at most one stretch a day, each opening before it closes. One stretch a day is a choice: the
    /// venues open straight through (a family centre does not close for lunch), a form of one row per weekday is easy
    /// to fill in without help, and the answer to "when can this room be used" is still a list of stretches
    /// (<see cref="Venue.OpenWindows(Room, DateOnly)"/>), so a split day can be added later without changing callers.
    /// Problems are keyed by the day's name ("Monday").
    /// </summary>
    public static ValidationErrors Check(IReadOnlyList<OpeningHours> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var errors = new ValidationErrors();
        foreach (var day in hours.GroupBy(h => h.Day))
        {
            if (!Enum.IsDefined(day.Key))
            {
                errors.Add("Day", "Choose a day of the week");
                continue;
            }
            if (day.Count() > 1)
            {
                errors.Add(day.Key.ToString(), $"Give one opening time and one closing time for {day.Key}");
                continue;
            }
            var h = day.Single();
            if (h.Opens >= h.Closes)
            {
                errors.Add(day.Key.ToString(), $"On {day.Key} the venue must open before it closes");
            }
        }
        return errors;
    }
}
