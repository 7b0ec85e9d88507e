using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Changes;

/// <summary>Propose ending an arrangement: it goes to the IRO, and nothing ends until every step is done.</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class EndModel(FamilyTimeDbContext db, ProposeChange propose) : PageModel
{
    [BindProperty]
    public string? Reasons { get; set; }

    public string With { get; private set; } = "";

    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid arrangementId, CancellationToken ct) => await LoadAsync(arrangementId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid arrangementId, CancellationToken ct)
    {
        if (!await LoadAsync(arrangementId, ct))
        {
            return NotFound();
        }
        var child = await HttpContext.ChildAsync();
        var outcome = await propose.EndAsync(child, arrangementId, Reasons, ct);
        return this.Answer(outcome, changeId =>
        {
            TempData["Saved"] = "The proposal to end this family time has gone to the independent reviewing officer. Family time continues until every step below is done.";
            return Redirect(ChildLinks.Change(child.ChildId, changeId));
        });
    }

    private async Task<bool> LoadAsync(Guid arrangementId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        var with = await db.ArrangementNamesAsync(child.ChildId, arrangementId, ct);
        With = with ?? "";
        return with is not null;
    }
}
