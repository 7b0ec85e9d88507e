using FamilyTime.Domain.Access;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// Who may do what with the venue list. Venues are not children's records, so this is by role alone:
/// administrators keep the list, coordinators read it to run the rota, and any member of staff may read the open
/// venues through the API. Carers and parents are not staff: they see the venue of their own family time elsewhere.
/// </summary>
public static class VenueAccess
{
    /// <summary>For [Authorize(Roles = …)] on the pages that change the list.</summary>
    public const string Managers = Roles.Administrator;

    /// <summary>For [Authorize(Roles = …)] on the pages that only read it.</summary>
    public const string Readers = Roles.Administrator + "," + Roles.ContactCoordinator;

    public static bool MayManage(UserScope user) => user.Is(Roles.Administrator);

    public static bool IsStaff(UserScope user) => user.Roles.Any(r => r is not (Roles.Parent or Roles.Carer));
}
