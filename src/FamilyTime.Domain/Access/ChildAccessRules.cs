namespace FamilyTime.Domain.Access;

/// <summary>
/// Record-level access (DOMAIN.md "People and roles"): the role says what kind of work someone does, the
/// child's facts say whether this child is theirs. The most generous of a user's roles wins.
/// </summary>
public static class ChildAccessRules
{
    public static ChildAccess LevelFor(UserScope user, ChildFacts child)
    {
        if (HoldsCase(user, child))
        {
            return ChildAccess.Case;
        }
        if (Supports(user, child))
        {
            return ChildAccess.Support;
        }
        if (user.Is(Roles.Parent) && child.FamilyPortalUserIds.Contains(user.UserId))
        {
            return ChildAccess.Family;
        }
        return ChildAccess.None;
    }

    /// <summary>Only the allocated social worker and their team manager change the record.</summary>
    public static bool CanEdit(UserScope user, ChildFacts child) =>
        (user.Is(Roles.SocialWorker) && child.SocialWorkerId == user.UserId)
        || (user.Is(Roles.TeamManager) && user.TeamId == child.TeamId);

    /// <summary>Social workers and team managers bring a child into care (into their own team).</summary>
    public static bool CanBringIntoCare(UserScope user) =>
        user.TeamId is not null && (user.Is(Roles.SocialWorker) || user.Is(Roles.TeamManager));

    private static bool HoldsCase(UserScope user, ChildFacts child) =>
        CanEdit(user, child)
        || user.Is(Roles.HeadOfService)
        || (user.Is(Roles.Iro) && child.IroId == user.UserId);

    private static bool Supports(UserScope user, ChildFacts child) =>
        (user.Is(Roles.Carer) && user.CarerHouseholdId is { } household && child.CurrentCarerHouseholdId == household)
        || (user.Is(Roles.ContactWorker) && child.SupervisorIds.Contains(user.UserId))
        || (user.Is(Roles.ContactCoordinator) && user.AreaId == child.AreaId);
}
