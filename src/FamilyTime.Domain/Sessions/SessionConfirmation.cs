namespace FamilyTime.Domain.Sessions;

/// <summary>
/// Ringing in (Leeds practice): where an arrangement asks the family to confirm, each session waits for their
/// confirmation by a deadline; with none, the carer and the supervisor are told not to set off and the session shows
/// unconfirmed; a confirmation that comes later, while the session is still ahead, puts it back on.
/// </summary>
public enum ConfirmationState
{
    /// <summary>The arrangement does not ask the family to confirm, and they have not.</summary>
    NotNeeded = 0,
    Awaiting = 1,
    Confirmed = 2,

    /// <summary>The deadline passed with no confirmation: the carer and the supervisor were told not to set off.</summary>
    Unconfirmed = 3,

    /// <summary>Confirmed after the deadline had passed, while the session was still ahead: it is on again.</summary>
    Reinstated = 4,
}

/// <summary>When a wall-clock moment happens: stored in UTC, compared with sessions in England's local time.</summary>
public sealed record Moment(DateTime Utc, DateTime Local)
{
    public DateOnly Today => DateOnly.FromDateTime(Local);
}

/// <summary>The rules of confirming by a deadline, for arrangements and their sessions.</summary>
public static class ConfirmationRules
{
    public const int DefaultHoursBefore = 24;
    public const int MinHoursBefore = 1;

    /// <summary>A week: a longer deadline would ask families to confirm before they can know.</summary>
    public const int MaxHoursBefore = 168;

    /// <summary>
    /// Where ringing in stands, from when the family confirmed and when the session was marked unconfirmed: a
    /// confirmation at or after the mark puts it back on. The one rule, for the entity and for lists that read columns.
    /// </summary>
    public static ConfirmationState StateOf(DateTime? confirmedAt, DateTime? unconfirmedAt, bool required) => (confirmedAt, unconfirmedAt) switch
    {
        ({ } confirmed, { } unconfirmed) when confirmed >= unconfirmed => ConfirmationState.Reinstated,
        ({ }, _) => ConfirmationState.Confirmed,
        (null, { }) => ConfirmationState.Unconfirmed,
        _ => required ? ConfirmationState.Awaiting : ConfirmationState.NotNeeded,
    };

    /// <summary>The local time by which the family must confirm: the arrangement's hours before the start.</summary>
    public static DateTime DeadlineOf(DateOnly date, TimeOnly start, int hoursBefore) =>
        date.ToDateTime(start).AddHours(-hoursBefore);

    public static string? HoursRefusal(int? hours) =>
        hours is not { } h || h < MinHoursBefore || h > MaxHoursBefore
            ? $"Enter how many hours before the start the family must confirm, from {MinHoursBefore} to {MaxHoursBefore}"
            : null;
}
