namespace FamilyTime.Domain.Venues;

/// <summary>When a venue is open on one day of the week. A venue with none listed is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
