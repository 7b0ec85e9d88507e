namespace FamilyTime.Domain.Access;

/// <summary>Who is asking: their id, roles, and the team, area or household their work belongs to.</summary>
public sealed record UserScope(
    string UserId,
    IReadOnlySet<string> Roles,
    Guid? TeamId,
    Guid? AreaId,
    Guid? CarerHouseholdId)
{
    public bool Is(string role) => Roles.Contains(role);
}
