using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Voice;

/// <summary>
/// What the young person has said in their own words, for those who hold the case: how each session felt (every
/// version kept), who they want to see, and when they asked to talk to someone. Carers do not read it here: the child
/// may be saying something about home.
/// </summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class ChildModel(ChildsVoiceReader reader, AuditedSave audit) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public ChildsVoiceView View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.PreferredName ?? child.FirstName;
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        View = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.YoungPersonVoice, child.ChildId, child.ChildId),
            c => reader.ForAsync(child.ChildId, c), ct);
    }
}
