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
    public IReadOnlyList<RouteToLessSupervision> Routes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Name = child.PreferredName ?? child.FirstName;
        // Written by staff in the child's words: it passes the family guard like every other output to a family.
        var home = await guard.ForChildAsync(child.ChildId, ct);
        // Without the service's own places set aside it may take out a venue in the same town: too much, never too little.
        FamilyTimeName = home.Redact(child.FamilyTimeName)!;
        SocialWorker = await db.Users.Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        // For the reader's own agreed family time that is supervised or assessed: what would need to change for less
        // supervision (issue 10, item 7). Flat queries matched here: a JSON list of ids inside a nested query needs
        // APPLY, which SQLite lacks; the reader's people are read only when there is a route to show.
        var userId = child.Actor.UserId;
        var childId = child.ChildId;
        var routes = await db.Arrangements.AsNoTracking()
            .Where(a => a.ChildId == childId && a.EndedOn == null && a.RouteToLessSupervision != null)
            .Join(db.ContactPlans.Where(p => p.AgreedVersion > 0), a => a.PlanId, p => p.Id, (a, p) => new { a.PersonIds, a.RouteToLessSupervision, a.RouteToLessSupervisionBy })
            .ToListAsync(ct);
        var mine = routes.Count == 0 ? [] : await db.SignificantPeople.AsNoTracking()
            .Where(p => p.ChildId == childId && p.PortalUserId == userId).Select(p => p.Id).ToListAsync(ct);
        Routes = routes.Where(a => a.PersonIds.Intersect(mine).Any())
            // Written by staff, and editable after the plan is agreed without a review: it passes the guard too.
            .Select(a => new RouteToLessSupervision(home.Redact(a.RouteToLessSupervision)!, a.RouteToLessSupervisionBy)).ToList();
        await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Child, child.ChildId, child.ChildId), ct);
    }
}

/// <summary>What would need to change for family time to be less supervised, and by when it is looked at again.</summary>
public sealed record RouteToLessSupervision(string WhatWouldChange, DateOnly? By);
