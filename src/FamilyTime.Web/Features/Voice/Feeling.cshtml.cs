using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

/// <summary>How a session that happened felt: five faces with words, and their own words if they like.</summary>
[ForChild(ChildOperation.SpeakForSelf)]
public sealed class FeelingModel(FamilyTimeDbContext db, SayHowItFelt say) : PageModel
{
    public sealed class FeelingInput
    {
        public FeelingFace? Face { get; set; }
        public string? Words { get; set; }
    }

    [BindProperty]
    public FeelingInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public Guid ChildId { get; private set; }
    public DateOnly SessionDate { get; private set; }
    public string FamilyTimeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }
        var newest = await db.SessionFeelings.AsNoTracking().Where(f => f.SessionId == sessionId && f.ChildId == ChildId)
            .OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
        Input = new FeelingInput { Face = newest?.Face, Words = newest?.Words };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }
        var outcome = await say.SayAsync(await HttpContext.ChildAsync(), sessionId, Input.Face, Input.Words, ct);
        return this.Answer(outcome, said =>
        {
            Saved = "Thank you for telling us. Your social worker will read it.";
            return Redirect("/Portal");
        }, prefix: "Input.");
    }

    /// <summary>The session, only when it is this young person's own; another child's is not found.</summary>
    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        FamilyTimeName = child.FamilyTimeName;
        var date = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.ChildId == child.ChildId).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        SessionDate = date ?? default;
        return date is not null;
    }
}
