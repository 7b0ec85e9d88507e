using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>The session a worker may claim mileage for: one they were the supervisor of.</summary>
public sealed record SupervisedSession(Guid SessionId, Guid ChildId, string ChildName, DateOnly Date, TimeOnly StartTime, string? VenueName,
    Domain.Sessions.SessionStatus Status);

/// <summary>
/// A contact worker's mileage for a session they supervised, at the approved rate, approved by the child's team
/// manager and paid in the same runs as families' claims. Another worker's session is "not found".
/// </summary>
public sealed class ClaimMileage(FamilyTimeDbContext db, TravelNotices notices, AuditedSave audit, TimeProvider clock)
{
    public async Task<SupervisedSession?> SessionAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var uid = actor.UserId;
        return await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.SupervisorId == uid)
            .Select(s => new SupervisedSession(s.Id, s.ChildId,
                db.Children.Where(c => c.Id == s.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).First(),
                s.Date, s.StartTime, db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(), s.Status))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Outcome<Guid>> HandleAsync(Actor actor, Guid sessionId, TravelClaimInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await SessionAsync(actor, sessionId, ct);
        if (session is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (await db.TravelClaims.AnyAsync(c => c.SessionId == sessionId && c.ClaimantUserId == actor.UserId, ct))
        {
            return Already();
        }
        if (TravelClaim.SessionProblem(session.Date, session.Status, clock.Today()) is { } problem)
        {
            return Outcome<Guid>.Invalid("SessionId", problem.Replace("your social worker", "your team manager", StringComparison.Ordinal));
        }
        var (claim, errors) = TravelClaim.Mileage(sessionId, session.ChildId, session.Date, actor.UserId, input, clock.GetUtcNow().UtcDateTime);
        if (claim is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.TravelClaims.Add(claim);
        await notices.AskManagersAsync(claim, session.ChildName, ct);
        var saved = await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Create, AuditRecord.TravelClaim, claim.Id, claim.ChildId)], claim.Id, ct);
        return saved.Kind == OutcomeKind.Conflict ? Already() : saved;
    }

    private static Outcome<Guid> Already() =>
        new(OutcomeKind.Conflict, default, null, "You have already claimed mileage for this session.");
}
