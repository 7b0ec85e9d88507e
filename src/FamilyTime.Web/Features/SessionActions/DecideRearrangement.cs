using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Bookings;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>The worker's answer to a request to move a session: approve (at the day and time agreed, by default the one asked for) or refuse with a reason.</summary>
public sealed record RearrangeDecision(Guid RequestId, bool Approve, DateOnly? Date, TimeOnly? Start, string? Reason, int? Version);

/// <summary>
/// The child's social worker (or their team manager) decides a family's request to move a session. Approved, the
/// session moves and the carer, the supervisor and the family are told; refused, the family are told why (their
/// message passes the family guard, as the reason is staff's own words). The task closes either way.
/// An approval must not double-book: the new day and time are checked against the room's and the child's other
/// sessions inside the save's write lock (as a one-off session is), so two approvals at once into the same room and
/// time cannot both be saved — the second is refused, saying what clashed, and its request stays open.
/// </summary>
public sealed class DecideRearrangement(FamilyTimeDbContext db, SessionAlerts alerts, Notifier notifier, TaskList tasks, AuditedSave audit, SlotClashes clashes,
    TimeProvider clock)
{
    public async Task<Outcome<RearrangeRequest>> HandleAsync(ChildContext child, Guid sessionId, RearrangeDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(decision);
        if (child.Refused<RearrangeRequest>(ChildOperation.EditPlan) is { } refused)
        {
            return refused;
        }
        var request = await db.RearrangeRequests.FirstOrDefaultAsync(r => r.Id == decision.RequestId && r.SessionId == sessionId && r.ChildId == child.ChildId, ct);
        var session = request is null ? null : await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (request is null || session is null)
        {
            return Outcome<RearrangeRequest>.NotFound();
        }
        if (decision.Version is { } v && v != request.Version)
        {
            return Outcome<RearrangeRequest>.Conflict();
        }
        var now = FamilySessions.NowOf(clock);
        var (from, fromStart) = (session.Date, session.StartTime);
        var actor = child.Actor;
        var errors = decision.Approve
            ? request.Approve(session, decision.Date, decision.Start, actor.UserId, actor.DisplayName, now)
            : request.Refuse(decision.Reason, actor.UserId, actor.DisplayName, now);
        if (!errors.IsValid)
        {
            return Outcome<RearrangeRequest>.Invalid(errors);
        }
        var childName = child.PreferredName ?? child.FirstName;
        var key = SessionActionKeys.Rearrange(request.Id);
        var familyTo = await db.Users.AsNoTracking().Where(u => u.Id == request.RequestedById).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (decision.Approve)
        {
            await alerts.TellAsync(session, key + ":moved", "Family time has moved", name => string.Join("\n\n",
                $"Dear {name},",
                $"Family time with {childName} and {request.RequestedByName} on {SessionAlerts.When(from, fromStart)} has moved to {SessionAlerts.When(session.Date, session.StartTime)}, at the family’s request.",
                "Please do not set off at the old time."), ct);
            if (!string.IsNullOrWhiteSpace(familyTo))
            {
                await notifier.EmailAsync(key + ":family", familyTo, request.RequestedByName, "Your family time has moved", string.Join("\n\n",
                    $"Dear {request.RequestedByName},",
                    $"You asked to move family time with {childName} on {SessionAlerts.When(from, fromStart)}. It has moved to {SessionAlerts.When(session.Date, session.StartTime)}.",
                    "Sign in to FamilyTime to see your sessions."), child.ChildId, ct);
            }
        }
        else if (!string.IsNullOrWhiteSpace(familyTo))
        {
            await notifier.EmailAsync(key + ":family", familyTo, request.RequestedByName, "About moving your family time", string.Join("\n\n",
                $"Dear {request.RequestedByName},",
                $"You asked to move family time with {childName} on {SessionAlerts.When(from, fromStart)}. It cannot be moved, so it stays as planned.",
                $"Why: {request.RefusalReason}",
                "If you cannot come, you can tell us in FamilyTime, or contact your social worker."), child.ChildId, ct);
        }
        await tasks.CompleteAsync(key, actor.UserId, ct);
        var notes = new List<AuditNote> { new(AuditAction.Update, AuditRecord.Session, session.Id, child.ChildId,
            System.Text.Json.JsonSerializer.Serialize(new { rearrangeRequest = request.Id, request.Status, request.AgreedDate, request.AgreedStart, request.RefusalReason, request.NoticeDays })) };
        SlotClash? clash = null;
        try
        {
            await audit.SaveCheckedAsync(actor.UserId, actor.UserName, async token =>
            {
                if (decision.Approve)
                {
                    // Read under the write lock: a session another approval moved a moment ago is seen here.
                    clash = await clashes.FindAsync(session.Id, child.ChildId, childName, session.Date, session.StartTime, session.DurationMinutes,
                        session.VenueId, session.RoomId, token);
                }
                return clash is null ? notes : null;
            }, ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<RearrangeRequest>.Conflict();
        }
        return clash is null ? Outcome<RearrangeRequest>.Ok(request) : Outcome<RearrangeRequest>.Clash(clash.Title, clash.Message);
    }
}
