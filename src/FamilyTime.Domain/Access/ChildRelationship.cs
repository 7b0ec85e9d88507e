namespace FamilyTime.Domain.Access;

/// <summary>
/// How a user stands to one child: what their role is, and whether this child is theirs. A user may stand in
/// several ways at once (a team manager who is also the allocated social worker); none means the child is out of reach.
/// </summary>
[Flags]
public enum ChildRelationship
{
    None = 0,

    /// <summary>The social worker who holds the child's case.</summary>
    AllocatedSocialWorker = 1 << 0,

    /// <summary>A team manager of the child's team.</summary>
    TeamManager = 1 << 1,

    /// <summary>A head of service: every child in the service.</summary>
    HeadOfService = 1 << 2,

    /// <summary>The child's own independent reviewing officer.</summary>
    ChildsIro = 1 << 3,

    /// <summary>A carer of the household the child lives with now.</summary>
    Carer = 1 << 4,

    /// <summary>A contact worker assigned to supervise the child's family time.</summary>
    Supervisor = 1 << 5,

    /// <summary>The family time coordinator for the area of the child's team.</summary>
    AreaCoordinator = 1 << 6,

    /// <summary>A parent or family member whose portal account is linked to a person in the child's life.</summary>
    Family = 1 << 7,

    /// <summary>The child or young person themself, signed in with their own account.</summary>
    Self = 1 << 8,
}

/// <summary>The groups the operations table is written in.</summary>
public static class Relationships
{
    /// <summary>Those who change the child's record and plan: the allocated social worker and their team manager.</summary>
    public const ChildRelationship Editors = ChildRelationship.AllocatedSocialWorker | ChildRelationship.TeamManager;

    /// <summary>The professionals who hold the case and read all of it.</summary>
    public const ChildRelationship CaseHolders = Editors | ChildRelationship.HeadOfService | ChildRelationship.ChildsIro;

    /// <summary>Those who make family time happen: they see what is needed to run it, never the whole case.</summary>
    public const ChildRelationship Support = ChildRelationship.Carer | ChildRelationship.Supervisor | ChildRelationship.AreaCoordinator;

    /// <summary>Every professional and carer with the child in reach.</summary>
    public const ChildRelationship Professionals = CaseHolders | Support;

    /// <summary>Anyone with the child in reach, the child included.</summary>
    public const ChildRelationship Anyone = Professionals | ChildRelationship.Family | ChildRelationship.Self;
}
