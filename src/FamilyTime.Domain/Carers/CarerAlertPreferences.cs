using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Carers;

/// <summary>
/// How one carer wants to hear that a child's family time has changed: by e-mail, by text or both, and whether the
/// contact worker should phone them before bringing the child home early. One row per carer account; a carer who
/// has not chosen hears by e-mail.
/// </summary>
public sealed class CarerAlertPreferences : IVersioned
{
    private CarerAlertPreferences() { }

    public string UserId { get; private set; } = "";
    public bool ByEmail { get; private set; }
    public bool ByText { get; private set; }

    /// <summary>The contact worker rings before an early return, so someone is home and ready for the child.</summary>
    public bool PhoneBeforeEarlyReturn { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>What a carer who has never chosen gets: e-mail, no phone call.</summary>
    public static CarerAlertPreferences Default(string userId) => new() { UserId = userId, ByEmail = true };

    public static (CarerAlertPreferences? Preferences, ValidationErrors Errors) Choose(string userId, bool byEmail, bool byText, bool phoneBeforeEarlyReturn, bool hasPhoneNumber, DateTime at)
    {
        var errors = new ValidationErrors();
        if (!byEmail && !byText)
        {
            errors.Add(nameof(ByEmail), "Choose e-mail, text or both");
        }
        if (byText && !hasPhoneNumber)
        {
            errors.Add(nameof(ByText), "There is no mobile number on your account for texts. Ask your supervising social worker to add it, or choose e-mail");
        }
        if (phoneBeforeEarlyReturn && !hasPhoneNumber)
        {
            errors.Add(nameof(PhoneBeforeEarlyReturn), "There is no phone number on your account to ring. Ask your supervising social worker to add it");
        }
        return errors.IsValid
            ? (new CarerAlertPreferences { UserId = userId, ByEmail = byEmail, ByText = byText, PhoneBeforeEarlyReturn = phoneBeforeEarlyReturn, UpdatedAt = at }, errors)
            : (null, errors);
    }

    /// <summary>Takes the choices of <paramref name="chosen"/> (already checked), keeping this row's identity and version.</summary>
    public void Take(CarerAlertPreferences chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        (ByEmail, ByText, PhoneBeforeEarlyReturn, UpdatedAt) = (chosen.ByEmail, chosen.ByText, chosen.PhoneBeforeEarlyReturn, chosen.UpdatedAt);
    }
}

/// <summary>What happened to a session that the carers of the child should hear about.</summary>
public enum SessionChange
{
    Cancelled = 1,
    Moved = 2,
    EndedEarly = 3,
}

public static class SessionChangeRules
{
    /// <summary>The change a session's new state means for the carers, or null when it is not news to them (held as planned, recorded as a no-show after the event).</summary>
    public static SessionChange? From(SessionStatus status) => status switch
    {
        SessionStatus.CancelledByParent or SessionStatus.CancelledByCarer or SessionStatus.CancelledByAuthority or SessionStatus.Suspended => SessionChange.Cancelled,
        SessionStatus.Rearranged => SessionChange.Moved,
        SessionStatus.EndedEarly => SessionChange.EndedEarly,
        _ => null,
    };

    /// <summary>The short words of a text or an e-mail's subject. Carers know the home, so the child's first name may be used.</summary>
    public static string Headline(SessionChange change, string childName, DateOnly date, TimeOnly start) => change switch
    {
        SessionChange.Cancelled => $"{childName}'s family time on {date:ddd d MMM} at {start:HH:mm} is cancelled",
        SessionChange.Moved => $"{childName}'s family time on {date:ddd d MMM} at {start:HH:mm} has moved",
        SessionChange.EndedEarly => $"{childName}'s family time on {date:ddd d MMM} ended early",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
