using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Bookings;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Sessions;

public sealed record OneOffSession(DateOnly? Date, TimeOnly? StartTime, int? DurationMinutes, Guid? VenueId, Guid? RoomId, Guid? ArrangementId);

/// <summary>
/// A session outside the regular pattern (a birthday, a family event). The same legal rules apply as to the
/// plan: under an SGO or CAO, or after leaving care, the authority arranges no session at all. The room and the
/// child must be free then: checked inside the save's write lock, so two requests at once for the same room and time
/// cannot both be saved — the second is refused, saying what clashed.
/// </summary>
public sealed class AddSession(FamilyTimeDbContext db, AuditedSave audit, PlanContextLoader contexts, SlotClashes clashes)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, OneOffSession input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(input);
        var (childId, actor) = (child.ChildId, child.Actor);
        var context = await contexts.LoadAsync(child, ct);
        if (PlanRules.ArrangingRefused(context) is { } refused)
        {
            return Outcome<Guid>.Invalid("", refused);
        }
        var errors = new ValidationErrors();
        if (input.Date is not { } date)
        {
            errors.Add("Date", "Enter the date of the session");
        }
        else if (date < context.Today)
        {
            errors.Add("Date", "A new session must be today or later");
        }
        if (input.StartTime is null)
        {
            errors.Add("StartTime", "Enter the start time, like 10:00");
        }
        if (input.DurationMinutes is not (>= 15 and <= 480))
        {
            errors.Add("DurationMinutes", "A session must last between 15 minutes and 8 hours");
        }
        if (input.VenueId is not { } venue || input.RoomId is not { } room || !context.Rooms.Contains(new VenueRoomChoice(venue, room)))
        {
            errors.Add("RoomId", "Choose an open venue and one of its rooms");
        }
        if (input.ArrangementId is { } aid && !await db.Arrangements.AnyAsync(a => a.Id == aid && a.ChildId == childId, ct))
        {
            errors.Add("ArrangementId", "The arrangement is not part of this child's plan");
        }
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var supervisor = input.ArrangementId is { } a2 ? await db.Arrangements.Where(a => a.Id == a2).Select(a => a.SupervisorId).FirstAsync(ct) : null;
        var session = new FamilyTimeSession(childId, input.ArrangementId,
            new SessionSlot(input.Date!.Value, input.StartTime!.Value, input.DurationMinutes!.Value, input.VenueId, input.RoomId, supervisor), child.SocialWorkerId);
        SlotClash? clash = null;
        await audit.SaveCheckedAsync(actor.UserId, actor.UserName, async token =>
        {
            // Read under the write lock: a session another request saved a moment ago is seen here.
            clash = await clashes.FindAsync(session.Id, childId, child.PreferredName ?? child.FirstName, session.Date, session.StartTime,
                session.DurationMinutes, session.VenueId, session.RoomId, token);
            if (clash is not null)
            {
                return null;
            }
            db.Sessions.Add(session);
            return [new AuditNote(AuditAction.Create, AuditRecord.Session, session.Id, childId,
                System.Text.Json.JsonSerializer.Serialize(new { session.Date, session.StartTime, session.DurationMinutes }))];
        }, ct);
        if (clash is not null)
        {
            return Outcome<Guid>.Clash(clash.Title, clash.Message);
        }
        return Outcome<Guid>.Ok(session.Id);
    }
}
