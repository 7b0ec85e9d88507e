using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Voice;

/// <summary>Who the young person wants to see, from the people in their life or in their own words, and anyone they don't.</summary>
[ForChild(ChildOperation.SpeakForSelf)]
public sealed class PeopleModel(MyFamilyTime mine, SayWhoToSee say) : PageModel
{
    public sealed class PeopleInput
    {
        public List<Guid> WantToSee { get; set; } = [];
        public string? InTheirWords { get; set; }
        public string? NotWantToSee { get; set; }
    }

    [BindProperty]
    public PeopleInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await say.SayAsync(child, Input.WantToSee, Input.InTheirWords, Input.NotWantToSee, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            await LoadAsync(ct);
        }
        return this.Answer(outcome, _ =>
        {
            Saved = "Thank you for telling us. Your social worker will think about it with you when your plan is made or looked at again.";
            return Redirect("/Portal");
        }, prefix: "Input.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        People = (await mine.PeopleAsync(child.ChildId, ct))
            .Select(p => new SelectListItem(p.Label, p.Id.ToString(), Input.WantToSee.Contains(p.Id))).ToList();
    }
}
