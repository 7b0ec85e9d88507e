namespace FamilyTime.Domain.Access;

/// <summary>The facts about one child that decide who may reach the record.</summary>
public sealed record ChildFacts(
    string SocialWorkerId,
    Guid TeamId,
    Guid AreaId,
    string? IroId,
    Guid? CurrentCarerHouseholdId,
    IReadOnlyCollection<string> SupervisorIds,
    IReadOnlyCollection<string> FamilyPortalUserIds,
    string? YoungPersonUserId = null);
