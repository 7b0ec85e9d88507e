using FamilyTime.Domain.Access;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// Who may do what with the venue list. Venues are not children's records, so this is by role alone:
/// administrators keep the list, coordinators read it to run the rota, and any member of staff may read the open
/// venues through the API. Carers and parents are not staff: they see the venue of their own family time elsewhere.
/// </summary>
public static class VenueAccess
{
    public static bool MayManage(UserScope user) => user.Is(Roles.Administrator);

    /// <summary>Reads the venue pages (the pages themselves say so with [StaffOnly(…)]).</summary>
    public static bool MayRead(UserScope user) => user.Is(Roles.Administrator) || user.Is(Roles.ContactCoordinator);
}
