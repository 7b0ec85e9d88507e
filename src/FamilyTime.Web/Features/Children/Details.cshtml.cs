using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Children;

[ForChild(ChildOperation.ViewChild)]
public sealed class DetailsModel(ChildRecord record, TimeProvider clock) : PageModel
{
    public ChildView Child { get; private set; } = default!;
    public string Age { get; private set; } = "";
    public string LegalMeaning { get; private set; } = "";

    /// <summary>Null when the authority does not arrange family time for this child; otherwise whether a plan is agreed.</summary>
    public bool? PlanAgreed { get; private set; }

    /// <summary>Running suspensions: their clock shows wherever the child appears.</summary>
    public IReadOnlyList<Suspensions.SuspensionView> Suspended { get; private set; } = [];

    /// <summary>Carers see how the child has been before and after family time; so do those who hold the case.</summary>
    public bool SeesWellbeing { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var opened = await record.OpenAsync(child, ct);
        Child = opened.Child;
        PlanAgreed = opened.PlanAgreed;
        Suspended = opened.Suspended;
        SeesWellbeing = child.Can(ChildOperation.ViewWellbeing);
        var today = clock.Today();
        var dob = Child.DateOfBirth;
        var years = today.Year - dob.Year - (dob.AddYears(today.Year - dob.Year) > today ? 1 : 0);
        Age = years == 1 ? "1 year old" : $"{years} years old";
        LegalMeaning = Child.LegalStatus is { } status ? Meaning(status) : "";
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
