using FamilyTime.Domain.Access;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Who may do what with the rota. It is an area's week, not a child's record, so it goes by role: coordinators plan,
/// pin and publish; team managers and heads of service read it. Families and carers never reach it (it holds the
/// districts children live in).
/// </summary>
public static class RotaAccess
{
    public static readonly string[] Readers = [Roles.ContactCoordinator, Roles.TeamManager, Roles.HeadOfService];

    public static bool MayPlan(UserScope user) => user.Is(Roles.ContactCoordinator);

    public static bool MayRead(UserScope user) => Readers.Any(user.Is);

    public const string PlanRefusal = "Only a family time coordinator can plan, pin or publish the rota.";
}
