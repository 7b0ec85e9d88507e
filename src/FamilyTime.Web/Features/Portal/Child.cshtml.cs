using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// A parent's or family member's own view of a child: the name the child goes by, what they call family time and
/// who their social worker is. Never the child's home, carers or case; the route lets in family alone.
/// </summary>
[ForChild(ChildOperation.ViewOwnFamilyTime)]
public sealed class ChildModel(FamilyTimeDbContext db, AuditedSave audit, Notifications.FamilyOutputGuard guard) : PageModel
{
    public string Name { get; private set; } = "";
    public string FamilyTimeName { get; private set; } = "";
    public string SocialWorker { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Name = child.PreferredName ?? child.FirstName;
        // Written by staff in the child's words: it passes the family guard like every other output to a family.
        FamilyTimeName = (await guard.ForChildAsync(child.ChildId, ct)).Redact(child.FamilyTimeName)!;
        SocialWorker = await db.Users.Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Child, child.ChildId, child.ChildId), ct);
    }
}
