using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Tasks;
using FamilyTime.Domain.Voice;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Voice;

/// <summary>What was kept: the version it is (1 the first; more when they changed it).</summary>
public sealed record FeelingSaid(Guid Id, Guid SessionId, FeelingFace Face, string? Words, int Number);

/// <summary>
/// A young person says how a session of their own felt, with a face and, if they like, words. Another session, or
/// one out of reach, is not found; one that has not happened is refused with a reason. Saying it again keeps the
/// earlier one and adds the next version; the social worker gets a task to read it.
/// </summary>
public sealed class SayHowItFelt(FamilyTimeDbContext db, TaskList tasks, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<FeelingSaid>> SayAsync(ChildContext child, Guid sessionId, FeelingFace? face, string? words, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<FeelingSaid>(ChildOperation.SpeakForSelf) is { } refused)
        {
            return refused;
        }
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.ChildId == child.ChildId)
            .Select(s => new { s.Id, s.ChildId, s.Status, s.Date }).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return Outcome<FeelingSaid>.NotFound();
        }
        var newest = await db.SessionFeelings.AsNoTracking().Where(f => f.SessionId == sessionId)
            .OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
        var (feeling, errors) = SessionFeeling.Say(child.ChildId, session.ChildId, session.Id, session.Status, newest, face, words,
            child.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (feeling is null)
        {
            return Outcome<FeelingSaid>.Invalid(errors);
        }
        var said = new FeelingSaid(feeling.Id, sessionId, feeling.Face, feeling.Words, feeling.Number);
        if (ReferenceEquals(feeling, newest))
        {
            return Outcome<FeelingSaid>.Ok(said);
        }
        db.SessionFeelings.Add(feeling);
        var name = child.PreferredName ?? child.FirstName;
        await tasks.AddAsync($"voice-feeling:{feeling.Id}", TaskKind.YoungPersonSaid, child.SocialWorkerId, child.ChildId,
            $"{name} has said how family time on {session.Date:d MMMM} felt: {FeelingFaces.Words(feeling.Face).ToLowerInvariant()}",
            ChildLinks.ChildVoice(child.ChildId), null, ct);
        var outcome = await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.YoungPersonVoice, feeling.Id, child.ChildId)], said, ct);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // Two sends at once took the same version number: whichever came first is kept; if it says the same, it is this one.
            db.ChangeTracker.Clear();
            var kept = await db.SessionFeelings.AsNoTracking().Where(f => f.SessionId == sessionId).OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
            if (kept is not null && kept.Face == feeling.Face && kept.Words == feeling.Words)
            {
                return Outcome<FeelingSaid>.Ok(new FeelingSaid(kept.Id, sessionId, kept.Face, kept.Words, kept.Number));
            }
        }
        return outcome;
    }
}
