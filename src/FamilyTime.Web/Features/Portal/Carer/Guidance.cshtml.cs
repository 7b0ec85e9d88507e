using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>
/// The service's guidance for carers on family time and social media, written from the contact practice guidance
/// (sections 6 and 8) and the trauma-informed CPD session (section 5, social media). Anyone signed in may read it:
/// staff point carers to it.
/// </summary>
[AnyoneSignedIn]
public sealed class GuidanceModel : PageModel
{
    public bool IsCarer => User.IsInRole(FamilyTime.Domain.Access.Roles.Carer);
}
