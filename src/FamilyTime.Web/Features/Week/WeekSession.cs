using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Weeks;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// One session as the week views show it to staff: whose family time, when, where, who works it, who is coming,
/// whether the family has rung in, and whether its record waits. Staff-only: it holds no home or carer details,
/// and it is never handed to a family-facing page.
/// </summary>
public sealed record WeekSession(
    Guid Id,
    Guid ChildId,
    string Child,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    int Minutes,
    SessionStatus Status,
    Guid? VenueId,
    string? Venue,
    Guid? RoomId,
    string? Room,
    string? SupervisorId,
    string? Supervisor,
    string? SecondWorkerId,
    string? SecondWorker,
    string? DriverId,
    string? Driver,
    string? Interpreter,
    string? Transport,
    IReadOnlyList<string> Coming,
    ConfirmationState Confirmation,
    int? RunningLateMinutes,
    bool AwaitsRecord,
    bool RecordOverdue,
    bool Booked,
    bool NeedsWorker)
{
    public bool Cancelled => FamilyTimeSession.IsCancelled(Status);

    /// <summary>
    /// Not yet booked: a session still going ahead that nobody has booked (on the booking page or by publishing the
    /// rota), or whose booking a change of plan cleared. The room and supervisor the plan copies from the arrangement
    /// are no booking: nobody checked them for clashes. The same notion as <see cref="FamilyTimeSession.IsBooked"/>.
    /// </summary>
    public bool NotBooked => !Cancelled && !Booked;

    /// <summary>What the given worker does at this session (supervising first), or null if nothing.</summary>
    public WorkerPart? PartOf(string userId) =>
        SupervisorId == userId ? WorkerPart.Supervisor
        : SecondWorkerId == userId ? WorkerPart.SecondWorker
        : DriverId == userId ? WorkerPart.Driver
        : null;

    /// <summary>Each worker's part in the session, for adding up hours.</summary>
    public IEnumerable<WorkerStint> Stints()
    {
        if (SupervisorId is { } s)
        {
            yield return new WorkerStint(s, Date, WorkerPart.Supervisor, Minutes, Cancelled);
        }
        if (SecondWorkerId is { } w)
        {
            yield return new WorkerStint(w, Date, WorkerPart.SecondWorker, Minutes, Cancelled);
        }
        if (DriverId is { } d)
        {
            yield return new WorkerStint(d, Date, WorkerPart.Driver, Minutes, Cancelled);
        }
    }

    /// <summary>"Venue, room" as far as it is known.</summary>
    public string Where => (Venue, Room) switch
    {
        (null, _) => "No venue yet",
        (var v, null) => $"{v}, no room yet",
        var (v, r) => $"{v}, {r}",
    };
}

/// <summary>A supervised session that has begun and waits for the record its supervisor writes.</summary>
public sealed record RecordToWrite(Guid SessionId, Guid ChildId, string Child, DateOnly Date, TimeOnly Start, bool Overdue);

public static class WorkerPartWords
{
    public static string Describe(WorkerPart part) => part switch
    {
        WorkerPart.Supervisor => "Supervising",
        WorkerPart.SecondWorker => "Second worker",
        WorkerPart.Driver => "Driving",
        _ => part.ToString(),
    };
}
