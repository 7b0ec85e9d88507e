using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// Sharing a record is a reviewed step: the worker reads exactly what each family member will read, with what
/// would be taken out marked, and shares that version. A later correction comes back here before the family sees it.
/// </summary>
[ForChild(ChildOperation.ShareWithFamily)]
public sealed class ShareModel(ParentRecords records) : PageModel
{
    public ContactRecord Record { get; private set; } = default!;
    public IReadOnlyList<SharePreview> People { get; private set; } = [];

    [BindProperty]
    public int? CheckedVersion { get; set; }

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(sessionId, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, [FromServices] ShareRecord share, CancellationToken ct)
    {
        var outcome = await share.HandleAsync(await HttpContext.ChildAsync(), sessionId, CheckedVersion, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            TempData["Saved"] = "The notes are shared with the family, exactly as you checked them. They have been told there are new notes.";
            return Redirect(ChildLinks.Session(id, sessionId));
        }, again: async show => await ShowAsync(sessionId, ct) is PageResult ? show() : NotFound());
    }

    private async Task<IActionResult> ShowAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (await records.PreviewAsync(child.ChildId, sessionId, ct) is not { } preview)
        {
            return NotFound();
        }
        Record = preview.Record;
        People = preview.People;
        return Page();
    }
}
