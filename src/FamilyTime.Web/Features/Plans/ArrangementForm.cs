using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// The arrangement form as typed: everything is text until read, so a wrong time or a date that does not exist
/// is answered with a message next to its field rather than a binding error.
/// </summary>
public sealed class ArrangementForm
{
    public List<string> PersonIds { get; set; } = [];
    public List<string> Purposes { get; set; } = [];
    public string? Type { get; set; }
    public string? ReasonForSupervision { get; set; }
    public string? Form { get; set; }
    public string? Frequency { get; set; }
    public List<string> Days { get; set; } = [];
    public DateParts FirstDate { get; set; } = new();
    public string? CustomDates { get; set; }
    public string? StartTime { get; set; }
    public string? DurationMinutes { get; set; }

    /// <summary>"venueId:roomId", one choice for the venue and the room.</summary>
    public string? RoomId { get; set; }
    public string? JourneyMinutes { get; set; }

    /// <summary>The venue must have step-free access.</summary>
    public bool NeedsStepFreeAccess { get; set; }

    /// <summary>Family time must be at the venue chosen above.</summary>
    public bool VenueFixed { get; set; }
    public string? SuggestedActivity { get; set; }
    public string? SupervisorId { get; set; }
    public string? InterpreterLanguage { get; set; }
    public string? Transport { get; set; }
    public string? Food { get; set; }
    public string? Gifts { get; set; }
    public string? Activities { get; set; }
    public string? WhoParents { get; set; }
    public string? WhatEndsSession { get; set; }
    public string? ReviewEveryMonths { get; set; }
    public DateParts NextReviewOn { get; set; } = new();
    public string? ChildsWishes { get; set; }
    public string? WishesNotAsked { get; set; }
    public string? WishesNotAskedWhy { get; set; }
    public string? RouteToLessSupervision { get; set; }
    public DateParts RouteToLessSupervisionBy { get; set; } = new();
    public string? Place { get; set; }
    public string? PlaceDescription { get; set; }
    public string? SupervisedBy { get; set; }
    public string? SupervisorName { get; set; }

    /// <summary>"1" or "2": how many workers each session needs (only when a worker supervises).</summary>
    public string? WorkersNeeded { get; set; } = "1";
    public string? InterpreterForPersonId { get; set; }
    public List<string> Factors { get; set; } = [];

    /// <summary>Ringing in: the family confirm each session, by this many hours before it starts.</summary>
    public bool ConfirmationRequired { get; set; }
    public string? ConfirmHoursBefore { get; set; } = "24";
    public string? Reason { get; set; }
    public DateParts CourtAgreedOn { get; set; } = new();
    public string? CourtReference { get; set; }
    public int Version { get; set; }

    /// <summary>One way to write a room choice, for the list and the saved arrangement alike.</summary>
    public static string RoomValue(Guid venueId, Guid roomId) => $"{venueId:D}:{roomId:D}";

    public static ArrangementForm From(ArrangementDetails d, int version) => new()
    {
        PersonIds = d.PersonIds.Select(id => id.ToString()).ToList(),
        Purposes = PlanWords.Each(d.Purposes).Select(p => p.ToString()).ToList(),
        Type = d.Type?.ToString(),
        ReasonForSupervision = d.ReasonForSupervision,
        Form = d.Form?.ToString(),
        Frequency = d.Frequency?.ToString(),
        Days = d.Days.Select(x => x.ToString()).ToList(),
        FirstDate = d.Frequency == FrequencyKind.CustomDates ? new DateParts() : DateParts.From(d.FirstDate),
        CustomDates = string.Join("\n", d.CustomDates.Select(x => x.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))),
        StartTime = d.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        DurationMinutes = d.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
        RoomId = d.VenueId is { } v && d.RoomId is { } r ? RoomValue(v, r) : null,
        JourneyMinutes = d.JourneyMinutes?.ToString(CultureInfo.InvariantCulture),
        SuggestedActivity = d.SuggestedActivity,
        SupervisorId = d.SupervisorId,
        InterpreterLanguage = d.InterpreterLanguage,
        NeedsStepFreeAccess = d.NeedsStepFreeAccess,
        VenueFixed = d.VenueFixed,
        Transport = d.Transport,
        Food = d.Terms.Food,
        Gifts = d.Terms.Gifts,
        Activities = d.Terms.Activities,
        WhoParents = d.Terms.WhoParents,
        WhatEndsSession = d.Terms.WhatEndsSession,
        ReviewEveryMonths = d.ReviewEveryMonths?.ToString(CultureInfo.InvariantCulture),
        NextReviewOn = DateParts.From(d.NextReviewOn),
        ChildsWishes = d.ChildsWishes,
        WishesNotAsked = d.WishesNotAsked?.ToString(),
        WishesNotAskedWhy = d.WishesNotAskedWhy,
        RouteToLessSupervision = d.RouteToLessSupervision,
        RouteToLessSupervisionBy = DateParts.From(d.RouteToLessSupervisionBy),
        Place = d.Place.ToString(),
        PlaceDescription = d.PlaceDescription,
        SupervisedBy = d.SupervisedBy.ToString(),
        SupervisorName = d.SupervisorName,
        WorkersNeeded = (d.WorkersNeeded ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        InterpreterForPersonId = d.InterpreterForPersonId?.ToString(),
        Factors = d.Factors.Select(f => f.ToString()).ToList(),
        ConfirmationRequired = d.ConfirmationRequired,
        ConfirmHoursBefore = (d.ConfirmHoursBefore ?? Domain.Sessions.ConfirmationRules.DefaultHoursBefore).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Version = version,
    };

    /// <summary>Reads the form; what cannot be read goes into <paramref name="errors"/> under its field's name.</summary>
    public ArrangementDetails Read(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var people = new List<Guid>();
        foreach (var p in PersonIds)
        {
            if (Guid.TryParse(p, out var id))
            {
                people.Add(id);
            }
        }
        var purposes = Purpose.None;
        foreach (var p in Purposes)
        {
            if (EnumNames.TryParse<Purpose>(p, out var one))
            {
                purposes |= one;
            }
        }
        var days = new HashSet<DayOfWeek>();
        foreach (var d in Days)
        {
            if (EnumNames.TryParse<DayOfWeek>(d, out var day))
            {
                days.Add(day);
            }
        }
        Guid? venue = null, room = null;
        if (RoomId?.Split(':') is [var vs, var rs] && Guid.TryParse(vs, out var v) && Guid.TryParse(rs, out var r))
        {
            venue = v;
            room = r;
        }
        return new ArrangementDetails
        {
            PersonIds = people,
            Purposes = purposes,
            Type = ParseEnum<ArrangementType>(Type),
            ReasonForSupervision = ReasonForSupervision,
            Form = ParseEnum<FamilyTimeForm>(Form),
            Frequency = ParseEnum<FrequencyKind>(Frequency),
            Days = days,
            FirstDate = FirstDate.ToDate(nameof(FirstDate), "The date of the first session", errors),
            CustomDates = ReadDates(errors),
            StartTime = ReadTime(errors),
            DurationMinutes = ReadNumber(DurationMinutes, nameof(DurationMinutes), "How long each session lasts", errors),
            VenueId = venue,
            RoomId = room,
            JourneyMinutes = ReadNumber(JourneyMinutes, nameof(JourneyMinutes), "Journey time", errors),
            SuggestedActivity = SuggestedActivity,
            SupervisorId = string.IsNullOrWhiteSpace(SupervisorId) ? null : SupervisorId,
            InterpreterLanguage = InterpreterLanguage,
            NeedsStepFreeAccess = NeedsStepFreeAccess,
            VenueFixed = VenueFixed,
            Transport = Transport,
            Terms = new AgreementTerms(Food, Gifts, Activities, WhoParents, WhatEndsSession),
            ReviewEveryMonths = ReadNumber(ReviewEveryMonths, nameof(ReviewEveryMonths), "Review frequency", errors),
            NextReviewOn = NextReviewOn.ToDate(nameof(NextReviewOn), "The next review date", errors),
            ChildsWishes = ChildsWishes,
            WishesNotAsked = ParseEnum<WishesNotAsked>(WishesNotAsked),
            WishesNotAskedWhy = WishesNotAskedWhy,
            RouteToLessSupervision = RouteToLessSupervision,
            RouteToLessSupervisionBy = RouteToLessSupervisionBy.ToDate(nameof(RouteToLessSupervisionBy), "The date to look at supervision again", errors),
            Place = ParseEnum<FamilyTimePlace>(Place) ?? FamilyTimePlace.Venue,
            PlaceDescription = PlaceDescription,
            SupervisedBy = ParseEnum<SupervisedBy>(SupervisedBy) ?? Domain.Plans.SupervisedBy.Worker,
            SupervisorName = SupervisorName,
            WorkersNeeded = WorkersNeeded == "2" ? 2 : 1,
            InterpreterForPersonId = Guid.TryParse(InterpreterForPersonId, out var interpreterFor) ? interpreterFor : null,
            Factors = Factors.Select(EnumNames.Parse<Domain.Records.DifficultFamilyTimeFactor>).OfType<Domain.Records.DifficultFamilyTimeFactor>().ToHashSet(),
            ConfirmationRequired = ConfirmationRequired,
            ConfirmHoursBefore = ConfirmationRequired ? ReadNumber(ConfirmHoursBefore, nameof(ConfirmHoursBefore), "Hours before the start", errors) : null,
        };
    }

    public PlanChange ReadChange(ValidationErrors errors) =>
        new(Reason, CourtAgreedOn.ToDate(nameof(CourtAgreedOn), "The date the court agreed the change", errors), CourtReference);

    private static T? ParseEnum<T>(string? value) where T : struct, System.Enum =>
        EnumNames.Parse<T>(value);

    private TimeOnly? ReadTime(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(StartTime))
        {
            return null;
        }
        var text = StartTime.Trim().Replace('.', ':');
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(nameof(StartTime), "Enter the start time as hours and minutes on the 24-hour clock, like 10:00 or 14:30");
        return null;
    }

    private List<DateOnly> ReadDates(ValidationErrors errors)
    {
        var dates = new List<DateOnly>();
        foreach (var line in (CustomDates ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(line, ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "yyyy-MM-dd", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dates.Add(d);
            }
            else
            {
                errors.Add(nameof(CustomDates), $"“{line}” is not a date. Enter one date per line, like 14/02/2027");
                break;
            }
        }
        return dates;
    }

    private static int? ReadNumber(string? value, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add(field, $"{label} must be a whole number, like 90");
        return null;
    }
}
