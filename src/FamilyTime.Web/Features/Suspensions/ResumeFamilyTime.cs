using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// Family time resumes: sessions from that day on, suspended only because of the window, are planned again, and every
/// task about the suspension is done, all in the one save with the resumption.
/// </summary>
public sealed class ResumeFamilyTime(FamilyTimeDbContext db, SuspensionStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid suspensionId, DateOnly? on, CancellationToken ct) =>
        step.TakeAsync(child, suspensionId, "Resumed", s => s.Resume(on, clock.Today()), SuspensionFollowUp.Decided, async s =>
        {
            var later = await db.Sessions.Where(x => x.ArrangementId == s.ArrangementId && x.Status == SessionStatus.Suspended && x.Date >= s.ResumedOn && x.RecordedAt == null).ToListAsync(ct);
            foreach (var session in later)
            {
                session.Reinstate();
            }
            return later.Count == 0 ? null
                : new AuditNote(AuditAction.Update, AuditRecord.Suspension, s.Id, child.ChildId, JsonSerializer.Serialize(new { SessionsReinstated = later.Count }));
        }, ct);
}
