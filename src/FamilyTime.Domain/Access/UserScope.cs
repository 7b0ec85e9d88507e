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

    /// <summary>A parent, family member or carer with no staff role: they reach the portal and never a staff page.</summary>
    public bool IsPortalUser => Roles.Count > 0 && Roles.All(Access.Roles.Portal.Contains);

    /// <summary>Holds at least one staff role, whatever else they are; an account with no role at all is not staff.</summary>
    public bool IsStaff => Roles.Any(r => !Access.Roles.Portal.Contains(r));

    /// <summary>Holds at least one portal role (a member of staff may also be a carer).</summary>
    public bool HasPortalRole => Roles.Any(Access.Roles.Portal.Contains);
}
