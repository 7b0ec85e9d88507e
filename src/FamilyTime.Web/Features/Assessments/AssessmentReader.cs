using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Assessments;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Assessments;

/// <summary>One saved version, with the plan versions agreed while it was the newest (what the plan was agreed beside).</summary>
public sealed record AssessmentVersionView(PreContactAssessment Version, IReadOnlyList<int> PlanVersionsAgreedBeside);

/// <summary>The child's assessment before family time: every version, newest first.</summary>
public sealed record AssessmentHistory(Guid ChildId, string ChildName, IReadOnlyList<AssessmentVersionView> Versions, bool CanEdit)
{
    public PreContactAssessment? Latest => Versions.Count > 0 ? Versions[0].Version : null;
}

/// <summary>
/// Reads the assessment for those who hold the case, and records that they looked. Which version each plan version
/// was agreed beside is read from the dates: versions are never edited, so the newest before the agreement is it.
/// </summary>
public sealed class AssessmentReader(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<AssessmentHistory> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry names the newest version shown (the child when none).
        var views = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => VersionsAsync(child.ChildId, c),
            shown => [new AuditNote(AuditAction.View, AuditRecord.PreContactAssessment, shown.Count > 0 ? shown[0].Version.Id : child.ChildId, child.ChildId)], ct);
        return new AssessmentHistory(child.ChildId, child.PreferredName ?? child.FirstName, views, child.Can(ChildOperation.EditPlan));
    }

    private async Task<IReadOnlyList<AssessmentVersionView>> VersionsAsync(Guid childId, CancellationToken ct)
    {
        var versions = await db.PreContactAssessments.AsNoTracking().Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.Number).ToListAsync(ct);
        var agreed = await db.PlanVersions.AsNoTracking()
            .Where(v => db.ContactPlans.Any(p => p.Id == v.PlanId && p.ChildId == childId))
            .Select(v => new { v.Number, v.AgreedAt }).ToListAsync(ct);
        return versions.Select(v => new AssessmentVersionView(v, agreed
                .Where(p => p.AgreedAt >= v.SavedAt && !versions.Any(n => n.Number > v.Number && n.SavedAt <= p.AgreedAt))
                .Select(p => p.Number).Order().ToList()))
            .ToList();
    }

    /// <summary>The newest version alone, for the panel beside the plan (the plan page records the view).</summary>
    public Task<PreContactAssessment?> LatestAsync(Guid childId, CancellationToken ct) =>
        db.PreContactAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
}
