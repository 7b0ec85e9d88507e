using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>A family member's claim for one of their sessions; the receipt's bytes as read (or why they could not be).</summary>
public sealed record ClaimCommand(Guid SessionId, TravelClaimInput Input, byte[]? Receipt, string? ReceiptProblem);

/// <summary>
/// Keeps a parent's travel claim with its receipt and asks the child's team manager to decide it. Only for the
/// parent's own sessions (anyone else's is "not found"); one claim per person per session.
/// </summary>
public sealed class ClaimTravel(FamilyTimeDbContext db, OwnSessions sessions, TravelNotices notices, AuditedSave audit, TimeProvider clock)
{
    public const string AlreadyClaimed = "You have already claimed travel for this family time. You can see it in your travel claims.";

    public async Task<Outcome<Guid>> HandleAsync(Actor actor, ClaimCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var session = await sessions.OneAsync(actor.Scope, command.SessionId, ct);
        if (session is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (await db.TravelClaims.AnyAsync(c => c.SessionId == session.SessionId && c.ClaimantUserId == actor.UserId, ct))
        {
            return Already();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (TravelClaim.SessionProblem(session.Date, session.Status, clock.Today()) is { } problem)
        {
            return Outcome<Guid>.Invalid("SessionId", problem);
        }
        StoredFile? receipt = null;
        var receiptProblem = command.ReceiptProblem;
        if (receiptProblem is null && command.Receipt is not null)
        {
            (receipt, receiptProblem) = StoredFile.From(actor.UserId, command.Receipt, now);
        }
        var (claim, errors) = TravelClaim.Make(session.SessionId, session.ChildId, session.Date, actor.UserId, command.Input, receipt?.Id, now);
        if (receiptProblem is not null)
        {
            // The file's own problem replaces "add a receipt": it was added, and this is what is wrong with it.
            var all = new ValidationErrors();
            foreach (var (field, messages) in errors.ByField.Where(e => e.Key != "Receipt"))
            {
                Array.ForEach(messages, m => all.Add(field, m));
            }
            return Outcome<Guid>.Invalid(all.Add("Receipt", receiptProblem));
        }
        if (claim is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (receipt is not null)
        {
            db.StoredFiles.Add(receipt);
        }
        db.TravelClaims.Add(claim);
        await notices.AskManagersAsync(claim, session.ChildName, ct);
        var saved = await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Create, AuditRecord.TravelClaim, claim.Id, claim.ChildId)], claim.Id, ct);
        // Two requests at once: the unique index refuses the second, which is answered as a claim already made.
        return saved.Kind == OutcomeKind.Conflict ? Already() : saved;
    }

    private static Outcome<Guid> Already() => new(OutcomeKind.Conflict, default, null, AlreadyClaimed);
}
