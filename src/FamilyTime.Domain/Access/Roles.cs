namespace FamilyTime.Domain.Access;

/// <summary>The roles of DOMAIN.md. A role alone never opens a child's record: see <see cref="ChildAccessRules"/>.</summary>
public static class Roles
{
    public const string SocialWorker = "SocialWorker";
    public const string ContactWorker = "ContactWorker";
    public const string ContactCoordinator = "ContactCoordinator";
    public const string TeamManager = "TeamManager";
    public const string HeadOfService = "HeadOfService";
    public const string Iro = "Iro";
    public const string Carer = "Carer";
    public const string Parent = "Parent";

    /// <summary>A child or young person in care with their own account (invited from an age the service sets).</summary>
    public const string YoungPerson = "YoungPerson";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        SocialWorker, ContactWorker, ContactCoordinator, TeamManager, HeadOfService, Iro, Carer, Parent, YoungPerson, Administrator,
    ];

    /// <summary>The roles of people outside the service's staff, who use the portal: families, carers and young people.</summary>
    public static readonly IReadOnlySet<string> Portal = new HashSet<string>(StringComparer.Ordinal) { Parent, Carer, YoungPerson };

    /// <summary>Every role but the portal's: the roles an administrator gives to members of staff.</summary>
    public static readonly IReadOnlyList<string> Staff = [.. All.Where(r => !Portal.Contains(r))];

    public static string Describe(string role) => role switch
    {
        SocialWorker => "Social worker",
        ContactWorker => "Contact worker",
        ContactCoordinator => "Family time coordinator",
        TeamManager => "Team manager",
        HeadOfService => "Head of service",
        Iro => "Independent reviewing officer",
        Carer => "Foster carer",
        Parent => "Parent or family member",
        YoungPerson => "Young person",
        Administrator => "Administrator",
        _ => role,
    };
}
