namespace FamilyTime.Domain.Access;

/// <summary>
/// Record-level access (DOMAIN.md "People and roles"): the role says what kind of work someone does, the
/// child's facts say whether this child is theirs. <see cref="ChildOperations"/> then says what each relationship may do.
/// </summary>
public static class ChildAccessRules
{
    public static ChildRelationship RelationshipsFor(UserScope user, ChildFacts child)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(child);
        var r = ChildRelationship.None;
        if (user.Is(Roles.SocialWorker) && child.SocialWorkerId == user.UserId)
        {
            r |= ChildRelationship.AllocatedSocialWorker;
        }
        if (user.Is(Roles.TeamManager) && user.TeamId == child.TeamId)
        {
            r |= ChildRelationship.TeamManager;
        }
        if (user.Is(Roles.HeadOfService))
        {
            r |= ChildRelationship.HeadOfService;
        }
        if (user.Is(Roles.Iro) && child.IroId == user.UserId)
        {
            r |= ChildRelationship.ChildsIro;
        }
        if (user.Is(Roles.Carer) && user.CarerHouseholdId is { } household && child.CurrentCarerHouseholdId == household)
        {
            r |= ChildRelationship.Carer;
        }
        if (user.Is(Roles.ContactWorker) && child.SupervisorIds.Contains(user.UserId))
        {
            r |= ChildRelationship.Supervisor;
        }
        if (user.Is(Roles.ContactCoordinator) && user.AreaId == child.AreaId)
        {
            r |= ChildRelationship.AreaCoordinator;
        }
        if (user.Is(Roles.Parent) && child.FamilyPortalUserIds.Contains(user.UserId))
        {
            r |= ChildRelationship.Family;
        }
        if (user.Is(Roles.YoungPerson) && child.YoungPersonUserId is { } own && own == user.UserId)
        {
            r |= ChildRelationship.Self;
        }
        return r;
    }

    /// <summary>
    /// Out of reach answers "not found" so a record's existence is not revealed. In reach but not allowed answers the
    /// table's reason to staff; a portal user (a parent or carer) is answered "not found" there too, because staff
    /// pages are not theirs to learn of.
    /// </summary>
    public static AccessDecision Decide(ChildOperation operation, ChildRelationship relationships, bool portalUser)
    {
        if (relationships == ChildRelationship.None)
        {
            return AccessDecision.NotFound;
        }
        if (ChildOperations.Allows(operation, relationships))
        {
            return AccessDecision.Allowed;
        }
        return portalUser ? AccessDecision.NotFound : new AccessDecision(AccessAnswer.Forbidden, ChildOperations.RuleFor(operation).Refusal);
    }

    /// <summary>Social workers and team managers bring a child into care (into their own team).</summary>
    public static bool CanBringIntoCare(UserScope user) =>
        user.TeamId is not null && (user.Is(Roles.SocialWorker) || user.Is(Roles.TeamManager));
}
