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
public sealed class ChildModel(FamilyTimeDbContext db, AuditedSave audit) : PageModel
{
    public string Name { get; private set; } = "";
    public string FamilyTimeName { get; private set; } = "";
    public string SocialWorker { get; private set; } = "";
    public IReadOnlyList<RouteToLessSupervision> Routes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Name = child.PreferredName ?? child.FirstName;
        FamilyTimeName = child.FamilyTimeName;
        var userId = child.Actor.UserId;
        var childId = child.ChildId;
        // One query: the social worker, and for the reader's own agreed family time that is supervised or
        // assessed, what would need to change for less supervision (issue 10, item 7).
        var read = await db.Users.Where(u => u.Id == child.SocialWorkerId)
            .Select(u => new
            {
                u.DisplayName,
                Routes = db.Arrangements
                    .Where(a => a.ChildId == childId && a.EndedOn == null && a.RouteToLessSupervision != null
                        && db.ContactPlans.Any(p => p.Id == a.PlanId && p.AgreedVersion > 0)
                        && db.SignificantPeople.Any(p => p.ChildId == childId && p.PortalUserId == userId && a.PersonIds.Contains(p.Id)))
                    .Select(a => new RouteToLessSupervision(a.RouteToLessSupervision!, a.RouteToLessSupervisionBy))
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        SocialWorker = read?.DisplayName ?? "";
        Routes = read?.Routes ?? [];
        await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Child, child.ChildId, child.ChildId), ct);
    }
}

/// <summary>What would need to change for family time to be less supervised, and by when it is looked at again.</summary>
public sealed record RouteToLessSupervision(string WhatWouldChange, DateOnly? By);
