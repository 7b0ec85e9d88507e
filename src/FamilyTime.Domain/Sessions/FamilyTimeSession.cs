using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Sessions;

/// <summary>
/// One planned meeting of the child with the people of an arrangement, at a venue. Assigned to the child's
/// allocated social worker, who sees it closed off.
/// </summary>
public sealed partial class FamilyTimeSession : IVersioned
{
    private FamilyTimeSession() { }

    public FamilyTimeSession(Guid childId, Guid? arrangementId, SessionSlot slot, string socialWorkerId)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Id = Guid.NewGuid();
        ChildId = childId;
        ArrangementId = arrangementId;
        Date = slot.Date;
        StartTime = slot.StartTime;
        DurationMinutes = slot.DurationMinutes;
        VenueId = slot.VenueId;
        RoomId = slot.RoomId;
        SupervisorId = slot.SupervisorId;
        SocialWorkerId = socialWorkerId;
        Status = SessionStatus.Planned;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public int DurationMinutes { get; private set; }
    public Guid? VenueId { get; private set; }
    public Guid? RoomId { get; private set; }
    public string? SupervisorId { get; private set; }

    /// <summary>The second worker, for a session the plan says needs two.</summary>
    public string? SecondWorkerId { get; private set; }

    /// <summary>The worker booked to drive the child to and from the session, if any.</summary>
    public string? DriverId { get; private set; }
    public string SocialWorkerId { get; private set; } = "";
    public SessionStatus Status { get; private set; }

    /// <summary>When a record of the session was first written; a recorded session is never regenerated.</summary>
    public DateTime? RecordedAt { get; private set; }

    /// <summary>When and by whom the session was closed off, and why (for cancellations, declines and early endings).</summary>
    public DateTime? ClosedAt { get; private set; }
    public string? ClosedById { get; private set; }
    public string? OutcomeReason { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// How many times the session has changed in a way a calendar shows (<see cref="CalendarFields"/>): the
    /// iCalendar SEQUENCE, so a calendar app replaces its copy of the event. Raised by the database context when it
    /// saves such a change, never by hand (see <see cref="CalendarFields"/>).
    /// </summary>
    public int Sequence { get; private set; }

    /// <summary>When (UTC) the session last changed in a way a calendar shows, or was made: the iCalendar LAST-MODIFIED. Set with <see cref="Sequence"/>.</summary>
    public DateTime LastModified { get; private set; }

    /// <summary>
    /// The fields a calendar shows. Whenever a save changes any of them, the database context raises
    /// <see cref="Sequence"/> by one and sets <see cref="LastModified"/> from the app's clock (FamilyTimeDbContext,
    /// StampCalendarChanges). It is done at the save, not in each method here, because sessions are moved and
    /// cancelled from many places (the plan, a parent who can't come, rearranging, ringing in, suspensions): a
    /// method added later cannot forget it, and one save that changes several fields is one change to the calendar.
    /// A new field that a calendar shows is added to this list, and nothing else is needed.
    /// </summary>
    public static IReadOnlyList<string> CalendarFields { get; } =
    [
        nameof(Date), nameof(StartTime), nameof(DurationMinutes), nameof(VenueId), nameof(RoomId), nameof(SupervisorId),
        nameof(Status), nameof(CancellationReason),
    ];

    /// <summary>What a calendar shows as cancelled: the session will not happen on its day (a suspended one may come back).</summary>
    public static bool IsCancelled(SessionStatus status) => status is SessionStatus.CancelledByParent or SessionStatus.CancelledByCarer
        or SessionStatus.CancelledByAuthority or SessionStatus.Rearranged or SessionStatus.Suspended or SessionStatus.PlanChanged;

    public TimeOnly EndTime => StartTime.AddMinutes(DurationMinutes);

    /// <summary>Only a future session still as planned and never written about may be moved or withdrawn when the plan changes.</summary>
    public bool IsReplaceable(DateOnly today) => Status == SessionStatus.Planned && RecordedAt is null && Date >= today && MovedFrom is null;

    /// <summary>The day the session was on before a move the family asked for and the social worker agreed; null if never moved so.</summary>
    public DateOnly? MovedFrom { get; private set; }

    /// <summary>
    /// Moved to a day the family and the worker agreed, still to come: saving the plan again leaves it there (and plans
    /// nothing on the day it left), and only ending the family time withdraws it.
    /// </summary>
    public bool IsAgreedMove(DateOnly today) => MovedFrom is not null && Status == SessionStatus.Planned && RecordedAt is null && Date >= today;

    /// <summary>A future session the plan withdrew, never written about: planned again, with its identity, if the plan brings its date back.</summary>
    public bool IsWithdrawn(DateOnly today) => Status == SessionStatus.PlanChanged && RecordedAt is null && Date >= today;

    /// <summary>
    /// Moves the session to another slot when the plan changes, keeping its identity (and so its calendar event).
    /// A session the plan had withdrawn is planned again. Only for sessions the plan may move (see
    /// <see cref="SessionPlanner"/>): what happened or was written about is never moved. The plan moves a booked
    /// session only when it asks something new of it, so its booking is cleared (see <see cref="ClearBooking"/>).
    /// </summary>
    public void Reschedule(SessionSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (RecordedAt is not null || Status is not (SessionStatus.Planned or SessionStatus.PlanChanged))
        {
            throw new InvalidOperationException("Only a session still planned (or withdrawn by the plan) and never written about can be moved by the plan.");
        }
        if (Date != slot.Date || StartTime != slot.StartTime)
        {
            ForgetWhatWasSaidOfTheOldTime();
        }
        Date = slot.Date;
        StartTime = slot.StartTime;
        DurationMinutes = slot.DurationMinutes;
        VenueId = slot.VenueId;
        RoomId = slot.RoomId;
        SupervisorId = slot.SupervisorId;
        ClearBooking();
        if (Status == SessionStatus.PlanChanged)
        {
            Status = SessionStatus.Planned;
            OutcomeReason = null;
            ClosedAt = null;
            ClosedById = null;
        }
    }

    /// <summary>A confirmation, or word of running late, was given for the old day and time: the family is asked again.</summary>
    private void ForgetWhatWasSaidOfTheOldTime()
    {
        ConfirmedAt = null;
        ConfirmedById = null;
        ConfirmedByName = null;
        UnconfirmedAt = null;
        RunningLateMinutes = null;
        RunningLateSaidAt = null;
    }

    /// <summary>
    /// The plan no longer has this session: it is kept, marked <see cref="SessionStatus.PlanChanged"/> with why, so
    /// calendars show it cancelled instead of losing it, and the case keeps what was once planned.
    /// </summary>
    public void WithdrawFromPlan(string reason, string byUserId, DateTime at)
    {
        if (!IsReplaceableIgnoringDate)
        {
            throw new InvalidOperationException("Only a session still planned and never written about can be withdrawn by the plan.");
        }
        Status = SessionStatus.PlanChanged;
        CancellationReason = null;
        OutcomeReason = reason;
        ClosedAt = at;
        ClosedById = byUserId;
    }

    private bool IsReplaceableIgnoringDate => Status == SessionStatus.Planned && RecordedAt is null;

    /// <summary>Past its date and still as planned: not closed off, so overdue for the social worker.</summary>
    public bool IsOverdue(DateOnly today) => Status == SessionStatus.Planned && Date < today;

    /// <summary>Why the service cancelled, from the coded list (only for <see cref="SessionStatus.CancelledByAuthority"/>).</summary>
    public ServiceCancellationReason? CancellationReason { get; private set; }

    /// <summary>Held: the child and the family spent the time together, whether or not it ended early.</summary>
    public static bool IsHeld(SessionStatus status) => status is SessionStatus.TookPlace or SessionStatus.EndedEarly;

    /// <summary>
    /// Supervised, assessed or facilitated family time that has come (or, closed as held before this rule, has no
    /// record): it waits for its record, and stays overdue until the record is written.
    /// </summary>
    public bool AwaitsRecord(bool needsRecord, DateOnly today) =>
        needsRecord && RecordedAt is null && Date <= today && (Status == SessionStatus.Planned || IsHeld(Status));

    /// <summary>Awaiting its record after its day: overdue for the person who supervised it.</summary>
    public bool IsRecordOverdue(bool needsRecord, DateOnly today) => AwaitsRecord(needsRecord, today) && Date < today;

    /// <summary>
    /// Lays down history as it stood (demo data, tests setting out the past): no record rule, no risk gate, and a
    /// cancellation by us given the coded "something else". Use cases close sessions through the rules below.
    /// </summary>
    public ValidationErrors Close(SessionStatus? outcome, string? reason, string byUserId, DateTime at, DateOnly today) =>
        Close(new SessionClosing(outcome, reason, outcome == SessionStatus.CancelledByAuthority ? ServiceCancellationReason.SomethingElse : null),
            SessionRules.NoRecordNeeded, byUserId, at, today);

    /// <summary>
    /// Closes the session off with what became of it. Only what has happened can be closed as happened; a session
    /// that needs a record is closed as held only by its record; a cancellation by the service gives a coded reason;
    /// and a session held behind the risk gate waits for its risk assessment.
    /// </summary>
    public ValidationErrors Close(SessionClosing closing, SessionRules rules, string byUserId, DateTime at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(closing);
        ArgumentNullException.ThrowIfNull(rules);
        var (outcome, reason, code) = (closing.Outcome, closing.Reason, closing.CancellationReason);
        var errors = new ValidationErrors();
        if (outcome is not { } status || !Enum.IsDefined(status) || status == SessionStatus.Planned)
        {
            return errors.Add(nameof(Status), "Choose what happened to the session");
        }
        if (status == SessionStatus.PlanChanged)
        {
            // Only the plan withdraws sessions (SessionPlanner): a person closes one off with what became of it.
            return errors.Add(nameof(Status), "A session leaves the plan only when the arrangement changes: choose what happened to the session");
        }
        var happened = status is SessionStatus.TookPlace or SessionStatus.EndedEarly or SessionStatus.ParentDidNotAttend or SessionStatus.ChildDeclined or SessionStatus.IndirectContact;
        if (happened && Date > today)
        {
            return errors.Add(nameof(Status), $"The session is on {Date:d MMMM yyyy}: it can be closed as happened from that day");
        }
        if (IsHeld(status) && rules.NeedsRecord)
        {
            return errors.Add(nameof(Status), "Supervised, assessed and facilitated family time that took place is closed off by writing its record: it stays overdue until the record is written");
        }
        if (IsHeld(status) && rules.HeldRefusal is { } gate)
        {
            return errors.Add(nameof(Status), gate);
        }
        if (status == SessionStatus.CancelledByAuthority)
        {
            if (code is not { } c || !Enum.IsDefined(c))
            {
                return errors.Add(nameof(CancellationReason), "Choose why we cancelled, from the list");
            }
        }
        else if (code is not null)
        {
            return errors.Add(nameof(CancellationReason), "A reason from the list is only for a cancellation by us");
        }
        var needsReason = status is SessionStatus.CancelledByParent or SessionStatus.CancelledByCarer or SessionStatus.CancelledByAuthority
            or SessionStatus.EndedEarly or SessionStatus.ChildDeclined or SessionStatus.Rearranged or SessionStatus.Suspended;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            return errors.Add(nameof(OutcomeReason), "Say why, in plain and factual words");
        }
        if (reason is not null && reason.Trim().Length > 2000)
        {
            return errors.Add(nameof(OutcomeReason), "The reason must be 2000 characters or fewer");
        }
        Status = status;
        CancellationReason = status == SessionStatus.CancelledByAuthority ? code : null;
        OutcomeReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ClosedAt = at;
        ClosedById = byUserId;
        return errors;
    }

    /// <summary>A session suspended only because it fell in a suspension's window goes back to planned when family time resumes.</summary>
    public void Reinstate()
    {
        if (Status == SessionStatus.Suspended && RecordedAt is null)
        {
            Status = SessionStatus.Planned;
            OutcomeReason = null;
            CancellationReason = null;
            ClosedAt = null;
            ClosedById = null;
        }
    }

    /// <summary>When and by whom the family confirmed they are coming (ringing in); the first confirmation stands.</summary>
    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedById { get; private set; }
    public string? ConfirmedByName { get; private set; }

    /// <summary>When the confirmation deadline was found passed with no confirmation, and the carer and supervisor were told.</summary>
    public DateTime? UnconfirmedAt { get; private set; }

    /// <summary>How late the family said they would be, and when they said it; the latest word wins.</summary>
    public int? RunningLateMinutes { get; private set; }
    public DateTime? RunningLateSaidAt { get; private set; }

    /// <summary>The local time the session starts.</summary>
    public DateTime StartsAt => Date.ToDateTime(StartTime);

    /// <summary>Where ringing in stands for this session, given whether its arrangement asks the family to confirm.</summary>
    public ConfirmationState ConfirmationOf(bool required) => ConfirmationRules.StateOf(ConfirmedAt, UnconfirmedAt, required);

    /// <summary>
    /// Why the family can no longer act on this session, or null while they can: it is still planned and has not
    /// started. A cancelled or past session cannot be confirmed or moved.
    /// </summary>
    public string? FamilyActionRefusal(Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (Status != SessionStatus.Planned)
        {
            return Status is SessionStatus.CancelledByParent or SessionStatus.CancelledByCarer or SessionStatus.CancelledByAuthority or SessionStatus.Suspended
                ? "This session is not going ahead, so there is nothing to confirm or change. Contact your social worker if you have questions."
                : "This session has already happened, so it can no longer be changed.";
        }
        return StartsAt <= now.Local
            ? "This session has already started or is over, so it can no longer be changed. Contact your social worker if you have questions."
            : null;
    }

    /// <summary>
    /// The family confirm they are coming. Confirming again changes nothing. A confirmation after the deadline, while
    /// the session is still ahead, reinstates it: answers true when it did, so the carer and supervisor are told.
    /// </summary>
    public ConfirmResult Confirm(string byId, string byName, Moment now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byId);
        if (FamilyActionRefusal(now) is { } refused)
        {
            return new ConfirmResult(refused, Changed: false, Reinstated: false);
        }
        if (ConfirmedAt is not null)
        {
            return new ConfirmResult(null, Changed: false, Reinstated: false);
        }
        ConfirmedAt = now.Utc;
        ConfirmedById = byId;
        ConfirmedByName = byName;
        return new ConfirmResult(null, Changed: true, Reinstated: UnconfirmedAt is not null);
    }

    /// <summary>
    /// The deadline has passed with no confirmation: the session is marked unconfirmed, once. Answers true when it
    /// was marked now (so the messages go out once), false when confirmed, already marked, not due or not planned.
    /// </summary>
    public bool MarkUnconfirmedIfDue(bool required, int hoursBefore, Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (!required || Status != SessionStatus.Planned || ConfirmedAt is not null || UnconfirmedAt is not null || StartsAt <= now.Local)
        {
            return false;
        }
        if (ConfirmationRules.DeadlineOf(Date, StartTime, hoursBefore) > now.Local)
        {
            return false;
        }
        UnconfirmedAt = now.Utc;
        return true;
    }

    /// <summary>
    /// "I'm running late": from 5 to 120 minutes, until the session's end; the latest word wins. Saying the same
    /// again changes nothing (answers Changed false), so a retried form sends no second message.
    /// </summary>
    public RunningLateResult SayRunningLate(int? minutes, Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (minutes is not { } m || m < RunningLate.MinMinutes || m > RunningLate.MaxMinutes)
        {
            return new RunningLateResult(nameof(RunningLateMinutes), $"Choose how late you will be, from {RunningLate.MinMinutes} to {RunningLate.MaxMinutes} minutes", false);
        }
        if (Status != SessionStatus.Planned)
        {
            return new RunningLateResult("", FamilyActionRefusal(now)!, false);
        }
        if (StartsAt.AddMinutes(DurationMinutes) <= now.Local)
        {
            return new RunningLateResult("", "This session is over, so it can no longer be changed.", false);
        }
        if (RunningLateMinutes == m)
        {
            return new RunningLateResult(null, null, false);
        }
        RunningLateMinutes = m;
        RunningLateSaidAt = now.Utc;
        return new RunningLateResult(null, null, true);
    }

    /// <summary>
    /// "I can't come": the family cancel a session still ahead, with their reason; it is closed as cancelled by the
    /// parent, so the carer and the supervisor can be told not to set off.
    /// </summary>
    public ValidationErrorsOrRefusal CancelByFamily(string? reason, string byId, Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (FamilyActionRefusal(now) is { } refused)
        {
            return new ValidationErrorsOrRefusal(refused, null);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationErrorsOrRefusal(null, new Common.ValidationErrors().Add(nameof(OutcomeReason), "Tell us why you can’t come, in a few words"));
        }
        var errors = Close(new SessionClosing(SessionStatus.CancelledByParent, reason), SessionRules.NoRecordNeeded, byId, now.Utc, now.Today);
        return new ValidationErrorsOrRefusal(null, errors.IsValid ? null : errors);
    }

    /// <summary>
    /// Moves a planned session to another day and time (an agreed rearrangement). What was said about the old time
    /// (running late, unconfirmed) no longer holds; a confirmation stays, as the family asked for the new time.
    /// </summary>
    public string? MoveTo(DateOnly date, TimeOnly start, Moment now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (Status != SessionStatus.Planned || RecordedAt is not null)
        {
            return "Only a planned session can be moved.";
        }
        if (date.ToDateTime(start) <= now.Local)
        {
            return "Choose a day and time still to come.";
        }
        if (start.AddMinutes(DurationMinutes) < start)
        {
            return "The session must end on the day it starts: choose an earlier time.";
        }
        MovedFrom ??= Date;
        Date = date;
        StartTime = start;
        UnconfirmedAt = null;
        RunningLateMinutes = null;
        RunningLateSaidAt = null;
        return null;
    }

    /// <summary>Marks that a record was written for the session, which then stays whatever the plan does.</summary>
    public void MarkRecorded(DateTime at, SessionStatus status)
    {
        RecordedAt ??= at;
        Status = status;
        ClosedAt ??= at;
    }
}

/// <summary>What the person closing a session says became of it: the outcome, why, and for a cancellation by us the coded reason.</summary>
public sealed record SessionClosing(SessionStatus? Outcome, string? Reason, ServiceCancellationReason? CancellationReason = null);

/// <summary>
/// What the rest of the case says about closing one session: whether its arrangement needs a record (supervised,
/// assessed, facilitated), and why it cannot yet be marked held (the risk gate), if it cannot.
/// </summary>
public sealed record SessionRules(bool NeedsRecord, string? HeldRefusal = null)
{
    public static SessionRules NoRecordNeeded { get; } = new(false);
}

/// <summary>What confirming did: why it was refused, or whether it changed anything and put an unconfirmed session back on.</summary>
public sealed record ConfirmResult(string? Refusal, bool Changed, bool Reinstated);

/// <summary>What saying "running late" did: a problem (with its field, "" for the whole request), or whether it changed anything.</summary>
public sealed record RunningLateResult(string? Field, string? Problem, bool Changed);

/// <summary>A family action's answer: refused as a whole (the session is past or cancelled), invalid input, or done (both null).</summary>
public sealed record ValidationErrorsOrRefusal(string? Refusal, Common.ValidationErrors? Errors);

/// <summary>What the booking page sets on a session: its day and start, venue and room, and the worker(s) and driver.</summary>
public sealed record SessionBooking(DateOnly Date, TimeOnly Start, Guid? VenueId, Guid? RoomId, string? SupervisorId, string? SecondWorkerId, string? DriverId);

/// <summary>Where and when one session happens.</summary>
public sealed record SessionSlot(DateOnly Date, TimeOnly StartTime, int DurationMinutes, Guid? VenueId, Guid? RoomId, string? SupervisorId);
