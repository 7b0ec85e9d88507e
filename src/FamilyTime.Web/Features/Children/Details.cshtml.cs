using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Children;

[ForChild(ChildOperation.ViewChild)]
public sealed class DetailsModel(ChildRecord record, FamilyTime.Data.FamilyTimeDbContext db, Suspensions.OpenSuspensions suspensions, TimeProvider clock) : PageModel
{
    public ChildView Child { get; private set; } = default!;
    public string Age { get; private set; } = "";
    public string LegalMeaning { get; private set; } = "";
    public bool CanReadAudit { get; private set; }

    /// <summary>Null when the authority does not arrange family time for this child; otherwise whether a plan is agreed.</summary>
    public bool? PlanAgreed { get; private set; }

    /// <summary>Running suspensions: their clock shows wherever the child appears.</summary>
    public IReadOnlyList<Suspensions.SuspensionView> Suspended { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = User.Scope();
        var view = await record.ViewAsync(user, User.UserName(), id, ct);
        if (view is null || view.Access < ChildAccess.Support)
        {
            // Parents see their family time in the portal; to everyone else out of reach, the child does not exist.
            return view is { Access: ChildAccess.Family } ? Redirect($"/Portal/Children/{id}") : NotFound();
        }
        Child = view;
        var years = view.DateOfBirth.AddYears(clock.Today().Year - view.DateOfBirth.Year) > clock.Today()
            ? clock.Today().Year - view.DateOfBirth.Year - 1
            : clock.Today().Year - view.DateOfBirth.Year;
        Age = years == 1 ? "1 year old" : $"{years} years old";
        LegalMeaning = view.LegalStatus is { } status ? Meaning(status) : "";
        if (view.LegalStatus is { } legal && LegalStatusRules.AuthorityArrangesFamilyTime(legal))
        {
            PlanAgreed = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ContactPlans, p => p.ChildId == id && p.AgreedVersion > 0, ct);
        }
        if (view.Access == ChildAccess.Case)
        {
            Suspended = await suspensions.OpenAsync(id, ct);
        }
        CanReadAudit = view.Access == ChildAccess.Case && (user.Is(Roles.TeamManager) || user.Is(Roles.HeadOfService));
        return Page();
    }

    private static string Meaning(LegalStatus status) => status switch
    {
        _ when LegalStatusRules.HasSection34Duty(status) =>
            "The authority must allow reasonable family time with parents (Children Act 1989 s34). Refusing or changing it needs a court order or Care Planning Regulations reg 8.",
        LegalStatus.Section20 =>
            "Parents keep full parental responsibility. The authority helps family time happen (transport, venue) but does not supervise it unless a head of service approves an exception.",
        LegalStatus.PlacementOrder => "Family time follows the plan agreed for this child.",
        _ => "The authority does not arrange family time.",
    };
}
