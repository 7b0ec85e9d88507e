using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Assessments;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Assessments;

/// <summary>
/// Saves the assessment as its next numbered version. Earlier versions stay as they were; two people saving at once
/// cannot make the same number (the database's unique index answers the second with a conflict).
/// </summary>
public sealed class SaveAssessment(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(ChildContext child, IReadOnlyDictionary<string, string?> answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<int>(ChildOperation.EditPlan) is { } refused)
        {
            return refused;
        }
        var latest = await db.PreContactAssessments.Where(a => a.ChildId == child.ChildId).MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var planId = await db.ContactPlans.Where(p => p.ChildId == child.ChildId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var by = clock.Sign(child.Actor);
        var (saved, errors) = PreContactAssessment.Save(child.ChildId, planId, latest, answers, by.UserId, by.Name, by.At);
        if (saved is null)
        {
            return Outcome<int>.Invalid(errors);
        }
        db.PreContactAssessments.Add(saved);
        return await audit.SaveOutcomeAsync(child.Actor,
            [new AuditNote(AuditAction.Create, AuditRecord.PreContactAssessment, saved.Id, child.ChildId, $"Version {saved.Number}")], saved.Number, ct);
    }
}
