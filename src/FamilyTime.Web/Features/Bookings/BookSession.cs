using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Bookings;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>
/// A booking as asked: the day and start, the room (its venue follows), the supervisor, a second worker, a driver;
/// whether the soft warnings (travel time, no pattern recorded) are accepted; the session's version when the form was opened.
/// </summary>
public sealed record BookingRequest(DateOnly? Date, TimeOnly? Start, Guid? RoomId, string? SupervisorId, string? SecondWorkerId, string? DriverId,
    bool AcceptWarnings, int? Version);

/// <summary>What booking did: whether the session moved (so the carer and family were told) and the warnings accepted.</summary>
public sealed record BookingDone(Guid SessionId, bool Moved, int Version, IReadOnlyList<string> WarningsAccepted);

/// <summary>
/// Books a session's room, worker(s) and driver, and may move it to another day, time or venue (the area's
/// coordinator, or the child's social worker or team manager). A booking with a hard conflict is refused with the
/// conflicts in plain words; soft ones (travel time) are refused until accepted. The conflicts are checked again
/// inside the saving transaction, under the write lock, so two people booking the same room or worker at once
/// cannot both win: the second is told what the first booked. A moved session tells the carers, the supervisor
/// and the family (the family's message through the family guard, the supervisor by first name).
/// </summary>
public sealed class BookSession(FamilyTimeDbContext db, BookingFacts facts, BookingNotices notices, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<BookingDone>> HandleAsync(ChildContext child, Guid sessionId, BookingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(request);
        if (child.Refused<BookingDone>(ChildOperation.BookSessions) is { } refused)
        {
            return refused;
        }
        var exists = await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.ChildId == child.ChildId, ct);
        if (!exists)
        {
            return Outcome<BookingDone>.NotFound();
        }
        var workers = await facts.WorkersAsync(ct);
        var rooms = await facts.RoomsAsync(ct);
        var errors = Check(request, workers, rooms);
        if (!errors.IsValid)
        {
            return Outcome<BookingDone>.Invalid(errors);
        }
        var room = request.RoomId is { } rid ? rooms.First(r => r.RoomId == rid) : null;
        var childName = child.PreferredName ?? child.FirstName;
        var now = FamilySessions.NowOf(clock);

        Outcome<BookingDone>? answer = null;
        FamilyTimeSession? booked = null;
        bool saved;
        try
        {
            saved = await audit.SaveCheckedAsync(child.Actor.UserId, child.Actor.DisplayName, async token =>
        {
            // Read again under the write lock: what another booking saved a moment ago is seen here.
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.ChildId == child.ChildId, token);
            if (session is null)
            {
                answer = Outcome<BookingDone>.NotFound();
                return null;
            }
            if (request.Version is { } v && v != session.Version)
            {
                answer = Outcome<BookingDone>.Conflict();
                return null;
            }
            var (assessed, needed, serviceSupervises) = await facts.NeedsAsync(session.ArrangementId, token);
            var needs = new ValidationErrors();
            if (serviceSupervises && string.IsNullOrEmpty(request.SupervisorId))
            {
                needs.Add("SupervisorId", "Choose the worker who supervises");
            }
            if (needed == 2 && string.IsNullOrEmpty(request.SecondWorkerId))
            {
                needs.Add("SecondWorkerId", "This family time needs two workers: choose a second worker");
            }
            if (!needs.IsValid)
            {
                answer = Outcome<BookingDone>.Invalid(needs);
                return null;
            }
            var booking = new SessionBooking(request.Date!.Value, request.Start!.Value, room?.VenueId, room?.RoomId,
                Blank(request.SupervisorId), Blank(request.SecondWorkerId), Blank(request.DriverId));
            var candidate = await facts.CandidateAsync(session, childName, booking, assessed, workers, token);
            var conflicts = BookingConflicts.Find(candidate, await facts.OthersOnAsync(booking.Date, session.Id, token));
            if (!BookingConflicts.AllowsBooking(conflicts, request.AcceptWarnings))
            {
                answer = Outcome<BookingDone>.Invalid(ToErrors(conflicts, request.AcceptWarnings));
                return null;
            }
            var (from, fromStart, fromVenue) = (session.Date, session.StartTime, session.VenueId);
            var (moved, refusal) = session.Book(booking, now);
            if (refusal is not null)
            {
                answer = Outcome<BookingDone>.Invalid("Date", refusal);
                return null;
            }
            if (moved)
            {
                await notices.TellMovedAsync(session, child, from, fromStart, fromVenue, token);
            }
            var changes = AuditedSave.ChangesOf(db.Entry(session));
            booked = session;
            answer = Outcome<BookingDone>.Ok(new BookingDone(session.Id, moved, 0, conflicts.Select(c => c.Message).ToList()));
            return [new AuditNote(AuditAction.Update, AuditRecord.Session, session.Id, child.ChildId,
                JsonSerializer.Serialize(new { booking = changes, warningsAccepted = conflicts.Select(c => c.Message) }))];
        }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed this session between the read and the save (the version in the database moved on).
            return Outcome<BookingDone>.Conflict();
        }
        if (saved && booked is not null && answer?.Value is { } done)
        {
            return Outcome<BookingDone>.Ok(done with { Version = booked.Version });
        }
        return answer ?? Outcome<BookingDone>.Conflict();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The form's own checks: a day and start, a room and workers that exist, and no one booked twice on one session.</summary>
    private static ValidationErrors Check(BookingRequest r, IReadOnlyList<WorkerChoice> workers, IReadOnlyList<RoomChoice> rooms)
    {
        var errors = new ValidationErrors();
        if (r.Date is null)
        {
            errors.Add("Date", "Enter the day of the session");
        }
        if (r.Start is null)
        {
            errors.Add("Start", "Enter the start time, like 15:30");
        }
        if (r.RoomId is { } room && rooms.All(x => x.RoomId != room))
        {
            errors.Add("RoomId", "Choose a room at an open venue");
        }
        foreach (var (field, id) in new[] { ("SupervisorId", r.SupervisorId), ("SecondWorkerId", r.SecondWorkerId), ("DriverId", r.DriverId) })
        {
            if (!string.IsNullOrWhiteSpace(id) && workers.All(w => w.UserId != id.Trim()))
            {
                errors.Add(field, "Choose a worker from the list");
            }
        }
        if (!string.IsNullOrWhiteSpace(r.SecondWorkerId) && string.Equals(r.SecondWorkerId, r.SupervisorId, StringComparison.Ordinal))
        {
            errors.Add("SecondWorkerId", "The second worker must be someone other than the supervisor");
        }
        return errors;
    }

    /// <summary>The conflicts as form errors; soft ones not yet accepted say how to go ahead anyway.</summary>
    private static ValidationErrors ToErrors(IReadOnlyList<BookingConflict> conflicts, bool accepted)
    {
        var errors = new ValidationErrors();
        foreach (var c in conflicts.Where(c => !c.Soft || !accepted))
        {
            errors.Add(c.Field, c.Soft ? $"{c.Message}. To book it anyway, tick “Book despite the warnings”" : c.Message);
        }
        return errors;
    }
}
