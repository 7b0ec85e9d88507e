using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Travel;

/// <summary>How the journey was made.</summary>
public enum TravelMode
{
    Bus = 1,
    Train = 2,
    Tram = 3,
    Taxi = 4,
    CarMileage = 5,
    Other = 6,
}

public enum TravelClaimState
{
    Waiting = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>Who is claiming: a parent or family member for getting to family time, or a worker for miles driven to supervise it.</summary>
public enum Claimant
{
    Family = 1,
    StaffMileage = 2,
}

/// <summary>What a claim says, as typed: the amount as words ("£12.50"), checked and turned into pence by <see cref="TravelClaim.Make"/>.</summary>
public sealed record TravelClaimInput(string? From, string? To, TravelMode? Mode, string? Amount, string? Miles = null);

/// <summary>
/// A claim for the cost of getting to one session (guidance §9: reasonable travel costs, approved by the team
/// manager). One per person per session: a unique index holds it, so a retried or second claim cannot pay twice.
/// Approved claims are paid through an exported payment run, and a claim is in one run only.
/// </summary>
public sealed class TravelClaim : IVersioned
{
    public const int PlaceLength = 200;
    public const int ReasonLength = 1000;

    /// <summary>£250: more than any return journey to a family centre should cost; a larger sum is a conversation, not a form.</summary>
    public const long MaxPence = 250_00;

    /// <summary>The approved mileage rate for a worker's own car (HMRC, first 10,000 miles): 45p a mile.</summary>
    public const long PencePerMile = 45;

    public const decimal MaxMiles = 500m;

    /// <summary>A claim is for a session from the last three months, or one up to four weeks ahead (a ticket bought early).</summary>
    public const int MonthsBack = 3;
    public const int DaysAhead = 28;

    private TravelClaim() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ChildId { get; private set; }
    public string ClaimantUserId { get; private set; } = "";
    public Claimant Claimant { get; private set; }
    public DateOnly SessionDate { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public TravelMode Mode { get; private set; }
    public long AmountPence { get; private set; }
    public decimal? Miles { get; private set; }
    public Guid? ReceiptFileId { get; private set; }
    public TravelClaimState State { get; private set; }
    public DateTime ClaimedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }

    /// <summary>The payment run the claim was exported in: set once, so a second export never pays it again.</summary>
    public Guid? PaymentRunId { get; private set; }
    public DateTime? ExportedAt { get; private set; }
    public int Version { get; set; }

    public decimal Pounds => AmountPence / 100m;

    /// <summary>Whether a session can be claimed for: its date in the window, and the person was expected to travel to it.</summary>
    public static string? SessionProblem(DateOnly sessionDate, SessionStatus status, DateOnly today)
    {
        if (sessionDate < today.AddMonths(-MonthsBack))
        {
            return $"Travel can be claimed for family time in the last {MonthsBack} months. Ask your social worker about older journeys.";
        }
        if (sessionDate > today.AddDays(DaysAhead))
        {
            return "Travel can be claimed from four weeks before the family time.";
        }
        return status is SessionStatus.CancelledByParent or SessionStatus.ParentDidNotAttend or SessionStatus.Rearranged
            or SessionStatus.Suspended or SessionStatus.IndirectContact or SessionStatus.PlanChanged
            ? "This family time did not go ahead as planned, so there is no journey to claim for. Ask your social worker if you travelled."
            : null;
    }

    /// <summary>A family member's claim: journey, mode, amount in pounds and pence, and a receipt already checked by content.</summary>
    public static (TravelClaim? Claim, ValidationErrors Errors) Make(Guid sessionId, Guid childId, DateOnly sessionDate, string claimantUserId,
        TravelClaimInput input, Guid? receiptFileId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Journey(input);
        var pence = ParsePounds(input.Amount, errors);
        if (errors.IsValid && receiptFileId is null && input.Mode != TravelMode.CarMileage)
        {
            errors.Add("Receipt", "Add a photo or PDF of your ticket or receipt");
        }
        return errors.IsValid
            ? (New(sessionId, childId, sessionDate, claimantUserId, Claimant.Family, input, pence!.Value, null, receiptFileId, at), errors)
            : (null, errors);
    }

    /// <summary>A worker's mileage for a session they supervised: miles at <see cref="PencePerMile"/>.</summary>
    public static (TravelClaim? Claim, ValidationErrors Errors) Mileage(Guid sessionId, Guid childId, DateOnly sessionDate, string workerId,
        TravelClaimInput input, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Journey(input with { Mode = TravelMode.CarMileage });
        decimal? miles = null;
        if (string.IsNullOrWhiteSpace(input.Miles))
        {
            errors.Add("Miles", "Enter the miles you drove, for example 12.5");
        }
        else if (!decimal.TryParse(input.Miles.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var m) || decimal.Round(m, 1) != m)
        {
            errors.Add("Miles", "Miles must be a number with at most one decimal place, for example 12.5");
        }
        else if (m <= 0 || m > MaxMiles)
        {
            errors.Add("Miles", $"Miles must be more than 0 and no more than {MaxMiles:0}");
        }
        else
        {
            miles = m;
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var pence = (long)decimal.Round(miles!.Value * PencePerMile, 0, MidpointRounding.AwayFromZero);
        return (New(sessionId, childId, sessionDate, workerId, Claimant.StaffMileage, input with { Mode = TravelMode.CarMileage }, pence, miles, null, at), errors);
    }

    private static TravelClaim New(Guid sessionId, Guid childId, DateOnly sessionDate, string claimantUserId, Claimant claimant,
        TravelClaimInput input, long pence, decimal? miles, Guid? receipt, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimantUserId);
        return new TravelClaim
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            ChildId = childId,
            SessionDate = sessionDate,
            ClaimantUserId = claimantUserId,
            Claimant = claimant,
            From = Text.Clean(input.From)!,
            To = Text.Clean(input.To)!,
            Mode = input.Mode!.Value,
            AmountPence = pence,
            Miles = miles,
            ReceiptFileId = receipt,
            State = TravelClaimState.Waiting,
            ClaimedAt = at,
        };
    }

    private static ValidationErrors Journey(TravelClaimInput input)
    {
        var errors = new ValidationErrors();
        errors.Required("From", input.From, "Enter where you travelled from, for example a street or a bus stop");
        errors.MaxLength("From", input.From, PlaceLength, "Where you travelled from");
        errors.Required("To", input.To, "Enter where you travelled to");
        errors.MaxLength("To", input.To, PlaceLength, "Where you travelled to");
        if (input.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            errors.Add("Mode", "Choose how you travelled");
        }
        return errors;
    }

    /// <summary>"12.50", "£12.50", "12" → pence; more than two decimal places, zero, negative or over the maximum are refused.</summary>
    public static long? ParsePounds(string? amount, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = amount?.Trim().TrimStart('£').Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("Amount", "Enter the amount in pounds and pence, for example 12.50");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pounds) || decimal.Round(pounds, 2) != pounds)
        {
            errors.Add("Amount", "Enter the amount in pounds and pence, for example 12.50");
            return null;
        }
        if (pounds > MaxPence / 100m)
        {
            errors.Add("Amount", $"The amount must be £{MaxPence / 100} or less. For more, talk to your social worker.");
            return null;
        }
        // Refused before it is multiplied: a huge negative amount times 100 overflows decimal (bench/FamilyTime.Fuzz, form-fields).
        if (pounds <= 0)
        {
            errors.Add("Amount", "The amount must be more than £0");
            return null;
        }
        var pence = (long)(pounds * 100);
        if (pence > MaxPence)
        {
            errors.Add("Amount", $"The amount must be £{MaxPence / 100} or less. For more, talk to your social worker.");
            return null;
        }
        return pence;
    }

    /// <summary>The child's team manager agrees to pay it. Only a waiting claim is decided, and only once.</summary>
    public ValidationErrors Approve(string byId, string byName, DateTime at)
    {
        var errors = Decidable();
        if (errors.IsValid)
        {
            State = TravelClaimState.Approved;
            Decided(byId, byName, at);
        }
        return errors;
    }

    /// <summary>The team manager says no, with the reason the claimant will read.</summary>
    public ValidationErrors Refuse(string byId, string byName, string? reason, DateTime at)
    {
        var errors = Decidable();
        errors.Required("Reason", reason, "Say why the claim is not being paid: the person who claimed will read it");
        errors.MaxLength("Reason", reason, ReasonLength, "The reason");
        if (errors.IsValid)
        {
            State = TravelClaimState.Refused;
            RefusalReason = Text.Clean(reason);
            Decided(byId, byName, at);
        }
        return errors;
    }

    /// <summary>Put into a payment run; an approved claim already in a run stays in its first one.</summary>
    public bool MarkPaid(Guid runId, DateTime at)
    {
        if (State != TravelClaimState.Approved || PaymentRunId is not null)
        {
            return false;
        }
        PaymentRunId = runId;
        ExportedAt = at;
        return true;
    }

    private ValidationErrors Decidable()
    {
        var errors = new ValidationErrors();
        if (State != TravelClaimState.Waiting)
        {
            errors.Add("", State == TravelClaimState.Approved ? "This claim has already been approved." : "This claim has already been refused.");
        }
        return errors;
    }

    private void Decided(string byId, string byName, DateTime at)
    {
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
    }
}
