using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;

namespace FamilyTime.Domain.Plans;

/// <summary>A person the plan may include: who they are to the child.</summary>
public sealed record PlanPerson(Guid Id, string FullName, Relationship Relationship);

/// <summary>A venue's room as the plan may choose it.</summary>
public sealed record VenueRoomChoice(Guid VenueId, Guid RoomId);

/// <summary>
/// What the plan's rules need to know about the child at the moment of a change: the legal status and
/// proceedings, any head of service exception, the people in the child's life and the rooms on offer.
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
    DateOnly Today);
