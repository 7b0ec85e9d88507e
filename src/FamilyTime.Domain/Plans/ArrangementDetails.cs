using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Plans;

/// <summary>Input describing one arrangement: every field of DOMAIN.md "The contact plan".</summary>
public sealed record ArrangementDetails
{
    public const int LongText = 2000;
    public static readonly IReadOnlyList<int> ReviewChoices = [1, 2, 3, 6, 12];

    public IReadOnlyList<Guid> PersonIds { get; init; } = [];
    public Purpose Purposes { get; init; }
    public ArrangementType? Type { get; init; }

    /// <summary>Why family time is supervised or assessed: the risk it guards against. The parent's letter says it.</summary>
    public string? ReasonForSupervision { get; init; }
    public FamilyTimeForm? Form { get; init; }
    public FrequencyKind? Frequency { get; init; }
    public IReadOnlySet<DayOfWeek> Days { get; init; } = new HashSet<DayOfWeek>();
    public DateOnly? FirstDate { get; init; }
    public IReadOnlyList<DateOnly> CustomDates { get; init; } = [];
    public TimeOnly? StartTime { get; init; }
    public int? DurationMinutes { get; init; }
    public Guid? VenueId { get; init; }
    public Guid? RoomId { get; init; }

    /// <summary>How long the child travels from home to the venue, in minutes: short journeys matter for babies.</summary>
    public int? JourneyMinutes { get; init; }
    public string? SuggestedActivity { get; init; }
    public string? SupervisorId { get; init; }
    public string? InterpreterLanguage { get; init; }

    /// <summary>Who takes the child there and back.</summary>
    public string? Transport { get; init; }
    public AgreementTerms Terms { get; init; } = AgreementTerms.Empty;
    public int? ReviewEveryMonths { get; init; }
    public DateOnly? NextReviewOn { get; init; }
    public string? ChildsWishes { get; init; }

    /// <summary>Why the child could not be asked, when <see cref="ChildsWishes"/> is empty; <see cref="WishesNotAskedWhy"/> says more for "another reason".</summary>
    public WishesNotAsked? WishesNotAsked { get; init; }
    public string? WishesNotAskedWhy { get; init; }

    /// <summary>For supervised or assessed family time: what would need to change for less supervision, in words the parent reads, and by when.</summary>
    public string? RouteToLessSupervision { get; init; }
    public DateOnly? RouteToLessSupervisionBy { get; init; }

    /// <summary>Where face-to-face family time happens; only a venue needs a room, only a community place needs its name.</summary>
    public FamilyTimePlace Place { get; init; } = FamilyTimePlace.Venue;
    public string? PlaceDescription { get; init; }

    /// <summary>A worker (<see cref="SupervisorId"/>), or a carer or family member named in <see cref="SupervisorName"/>.</summary>
    public SupervisedBy SupervisedBy { get; init; } = SupervisedBy.Worker;
    public string? SupervisorName { get; init; }

    /// <summary>1 or 2 workers at each session; 2 counts only when the service supervises (Arrangement.ServiceSupervises).</summary>
    public int? WorkersNeeded { get; init; } = 1;

    /// <summary>The person in the arrangement the interpreter is for.</summary>
    public Guid? InterpreterForPersonId { get; init; }

    /// <summary>Factors of difficult family time the worker has ticked (guidance section 7); each prompts a review.</summary>
    public IReadOnlySet<Records.DifficultFamilyTimeFactor> Factors { get; init; } = new HashSet<Records.DifficultFamilyTimeFactor>();

    /// <summary>Ringing in: the family must confirm each session, by this many hours before it starts (default 24).</summary>
    public bool ConfirmationRequired { get; init; }
    public int? ConfirmHoursBefore { get; init; }

    /// <summary>The venue must have step-free access (a wheelchair, crutches, a buggy): the rota asks for a step-free room.</summary>
    public bool NeedsStepFreeAccess { get; init; }

    /// <summary>Family time must be at the chosen venue (the child knows it, it is near school, a court order names it): the rota keeps to its rooms.</summary>
    public bool VenueFixed { get; init; }

    public bool IsFaceToFace => Form == FamilyTimeForm.FaceToFace;

    /// <summary>Checks the input and the plan's rules together, collecting every problem at once.</summary>
    public ValidationErrors Validate(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new ValidationErrors();
        if (PlanRules.ArrangingRefused(context) is { } refused)
        {
            return errors.Add("", refused);
        }

        var known = context.People.Select(p => p.Id).ToHashSet();
        if (PersonIds.Count == 0)
        {
            errors.Add(nameof(PersonIds), "Choose who the family time is with");
        }
        else if (PersonIds.Any(id => !known.Contains(id)))
        {
            errors.Add(nameof(PersonIds), "Choose people from the child's record; add someone new to the record first");
        }
        if (Purposes == Purpose.None || ((int)Purposes & ~127) != 0)
        {
            errors.Add(nameof(Purposes), "Choose at least one purpose: what this family time is for");
        }
        if (Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(nameof(Type), "Choose whether family time is supervised, assessed, facilitated or unsupervised");
        }
        else
        {
            if (PlanRules.SupervisionRefused(context, type) is { } message)
            {
                errors.Add(nameof(Type), message);
            }
            if (PlanWords.IsSupervisedOrAssessed(type) && Text.Clean(ReasonForSupervision) is null)
            {
                errors.Add(nameof(ReasonForSupervision), $"Say why family time is {type.ToString().ToLowerInvariant()}: the parent is told this in writing");
            }
        }
        if (Form is not { } form || !Enum.IsDefined(form))
        {
            errors.Add(nameof(Form), "Choose how family time happens: face to face, phone, video call, text, letter or social media");
        }
        if (IsFaceToFace)
        {
            ValidateSchedule(errors, context);
            if (!Enum.IsDefined(Place))
            {
                errors.Add(nameof(Place), "Choose where family time happens");
            }
            else if (Place == FamilyTimePlace.Venue)
            {
                if (VenueId is null || RoomId is null)
                {
                    errors.Add(nameof(RoomId), "Choose the venue and room where family time happens");
                }
                else if (!context.Rooms.Contains(new VenueRoomChoice(VenueId.Value, RoomId.Value)))
                {
                    errors.Add(nameof(RoomId), "Choose a room from the venue list; the one chosen is not available");
                }
            }
            else if (Place == FamilyTimePlace.Community && Text.Clean(PlaceDescription) is null)
            {
                errors.Add(nameof(PlaceDescription), "Say which place in the community, like “the café at Riverside Park”");
            }
            ArrangementRules.ValidateVenueFixed(this, errors);
            if (JourneyMinutes is < 0 or > 600)
            {
                errors.Add(nameof(JourneyMinutes), "Journey time must be between 0 and 600 minutes");
            }
        }
        if (ConfirmationRequired && Sessions.ConfirmationRules.HoursRefusal(ConfirmHoursBefore ?? Sessions.ConfirmationRules.DefaultHoursBefore) is { } hours)
        {
            errors.Add(nameof(ConfirmHoursBefore), hours);
        }
        ArrangementRules.ValidateWishes(this, context, errors);
        ArrangementRules.ValidateRouteToLessSupervision(this, context, errors);
        ArrangementRules.ValidateSupervisor(this, context, errors);
        if (WorkersNeeded is not (null or 1 or 2))
        {
            errors.Add(nameof(WorkersNeeded), "Choose one worker or two workers");
        }
        ArrangementRules.ValidateInterpreter(this, context, errors);
        if (Factors.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add(nameof(Factors), "Choose factors from the list");
        }
        if (ReviewEveryMonths is not { } months || !ReviewChoices.Contains(months))
        {
            errors.Add(nameof(ReviewEveryMonths), "Choose how often this arrangement is reviewed");
        }
        if (NextReviewOn is { } review && review < context.Today)
        {
            errors.Add(nameof(NextReviewOn), "The next review date must be today or later");
        }

        errors.MaxLength(nameof(ReasonForSupervision), ReasonForSupervision, LongText, "The reason for supervision");
        errors.MaxLength(nameof(SuggestedActivity), SuggestedActivity, LongText, "Suggested activity");
        errors.MaxLength(nameof(InterpreterLanguage), InterpreterLanguage, 60, "Interpreter language");
        errors.MaxLength(nameof(Transport), Transport, 500, "Transport");
        errors.MaxLength(nameof(ChildsWishes), ChildsWishes, LongText, "The child's wishes and feelings");
        errors.MaxLength(nameof(WishesNotAskedWhy), WishesNotAskedWhy, LongText, "Why the child could not be asked");
        errors.MaxLength(nameof(RouteToLessSupervision), RouteToLessSupervision, LongText, "What would need to change");
        errors.MaxLength(nameof(PlaceDescription), PlaceDescription, 200, "The place in the community");
        errors.MaxLength(nameof(SupervisorName), SupervisorName, 200, "The supervisor's name");
        errors.MaxLength("Food", Terms.Food, LongText, "Food");
        errors.MaxLength("Gifts", Terms.Gifts, LongText, "Gifts");
        errors.MaxLength("Activities", Terms.Activities, LongText, "Activities");
        errors.MaxLength("WhoParents", Terms.WhoParents, LongText, "Who parents the child");
        errors.MaxLength("WhatEndsSession", Terms.WhatEndsSession, LongText, "What would end a session");
        return errors;
    }

    private void ValidateSchedule(ValidationErrors errors, PlanContext context)
    {
        if (Frequency is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(Frequency), "Choose how often family time happens");
            return;
        }
        if (kind == FrequencyKind.CustomDates)
        {
            if (CustomDates.Count == 0)
            {
                errors.Add(nameof(CustomDates), "Enter at least one date, like 14/02/2027");
            }
            else if (CustomDates.Any(d => d < context.CameIntoCareOn))
            {
                errors.Add(nameof(CustomDates), $"Dates must be on or after {context.CameIntoCareOn:d MMMM yyyy}, when the child came into care");
            }
            else if (CustomDates.Count > 400)
            {
                errors.Add(nameof(CustomDates), "Enter at most 400 dates");
            }
        }
        else
        {
            if (FirstDate is not { } first)
            {
                errors.Add(nameof(FirstDate), "Enter the date of the first session");
            }
            else if (first < context.CameIntoCareOn)
            {
                errors.Add(nameof(FirstDate), $"The first session must be on or after {context.CameIntoCareOn:d MMMM yyyy}, when the child came into care");
            }
            else if (first > context.Today.AddYears(1))
            {
                errors.Add(nameof(FirstDate), "The first session must be within the next 12 months");
            }
            if (kind is FrequencyKind.Weekly or FrequencyKind.Fortnightly && Days.Count == 0)
            {
                errors.Add(nameof(Days), "Choose the day or days of the week");
            }
            else if (Days.Any(d => !Enum.IsDefined(d)))
            {
                // An undefined day would be stored as a stray bit of the days mask ((DayOfWeek)32 as Sunday).
                errors.Add(nameof(Days), "Choose days of the week from Monday to Sunday");
            }
        }
        if (StartTime is null)
        {
            errors.Add(nameof(StartTime), "Enter the start time, like 10:00 or 14:30");
        }
        if (DurationMinutes is not { } minutes)
        {
            errors.Add(nameof(DurationMinutes), "Enter how long each session lasts, in minutes");
        }
        else if (minutes is < 15 or > 480)
        {
            errors.Add(nameof(DurationMinutes), "A session must last between 15 minutes and 8 hours");
        }
        else if (StartTime is { } start && start.AddMinutes(minutes) < start)
        {
            errors.Add(nameof(DurationMinutes), "A session must end on the day it starts");
        }
    }

    /// <summary>The schedule of a face-to-face arrangement, once <see cref="Validate"/> has passed.</summary>
    public Schedule? ToSchedule() =>
        IsFaceToFace && Frequency is { } kind && StartTime is { } start && DurationMinutes is { } minutes
            ? new Schedule(kind, Days, kind == FrequencyKind.CustomDates ? CustomDates.Min() : FirstDate!.Value, CustomDates, start, minutes)
            : null;
}
