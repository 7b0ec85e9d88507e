using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Plans;

/// <summary>
/// Family time with one person or a group of brothers and sisters: why, how, how often, where, with whom,
/// on what terms, and how often it is looked at again.
/// </summary>
public sealed class Arrangement : IVersioned
{
    private Arrangement() { }

    internal Arrangement(Guid planId, Guid childId, ArrangementDetails details, DateOnly today)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        ChildId = childId;
        Apply(details, today);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ChildId { get; private set; }
    public List<Guid> PersonIds { get; private set; } = [];
    public Purpose Purposes { get; private set; }
    public ArrangementType Type { get; private set; }
    public string? ReasonForSupervision { get; private set; }
    public FamilyTimeForm Form { get; private set; }
    public FrequencyKind? Frequency { get; private set; }

    /// <summary>The chosen weekdays as bits (1 &lt;&lt; DayOfWeek), so the set stores as one number.</summary>
    public int DaysMask { get; private set; }
    public DateOnly? FirstDate { get; private set; }
    public List<DateOnly> CustomDates { get; private set; } = [];
    public TimeOnly? StartTime { get; private set; }
    public int? DurationMinutes { get; private set; }
    public Guid? VenueId { get; private set; }
    public Guid? RoomId { get; private set; }
    public int? JourneyMinutes { get; private set; }
    public string? SuggestedActivity { get; private set; }
    public string? SupervisorId { get; private set; }
    public string? InterpreterLanguage { get; private set; }
    public string? Transport { get; private set; }
    public string? Food { get; private set; }
    public string? Gifts { get; private set; }
    public string? Activities { get; private set; }
    public string? WhoParents { get; private set; }
    public string? WhatEndsSession { get; private set; }
    public int ReviewEveryMonths { get; private set; }
    public DateOnly NextReviewOn { get; private set; }
    public string? ChildsWishes { get; private set; }
    public WishesNotAsked? WishesNotAsked { get; private set; }
    public string? WishesNotAskedWhy { get; private set; }
    public string? RouteToLessSupervision { get; private set; }
    public DateOnly? RouteToLessSupervisionBy { get; private set; }
    public FamilyTimePlace Place { get; private set; }
    public string? PlaceDescription { get; private set; }
    public SupervisedBy SupervisedBy { get; private set; }
    public string? SupervisorName { get; private set; }
    public Guid? InterpreterForPersonId { get; private set; }

    /// <summary>The venue must have step-free access: the rota asks for a step-free room and the booking page warns of one without.</summary>
    public bool NeedsStepFreeAccess { get; private set; }

    /// <summary>Family time must be at <see cref="VenueId"/>: the rota chooses only among its rooms and the booking page warns of another venue.</summary>
    public bool VenueFixed { get; private set; }

    /// <summary>
    /// How many of the service's workers each session needs: 2 where two must be there (a large family, a risk that
    /// needs a second pair of hands), otherwise 1. Only family time the service's own workers supervise or support
    /// has a choice (see <see cref="ServiceSupervises"/>); otherwise it is 1. The rota books this many distinct workers
    /// (RotaSession.WorkersNeeded), the booking page asks for a second worker when it is 2.
    /// </summary>
    public int WorkersNeeded { get; private set; } = 1;

    /// <summary>The service's own workers are present: a worker supervises, assesses or facilitates (not a carer or family member, and not unsupervised).</summary>
    public bool ServiceSupervises => Type != ArrangementType.Unsupervised && SupervisedBy == SupervisedBy.Worker;

    /// <summary>The ticked factors of difficult family time as bits (1 &lt;&lt; factor), stored as one number.</summary>
    public int FactorsMask { get; private set; }

    /// <summary>Ringing in: the family confirm each session by <see cref="ConfirmHoursBefore"/> hours before it starts.</summary>
    public bool ConfirmationRequired { get; private set; }
    public int ConfirmHoursBefore { get; private set; } = Sessions.ConfirmationRules.DefaultHoursBefore;

    /// <summary>The day agreed family time ended, after the IRO's decision and the notices; null while it runs.</summary>
    public DateOnly? EndedOn { get; private set; }
    public string? EndedReason { get; private set; }
    public int Version { get; set; }

    public bool IsEnded => EndedOn is not null;

    public IReadOnlySet<Records.DifficultFamilyTimeFactor> Factors =>
        Enum.GetValues<Records.DifficultFamilyTimeFactor>().Where(f => (FactorsMask & (1 << (int)f)) != 0).ToHashSet();

    public IReadOnlySet<DayOfWeek> Days => Enum.GetValues<DayOfWeek>().Where(d => (DaysMask & (1 << (int)d)) != 0).ToHashSet();

    public AgreementTerms Terms => new(Food, Gifts, Activities, WhoParents, WhatEndsSession);

    public Schedule? Schedule => ToDetails().ToSchedule();

    /// <summary>The arrangement as input again, to fill an edit form or compare with a proposed change.</summary>
    public ArrangementDetails ToDetails() => new()
    {
        PersonIds = PersonIds.ToList(),
        Purposes = Purposes,
        Type = Type,
        ReasonForSupervision = ReasonForSupervision,
        Form = Form,
        Frequency = Frequency,
        Days = Days,
        FirstDate = FirstDate,
        CustomDates = CustomDates.ToList(),
        StartTime = StartTime,
        DurationMinutes = DurationMinutes,
        VenueId = VenueId,
        RoomId = RoomId,
        JourneyMinutes = JourneyMinutes,
        SuggestedActivity = SuggestedActivity,
        SupervisorId = SupervisorId,
        InterpreterLanguage = InterpreterLanguage,
        Transport = Transport,
        Terms = Terms,
        ReviewEveryMonths = ReviewEveryMonths,
        NextReviewOn = NextReviewOn,
        ChildsWishes = ChildsWishes,
        WishesNotAsked = WishesNotAsked,
        WishesNotAskedWhy = WishesNotAskedWhy,
        RouteToLessSupervision = RouteToLessSupervision,
        RouteToLessSupervisionBy = RouteToLessSupervisionBy,
        Place = Place,
        PlaceDescription = PlaceDescription,
        SupervisedBy = SupervisedBy,
        SupervisorName = SupervisorName,
        InterpreterForPersonId = InterpreterForPersonId,
        WorkersNeeded = WorkersNeeded,
        Factors = Factors,
        ConfirmationRequired = ConfirmationRequired,
        ConfirmHoursBefore = ConfirmHoursBefore,
        NeedsStepFreeAccess = NeedsStepFreeAccess,
        VenueFixed = VenueFixed,
    };

    /// <summary>A completed review sets when family time with this person is looked at again (the review record checks the date).</summary>
    public void MoveNextReviewTo(DateOnly nextReviewOn) => NextReviewOn = nextReviewOn;

    internal void End(DateOnly on, string reason)
    {
        EndedOn = on;
        EndedReason = reason;
    }

    internal void Apply(ArrangementDetails d, DateOnly today)
    {
        PersonIds = d.PersonIds.Distinct().ToList();
        Purposes = d.Purposes;
        Type = d.Type!.Value;
        ReasonForSupervision = PlanWords.IsSupervisedOrAssessed(Type) ? Text.Clean(d.ReasonForSupervision) : null;
        Form = d.Form!.Value;
        var faceToFace = d.IsFaceToFace;
        Frequency = faceToFace ? d.Frequency : null;
        DaysMask = faceToFace && d.Frequency is FrequencyKind.Weekly or FrequencyKind.Fortnightly ? d.Days.Aggregate(0, (m, day) => m | (1 << (int)day)) : 0;
        CustomDates = faceToFace && d.Frequency == FrequencyKind.CustomDates ? d.CustomDates.Distinct().Order().ToList() : [];
        FirstDate = faceToFace ? (d.Frequency == FrequencyKind.CustomDates ? CustomDates.Min() : d.FirstDate) : null;
        StartTime = faceToFace ? d.StartTime : null;
        DurationMinutes = faceToFace ? d.DurationMinutes : null;
        Place = faceToFace ? d.Place : FamilyTimePlace.Venue;
        VenueId = faceToFace && Place == FamilyTimePlace.Venue ? d.VenueId : null;
        RoomId = faceToFace && Place == FamilyTimePlace.Venue ? d.RoomId : null;
        PlaceDescription = faceToFace && Place == FamilyTimePlace.Community ? Text.Clean(d.PlaceDescription) : null;
        JourneyMinutes = faceToFace ? d.JourneyMinutes : null;
        // Both are about the venue: family time not at a venue has none to judge or keep to.
        NeedsStepFreeAccess = VenueId is not null && d.NeedsStepFreeAccess;
        VenueFixed = VenueId is not null && d.VenueFixed;
        SuggestedActivity = Text.Clean(d.SuggestedActivity);
        SupervisedBy = Type == ArrangementType.Unsupervised ? SupervisedBy.Worker : d.SupervisedBy;
        SupervisorId = Type == ArrangementType.Unsupervised || SupervisedBy != SupervisedBy.Worker ? null : Text.Clean(d.SupervisorId);
        SupervisorName = Type == ArrangementType.Unsupervised || SupervisedBy == SupervisedBy.Worker ? null : Text.Clean(d.SupervisorName);
        WorkersNeeded = ServiceSupervises && d.WorkersNeeded == 2 ? 2 : 1;
        InterpreterLanguage = Text.Clean(d.InterpreterLanguage);
        InterpreterForPersonId = d.InterpreterForPersonId is { } forId && PersonIds.Contains(forId) ? forId : null;
        Transport = Text.Clean(d.Transport);
        Food = Text.Clean(d.Terms.Food);
        Gifts = Text.Clean(d.Terms.Gifts);
        Activities = Text.Clean(d.Terms.Activities);
        WhoParents = Text.Clean(d.Terms.WhoParents);
        WhatEndsSession = Text.Clean(d.Terms.WhatEndsSession);
        ReviewEveryMonths = d.ReviewEveryMonths!.Value;
        NextReviewOn = d.NextReviewOn ?? (FirstDate is { } first && first > today ? first : today).AddMonths(ReviewEveryMonths);
        ChildsWishes = Text.Clean(d.ChildsWishes);
        // Wishes written down need no reason for their absence.
        WishesNotAsked = ChildsWishes is null ? d.WishesNotAsked : null;
        WishesNotAskedWhy = WishesNotAsked == Plans.WishesNotAsked.Other ? Text.Clean(d.WishesNotAskedWhy) : null;
        var supervised = PlanWords.IsSupervisedOrAssessed(Type);
        RouteToLessSupervision = supervised ? Text.Clean(d.RouteToLessSupervision) : null;
        RouteToLessSupervisionBy = supervised ? d.RouteToLessSupervisionBy : null;
        FactorsMask = d.Factors.Aggregate(0, (m, f) => m | (1 << (int)f));
        // Only face-to-face family time has a start to confirm by.
        ConfirmationRequired = faceToFace && d.ConfirmationRequired;
        ConfirmHoursBefore = d.ConfirmHoursBefore is { } hours && Sessions.ConfirmationRules.HoursRefusal(hours) is null ? hours : Sessions.ConfirmationRules.DefaultHoursBefore;
    }
}
