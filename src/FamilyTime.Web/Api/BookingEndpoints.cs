using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Bookings;
using FamilyTime.Web.Features.SessionActions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// A booking: 'date' (YYYY-MM-DD) and 'start' (HH:mm) — the session's own, or new ones to move it — the 'roomId'
/// (its venue follows; none for family time in the community), 'supervisorId', 'secondWorkerId', 'driverId',
/// 'acceptWarnings' to book despite soft warnings (travel time), and the session's 'version'.
/// </summary>
public sealed record BookingBody(DateOnly? Date, string? Start, Guid? RoomId, string? SupervisorId, string? SecondWorkerId, string? DriverId, bool AcceptWarnings, int? Version);

/// <summary>What the booking did: whether the session moved (the carers, supervisor and family were told), its new version, and warnings accepted.</summary>
public sealed record BookingDto(Guid SessionId, bool Moved, int Version, IReadOnlyList<string> WarningsAccepted);

/// <summary>A session's current booking and what stands in its way now, in the booking page's words.</summary>
public sealed record BookingStateDto(Guid SessionId, DateOnly Date, string Start, int DurationMinutes, Guid? VenueId, Guid? RoomId, string? SupervisorId,
    string? SecondWorkerId, string? DriverId, int WorkersNeeded, int Version, IReadOnlyList<ConflictDto> Conflicts);

public sealed record ConflictDto(string Kind, string Field, string Message, bool Soft);

public static class BookingEndpoints
{
    public static void MapBookingEndpoints(this RouteGroupBuilder api)
    {
        var booking = api.MapGroup("/children/{id:guid}/sessions/{sessionId:guid}/booking").WithTags("Bookings");
        booking.MapGet("", Get).ForChild(ChildOperation.BookSessions)
            .WithSummary("A session's booking (room, workers, driver) and its conflicts as things stand: kind, field, message, and whether it is a soft warning.")
            .ProducesProblem(403);
        booking.MapPut("", Put).ForChild(ChildOperation.BookSessions)
            .WithSummary("Book a session's room, worker(s) and driver, or move it. Conflicts (room or worker booked, leave, not working, room closed, the child or a parent already has family time) refuse it with their messages under 'errors'; soft ones (travel time) refuse it until 'acceptWarnings' is true. A session that moves tells the carers, the supervisor and the family. 409 when the session changed since 'version'.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Results<Ok<BookingStateDto>, ProblemHttpResult>> Get(Guid sessionId, ChildContext child, BookingPageReader reader, CancellationToken ct)
    {
        var view = await reader.ReadAsync(child, sessionId, ct);
        if (view is null)
        {
            return ApiResults.NotFound();
        }
        var s = view.Session;
        return TypedResults.Ok(new BookingStateDto(s.Id, s.Date, TimeText.Show(s.StartTime), s.DurationMinutes, s.VenueId, s.RoomId, s.SupervisorId,
            s.SecondWorkerId, s.DriverId, view.WorkersNeeded, s.Version,
            view.CurrentConflicts.Select(c => new ConflictDto(c.Kind.ToString(), ApiResults.ApiName(c.Field), c.Message, c.Soft)).ToList()));
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Put(Guid sessionId, BookingBody body, ChildContext child, BookSession book, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var start = TimeText.Parse(body.Start, "Start", "start", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var outcome = await book.HandleAsync(child, sessionId,
            new BookingRequest(body.Date, start, body.RoomId, body.SupervisorId, body.SecondWorkerId, body.DriverId, body.AcceptWarnings, body.Version), ct);
        return ApiResults.From(outcome, done => TypedResults.Ok(new BookingDto(done.SessionId, done.Moved, done.Version, done.WarningsAccepted)));
    }
}
