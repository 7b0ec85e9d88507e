using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// A family member asks to move a session: the day they would like, a window of time and why. The request reaches
/// the child's social worker as a task that closes when they decide; one request waits per session at a time.
/// </summary>
public sealed class AskToRearrange(FamilyTimeDbContext db, FamilySessions sessions, TaskList tasks, AuditedSave audit)
{
    public const string AlreadyAsked = "You have already asked to move this session. Your social worker will let you know what they decide.";

    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid sessionId, RearrangeAsk ask, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(ask);
        if (child.Refused<Guid>(ChildOperation.ViewOwnFamilyTime) is { } refused)
        {
            return refused;
        }
        if (await sessions.FindAsync(child, sessionId, track: false, ct) is not { } f)
        {
            return Outcome<Guid>.NotFound();
        }
        if (await db.RearrangeRequests.AnyAsync(r => r.PendingSessionId == sessionId, ct))
        {
            return Outcome<Guid>.Invalid("", AlreadyAsked);
        }
        var (request, refusal, errors) = RearrangeRequest.Ask(f.Session, ask, child.Actor.UserId, f.PersonName, sessions.Now());
        if (refusal is not null)
        {
            return Outcome<Guid>.Invalid("", refusal);
        }
        if (request is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.RearrangeRequests.Add(request);
        var childName = child.PreferredName ?? child.FirstName;
        await tasks.AddAsync(SessionActionKeys.Rearrange(request.Id), TaskKind.RearrangeRequest, f.Session.SocialWorkerId, child.ChildId,
            $"{f.PersonName} asks to move {childName}’s family time on {SessionAlerts.When(f.Session.Date, f.Session.StartTime)}",
            SessionActionLinks.Rearrangement(child.ChildId, sessionId, request.Id), f.Session.Date, ct);
        var outcome = await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.Session, sessionId, child.ChildId,
            System.Text.Json.JsonSerializer.Serialize(new { rearrangeRequest = request.Id, request.ProposedDate, request.ProposedFrom, request.ProposedTo, request.NoticeDays }))], request.Id, ct);
        // Two requests at once: the unique index let one in; the other hears it is already asked.
        return outcome.Kind == OutcomeKind.Conflict ? Outcome<Guid>.Invalid("", AlreadyAsked) : outcome;
    }
}
