using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Sessions;

/// <summary>What a family member asks for when they ask to move a session: a day, a window of time and why.</summary>
public sealed record RearrangeAsk(DateOnly? ProposedDate, TimeOnly? ProposedFrom, TimeOnly? ProposedTo, string? Reason);

/// <summary>
/// A family's request to move one session to another day and time, decided by the child's social worker (or their
/// team manager): approved, the session moves to the agreed day and time; refused, with a reason the family reads.
/// The notice given (days from the request to the session) is kept: late changes matter to the child and the plan.
/// </summary>
public sealed class RearrangeRequest : IVersioned
{
    public const int ReasonLength = 1000;

    private RearrangeRequest() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ChildId { get; private set; }
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }

    /// <summary>When the session was when it was asked about.</summary>
    public DateOnly OriginalDate { get; private set; }
    public TimeOnly OriginalStart { get; private set; }
    public DateOnly ProposedDate { get; private set; }
    public TimeOnly ProposedFrom { get; private set; }
    public TimeOnly ProposedTo { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>Whole days between the request and the session it asks to move.</summary>
    public int NoticeDays { get; private set; }
    public RearrangeStatus Status { get; private set; }

    /// <summary>The session's id while the request waits, null once decided: a unique index keeps one waiting request per session.</summary>
    public Guid? PendingSessionId { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateOnly? AgreedDate { get; private set; }
    public TimeOnly? AgreedStart { get; private set; }
    public string? RefusalReason { get; private set; }
    public int Version { get; set; }

    public bool IsPending => Status == RearrangeStatus.Pending;

    /// <summary>
    /// A family member asks to move a session still ahead of them: to a day from tomorrow to a year on, in a window
    /// of time that ends after it starts, with a reason.
    /// </summary>
    public static (RearrangeRequest? Request, string? Refusal, ValidationErrors Errors) Ask(FamilyTimeSession session, RearrangeAsk ask, string byId, string byName, Moment now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(now);
        var errors = new ValidationErrors();
        if (session.FamilyActionRefusal(now) is { } refused)
        {
            return (null, refused, errors);
        }
        if (ask.ProposedDate is not { } date)
        {
            errors.Add(nameof(ProposedDate), "Enter the day you would like instead, like 27/11/2026");
        }
        else if (date <= now.Today)
        {
            errors.Add(nameof(ProposedDate), "The day you would like must be tomorrow or later");
        }
        else if (date > now.Today.AddYears(1))
        {
            errors.Add(nameof(ProposedDate), "The day you would like must be within the next 12 months");
        }
        if (ask.ProposedFrom is not { } from)
        {
            errors.Add(nameof(ProposedFrom), "Enter the earliest time you could start, like 10:00");
        }
        if (ask.ProposedTo is not { } to)
        {
            errors.Add(nameof(ProposedTo), "Enter the latest time you could start, like 14:00");
        }
        else if (ask.ProposedFrom is { } f && to < f)
        {
            errors.Add(nameof(ProposedTo), "The latest time must be the same as or after the earliest time");
        }
        if (Text.Clean(ask.Reason) is not { } reason)
        {
            errors.Add(nameof(Reason), "Tell us why you would like to move this session");
        }
        else if (reason.Length > ReasonLength)
        {
            errors.Add(nameof(Reason), $"The reason must be {ReasonLength} characters or fewer");
        }
        if (!errors.IsValid)
        {
            return (null, null, errors);
        }
        return (new RearrangeRequest
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            PendingSessionId = session.Id,
            ChildId = session.ChildId,
            RequestedById = byId,
            RequestedByName = byName,
            RequestedAt = now.Utc,
            OriginalDate = session.Date,
            OriginalStart = session.StartTime,
            ProposedDate = ask.ProposedDate!.Value,
            ProposedFrom = ask.ProposedFrom!.Value,
            ProposedTo = ask.ProposedTo!.Value,
            Reason = Text.Clean(ask.Reason)!,
            NoticeDays = Math.Max(0, session.Date.DayNumber - now.Today.DayNumber),
            Status = RearrangeStatus.Pending,
        }, null, errors);
    }

    /// <summary>Approves the request: the session moves to the agreed day and time (by default the day asked for, at the window's start).</summary>
    public ValidationErrors Approve(FamilyTimeSession session, DateOnly? date, TimeOnly? start, string byId, string byName, Moment now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new ValidationErrors();
        if (!IsPending)
        {
            return errors.Add("", "This request has already been decided.");
        }
        var (day, time) = (date ?? ProposedDate, start ?? ProposedFrom);
        if (session.MoveTo(day, time, now) is { } problem)
        {
            return errors.Add(session.Status == SessionStatus.Planned ? nameof(AgreedDate) : "", problem);
        }
        Status = RearrangeStatus.Approved;
        AgreedDate = day;
        AgreedStart = time;
        Decided(byId, byName, now);
        return errors;
    }

    /// <summary>Refuses the request with a reason the family will read; the session stays where it was.</summary>
    public ValidationErrors Refuse(string? reason, string byId, string byName, Moment now)
    {
        var errors = new ValidationErrors();
        if (!IsPending)
        {
            return errors.Add("", "This request has already been decided.");
        }
        if (Text.Clean(reason) is not { } why)
        {
            return errors.Add(nameof(RefusalReason), "Say why the session cannot be moved: the family will read this");
        }
        if (why.Length > ReasonLength)
        {
            return errors.Add(nameof(RefusalReason), $"The reason must be {ReasonLength} characters or fewer");
        }
        Status = RearrangeStatus.Refused;
        RefusalReason = why;
        Decided(byId, byName, now);
        return errors;
    }

    private void Decided(string byId, string byName, Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        DecidedAt = now.Utc;
        DecidedById = byId;
        DecidedByName = byName;
        PendingSessionId = null;
    }
}
