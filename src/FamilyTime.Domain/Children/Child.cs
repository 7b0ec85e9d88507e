using FamilyTime.Domain.Common;
using FamilyTime.Domain.People;

namespace FamilyTime.Domain.Children;

/// <summary>
/// A child the service works with. The child's record guards its own rules: details are validated on every
/// change, the legal status keeps its history, and only one home is current at a time.
/// </summary>
public sealed class Child : IVersioned
{
    private readonly List<LegalStatusPeriod> _legalStatuses = [];
    private readonly List<Placement> _placements = [];
    private readonly List<SignificantPerson> _people = [];

    private Child() { }

    public Guid Id { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? PreferredName { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public string Gender { get; private set; } = "";
    public string? Ethnicity { get; private set; }
    public string? FirstLanguage { get; private set; }

    /// <summary>What the child wants family time to be called ("seeing Mum", "family time").</summary>
    public string FamilyTimeName { get; private set; } = ChildDetails.DefaultFamilyTimeName;

    public LegalStatus LegalStatus { get; private set; }
    public DateOnly LegalStatusSince { get; private set; }
    public bool InCareProceedings { get; private set; }
    public DateOnly CameIntoCareOn { get; private set; }

    /// <summary>The allocated social worker's user id.</summary>
    public string SocialWorkerId { get; private set; } = "";
    public Guid TeamId { get; private set; }

    /// <summary>The independent reviewing officer's user id.</summary>
    public string? IroId { get; private set; }

    /// <summary>The child's own portal account, when they have been invited as a young person.</summary>
    public string? YoungPersonUserId { get; private set; }

    public int Version { get; set; }

    /// <summary>The child's school and its street: kept so the family guard can keep them from a parent.</summary>
    public string? School { get; private set; }
    public string? SchoolAddress { get; private set; }

    /// <summary>The day the child died, when they have: it can shorten how long the case record is kept (<see cref="Retention.RetentionRule"/>).</summary>
    public DateOnly? DateOfDeath { get; private set; }

    /// <summary>
    /// A legal hold: while on, the case record is kept whatever its disposal date (litigation, an inquiry, a request
    /// under the Data Protection Act). Who placed it, when and why; lifting it clears all three (the audit log keeps them).
    /// </summary>
    public bool OnLegalHold { get; private set; }
    public string? LegalHoldReason { get; private set; }
    public string? LegalHoldBy { get; private set; }
    public DateTime? LegalHoldSince { get; private set; }

    public IReadOnlyList<LegalStatusPeriod> LegalStatusHistory => _legalStatuses;
    public IReadOnlyList<Placement> Placements => _placements;
    public IReadOnlyList<SignificantPerson> People => _people;

    public string KnownAs => PreferredName ?? FirstName;
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Links the child's own portal account (an accepted young person's invitation).</summary>
    public void LinkYoungPersonAccount(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        YoungPersonUserId = userId;
    }

    /// <summary>
    /// The young person (or their social worker with them) says what family time is called: their own words, kept
    /// short; left empty it goes back to "family time". The old name is the caller's to note in the audit log.
    /// </summary>
    public ValidationErrors RenameFamilyTime(string? name)
    {
        var errors = new ValidationErrors();
        errors.MaxLength(nameof(FamilyTimeName), name, ChildDetails.FamilyTimeNameLength, "What you call family time");
        if (errors.IsValid)
        {
            FamilyTimeName = Text.Clean(name) ?? ChildDetails.DefaultFamilyTimeName;
        }
        return errors;
    }

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        var birthday = DateOfBirth.AddYears(age);
        // Someone born on 29 February has their birthday on 1 March in other years.
        if (DateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(day.Year))
        {
            birthday = new DateOnly(day.Year, 3, 1);
        }
        return birthday > day ? age - 1 : age;
    }

    /// <summary>Validates everything a child coming into care needs, collecting every problem at once.</summary>
    public static ValidationErrors Check(ChildDetails details, LegalStatusDetails legal, PlacementDetails placement, DateOnly today)
    {
        var errors = new ValidationErrors();
        details.Validate(errors, today);
        legal.ValidateComingIntoCare(errors, today, details.DateOfBirth);
        placement.Validate(errors, today, details.DateOfBirth);
        return errors;
    }

    public static Child ComeIntoCare(
        ChildDetails details,
        LegalStatusDetails legal,
        PlacementDetails placement,
        string socialWorkerId,
        Guid teamId,
        string? iroId,
        DateOnly today)
    {
        var errors = Check(details, legal, placement, today);
        if (!errors.IsValid)
        {
            var first = errors.ByField.First();
            throw new DomainRuleException(first.Key, first.Value[0]);
        }

        var child = new Child
        {
            Id = Guid.NewGuid(),
            SocialWorkerId = socialWorkerId,
            TeamId = teamId,
            IroId = iroId,
            CameIntoCareOn = legal.StartDate!.Value,
        };
        child.Apply(details);
        child.LegalStatus = legal.Status!.Value;
        child.LegalStatusSince = legal.StartDate!.Value;
        child.InCareProceedings = legal.InCareProceedings;
        child._legalStatuses.Add(new LegalStatusPeriod(child.Id, child.LegalStatus, child.LegalStatusSince));
        child._placements.Add(new Placement(child.Id, placement));
        return child;
    }

    public ValidationErrors UpdateDetails(ChildDetails details, DateOnly today)
    {
        var errors = new ValidationErrors();
        details.Validate(errors, today);
        if (errors.IsValid && details.DateOfBirth > CameIntoCareOn)
        {
            errors.Add(nameof(ChildDetails.DateOfBirth), $"Date of birth must be on or before {CameIntoCareOn:d MMMM yyyy}, when the child came into care");
        }
        if (errors.IsValid)
        {
            Apply(details);
        }
        return errors;
    }

    /// <summary>Records a new legal status; the old one stays in the history.</summary>
    public ValidationErrors ChangeLegalStatus(LegalStatusDetails legal, DateOnly today)
    {
        var errors = new ValidationErrors();
        legal.Validate(errors, today, DateOfBirth);
        if (errors.IsValid && legal.StartDate < LegalStatusSince)
        {
            errors.Add("LegalStatusStartDate", $"The new legal status must start on or after {LegalStatusSince:d MMMM yyyy}, when the current one started");
        }
        if (!errors.IsValid)
        {
            return errors;
        }

        if (legal.Status != LegalStatus || legal.StartDate != LegalStatusSince)
        {
            LegalStatus = legal.Status!.Value;
            LegalStatusSince = legal.StartDate!.Value;
            _legalStatuses.Add(new LegalStatusPeriod(Id, LegalStatus, LegalStatusSince));
        }
        InCareProceedings = legal.InCareProceedings;
        return errors;
    }

    public void Allocate(string socialWorkerId, Guid teamId, string? iroId)
    {
        SocialWorkerId = socialWorkerId;
        TeamId = teamId;
        IroId = iroId;
    }

    /// <summary>Records the child's school (null when the child is not at school).</summary>
    /// <summary>
    /// Where the child goes to school: never told to the family, and known to the family guard so that a letter or a
    /// shared note naming the school or its street is stopped.
    /// </summary>
    public ValidationErrors AttendSchool(string? name, string? address)
    {
        var errors = new ValidationErrors();
        var school = Text.Clean(name);
        var where = school is null ? null : Text.Clean(address);
        if (school is { Length: > 150 })
        {
            errors.Add(nameof(School), "School must be 150 characters or fewer");
        }
        if (where is { Length: > 300 })
        {
            errors.Add(nameof(SchoolAddress), "School address must be 300 characters or fewer");
        }
        if (address is { Length: > 0 } && school is null)
        {
            errors.Add(nameof(School), "Enter the school's name as well as its address");
        }
        if (errors.IsValid)
        {
            School = school;
            SchoolAddress = where;
        }
        return errors;
    }

    public SignificantPerson AddPerson(PersonDetails details)
    {
        var errors = new ValidationErrors();
        details.Validate(errors);
        if (!errors.IsValid)
        {
            var first = errors.ByField.First();
            throw new DomainRuleException(first.Key, first.Value[0]);
        }
        var person = new SignificantPerson(Id, details);
        _people.Add(person);
        return person;
    }

    public const int LegalHoldReasonLength = 500;

    /// <summary>When the child's case record may be disposed of, and the rule that says so.</summary>
    public Retention.DisposalDate DisposalDate => Retention.RetentionRule.For(DateOfBirth == default ? null : DateOfBirth, DateOfDeath);

    /// <summary>Records the day the child died (null to correct a mistaken entry): on or after their birth, not in the future.</summary>
    public ValidationErrors RecordDateOfDeath(DateOnly? died, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (died is { } d && d > today)
        {
            errors.Add(nameof(DateOfDeath), "Date of death must be today or in the past");
        }
        else if (died is { } e && e < DateOfBirth)
        {
            errors.Add(nameof(DateOfDeath), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Date of death must be the same as or after their date of birth, {DateOfBirth:d MMMM yyyy}"));
        }
        if (errors.IsValid)
        {
            DateOfDeath = died;
        }
        return errors;
    }

    /// <summary>Places a legal hold: a reason is needed, since the hold overrides the retention rule.</summary>
    public ValidationErrors PlaceLegalHold(string? reason, string byUserName, DateTime at)
    {
        var errors = new ValidationErrors();
        errors.Required(nameof(LegalHoldReason), reason, "Enter why the record must be kept");
        errors.MaxLength(nameof(LegalHoldReason), reason, LegalHoldReasonLength, "The reason");
        if (errors.IsValid && OnLegalHold)
        {
            errors.Add(nameof(LegalHoldReason), "The record is already on legal hold: lift the hold first to give a new reason");
        }
        if (errors.IsValid)
        {
            OnLegalHold = true;
            LegalHoldReason = Text.Clean(reason);
            LegalHoldBy = byUserName;
            LegalHoldSince = at;
        }
        return errors;
    }

    /// <summary>Lifts a legal hold, with a reason for the audit log; the retention rule applies again.</summary>
    public ValidationErrors LiftLegalHold(string? reason)
    {
        var errors = new ValidationErrors();
        errors.Required("LiftReason", reason, "Enter why the hold is being lifted");
        errors.MaxLength("LiftReason", reason, LegalHoldReasonLength, "The reason");
        if (errors.IsValid && !OnLegalHold)
        {
            errors.Add("LiftReason", "The record is not on legal hold");
        }
        if (errors.IsValid)
        {
            OnLegalHold = false;
            LegalHoldReason = null;
            LegalHoldBy = null;
            LegalHoldSince = null;
        }
        return errors;
    }

    private void Apply(ChildDetails d)
    {
        FirstName = d.FirstName!.Trim();
        LastName = d.LastName!.Trim();
        PreferredName = Text.Clean(d.PreferredName);
        DateOfBirth = d.DateOfBirth!.Value;
        Gender = d.Gender!.Trim();
        Ethnicity = Text.Clean(d.Ethnicity);
        FirstLanguage = Text.Clean(d.FirstLanguage);
        FamilyTimeName = Text.Clean(d.FamilyTimeName) ?? ChildDetails.DefaultFamilyTimeName;
    }
}
