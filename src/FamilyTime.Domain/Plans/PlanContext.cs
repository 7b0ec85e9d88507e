using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;

namespace FamilyTime.Domain.Plans;

/// <summary>A person the plan may include: who they are to the child, and the language they need an interpreter for, if any.</summary>
public sealed record PlanPerson(Guid Id, string FullName, Relationship Relationship, string? NeedsInterpreterFor = null);

/// <summary>A venue's room as the plan may choose it.</summary>
public sealed record VenueRoomChoice(Guid VenueId, Guid RoomId);

/// <summary>
/// What the plan's rules need to know about the child at the moment of a change: the legal status and
/// proceedings, any head of service exception, the people in the child's life, the rooms on offer and the workers
/// trained to assess (null where unknown, as in the demo seeder, which makes its own workers).
/// </summary>
public sealed record PlanContext(
    string ChildName,
    DateOnly DateOfBirth,
    DateOnly CameIntoCareOn,
    LegalStatus LegalStatus,
    bool InCareProceedings,
    bool HasSupervisionException,
    IReadOnlyList<PlanPerson> People,
    IReadOnlyCollection<VenueRoomChoice> Rooms,
    DateOnly Today,
    IReadOnlySet<string>? TrainedToAssess = null)
{
    /// <summary>The age in whole years on <see cref="Today"/>.</summary>
    public int AgeToday => Today.Year - DateOfBirth.Year - (DateOfBirth.AddYears(Today.Year - DateOfBirth.Year) > Today ? 1 : 0);
}
