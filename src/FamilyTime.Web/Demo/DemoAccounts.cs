using FamilyTime.Domain.Access;

namespace FamilyTime.Web.Demo;

/// <summary>The demo sign-ins, one per role, printed by ./run.sh. Only ever created in demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-family-time-2026";

    public static readonly IReadOnlyList<(string UserName, string Role, string DisplayName)> All =
    [
        ("socialworker1", Roles.SocialWorker, "Priya Shah"),
        ("contactworker1", Roles.ContactWorker, "Tom Bradley"),
        ("coordinator1", Roles.ContactCoordinator, "Grace Okafor"),
        ("manager1", Roles.TeamManager, "Helen Murray"),
        ("headofservice1", Roles.HeadOfService, "David Price"),
        ("iro1", Roles.Iro, "Margaret Flynn"),
        ("carer1", Roles.Carer, "Sarah and James Whitfield"),
        ("parent1", Roles.Parent, "Kelly Harper"),
        // The eldest child of parent1's family; the display name is set to the child's own when the family is made.
        ("youngperson1", Roles.YoungPerson, "Young person"),
        ("admin", Roles.Administrator, "Service administrator"),
    ];
}
