using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Records;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>A parent's shared session records: the list, one record, and their reply beside it.</summary>
[PortalOnly]
public sealed class RecordsModel(ParentRecords records) : PageModel
{
    public IReadOnlyList<SharedRecordSummary> List { get; private set; } = [];
    public SharedRecordView? Record { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? recordId, CancellationToken ct)
    {
        if (recordId is { } id)
        {
            Record = await records.OpenAsync(User.Actor(), id, ct);
            return Record is null ? NotFound() : Page();
        }
        List = await records.ListAsync(User.Scope().UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? recordId, CancellationToken ct)
    {
        if (recordId is not { } id)
        {
            return NotFound();
        }
        var outcome = await records.ReplyAsync(User.Actor(), id, Reply, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "Your reply has been added beside the record.";
            return Redirect($"/Portal/Records/{id}");
        }, again: async show =>
        {
            // The same record again, with the problem above the reply box.
            Record = await records.OpenAsync(User.Actor(), id, ct);
            return show();
        });
    }
}
