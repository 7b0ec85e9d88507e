using System.Text.Json;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Plans;

/// <summary>
/// A child's family-time plan: the arrangements for each person who matters, agreed as a whole and kept as
/// numbered versions. Once agreed, every change is itself a new agreed version carrying its reason (and, during
/// care proceedings, the court's agreement), so the plan's history can always be read back.
/// </summary>
public sealed class ContactPlan : IVersioned
{
    public const int HorizonMonths = 12;

    private readonly List<Arrangement> _arrangements = [];
    private readonly List<PlanVersion> _versions = [];
    private readonly List<PersonConsideration> _considerations = [];

    private ContactPlan() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public PlanStatus Status { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>The number of the current agreed version; 0 while the plan has never been agreed.</summary>
    public int AgreedVersion { get; private set; }
    public DateOnly? AgreedOn { get; private set; }

    /// <summary>The plan looks 12 months ahead of its latest agreement.</summary>
    public DateOnly? HorizonEndsOn { get; private set; }
    public DateOnly NextReviewOn { get; private set; }
    public DateOnly? SharedWithFamilyOn { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<Arrangement> Arrangements => _arrangements;
    public IReadOnlyList<PlanVersion> Versions => _versions;
    public IReadOnlyList<PersonConsideration> Considerations => _considerations;

    public bool HasBeenAgreed => AgreedVersion > 0;

    /// <summary>A child in care without an agreed plan needs one; <see cref="PlanDue"/> says whether it is due or overdue.</summary>
    public static bool IsOverdue(LegalStatus status, bool hasAgreedPlan) =>
        LegalStatusRules.AuthorityArrangesFamilyTime(status) && !hasAgreedPlan;

    public static ContactPlan Start(Guid childId, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PlanRules.ArrangingRefused(context) is { } refused)
        {
            throw new DomainRuleException("", refused);
        }
        return new ContactPlan
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            Status = PlanStatus.Draft,
            StartedOn = context.Today,
            // A new plan is looked at again within three months; the worker can set another date.
            NextReviewOn = context.Today.AddMonths(3),
        };
    }

    public (Arrangement? Added, ValidationErrors Errors) AddArrangement(ArrangementDetails details, PlanContext context, PlanChange? change, Signature by)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(by);
        var errors = CheckEdit(details, context, change);
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var arrangement = new Arrangement(Id, ChildId, ArrangementRules.WithInterpreterLanguage(details, context), context.Today);
        _arrangements.Add(arrangement);
        // Someone with family time no longer needs a reason for having none.
        _considerations.RemoveAll(c => arrangement.PersonIds.Contains(c.PersonId));
        RecordChange(change, by, context.Today);
        return (arrangement, errors);
    }

    public ValidationErrors ChangeArrangement(Guid arrangementId, ArrangementDetails details, PlanContext context, PlanChange? change, Signature by)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(by);
        var arrangement = _arrangements.FirstOrDefault(a => a.Id == arrangementId)
            ?? throw new DomainRuleException("", "This arrangement is not part of the child's plan.");
        var errors = CheckEdit(details, context, change);
        if (!errors.IsValid)
        {
            return errors;
        }
        // Taking a parent, brother or sister out of agreed family time leaves the change's reason behind as why
        // they have none, so the plan never falls silent about them.
        var dropped = HasBeenAgreed
            ? context.People.Where(p => PlanRules.MustBeConsidered(p.Relationship)
                && arrangement.PersonIds.Contains(p.Id)
                && !details.PersonIds.Contains(p.Id)
                && !_arrangements.Any(a => a.Id != arrangementId && !a.IsEnded && a.PersonIds.Contains(p.Id))
                && !_considerations.Any(c => c.PersonId == p.Id)).ToList()
            : [];
        arrangement.Apply(ArrangementRules.WithInterpreterLanguage(details, context), context.Today);
        _considerations.RemoveAll(c => arrangement.PersonIds.Contains(c.PersonId));
        foreach (var person in dropped)
        {
            _considerations.Add(new PersonConsideration(Id, person.Id, $"Family time ended on {context.Today:d MMMM yyyy}: {change!.Reason!.Trim()}", by.At, by.UserId));
        }
        RecordChange(change, by, context.Today);
        return errors;
    }

    /// <summary>
    /// Ends agreed family time (the change workflow calls this only after the IRO's decision and the notices): a new
    /// plan version with the reason, and the reason left behind for each parent, brother or sister who now has none.
    /// </summary>
    public ValidationErrors EndArrangement(Guid arrangementId, PlanContext context, PlanChange change, Signature by)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        var arrangement = _arrangements.FirstOrDefault(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return errors.Add("", "This arrangement is not part of the child's plan.");
        }
        if (!HasBeenAgreed)
        {
            return errors.Add("", "The plan is still a draft: change the arrangement there instead of ending it");
        }
        if (arrangement.IsEnded)
        {
            return errors.Add("", $"This family time already ended on {arrangement.EndedOn:d MMMM yyyy}");
        }
        errors.Required("Reason", change.Reason, "Say why family time is ending");
        if (!errors.IsValid)
        {
            return errors;
        }
        arrangement.End(context.Today, change.Reason!.Trim());
        foreach (var person in context.People.Where(p => PlanRules.MustBeConsidered(p.Relationship)
            && arrangement.PersonIds.Contains(p.Id)
            && !_arrangements.Any(a => a.Id != arrangementId && !a.IsEnded && a.PersonIds.Contains(p.Id))
            && !_considerations.Any(c => c.PersonId == p.Id)))
        {
            _considerations.Add(new PersonConsideration(Id, person.Id, $"Family time ended on {context.Today:d MMMM yyyy}: {change.Reason!.Trim()}", by.At, by.UserId));
        }
        AddVersion(by, change, context.Today);
        return errors;
    }

    /// <summary>Agrees the draft as version 1: every arrangement must still meet the rules and everyone who must be considered has been.</summary>
    public ValidationErrors Agree(PlanContext context, Signature by)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (HasBeenAgreed)
        {
            return errors.Add("", "This plan is already agreed. Changes to it are agreed one at a time, each with its reason.");
        }
        if (PlanRules.ArrangingRefused(context) is { } refused)
        {
            return errors.Add("", refused);
        }
        foreach (var a in _arrangements)
        {
            var problems = a.ToDetails().Validate(context);
            foreach (var (_, messages) in problems.ByField)
            {
                errors.Add("Arrangements", $"The arrangement with {Names(a, context)}: {messages[0]}");
            }
        }
        foreach (var person in NotYetConsidered(context))
        {
            errors.Add("Considered", $"Consider family time with {person.FullName}: add an arrangement, or record why there is none");
        }
        if (_arrangements.Count == 0 && _considerations.Count == 0)
        {
            errors.Add("Arrangements", "Add an arrangement for each person the child will see, or record why there is none, before agreeing the plan");
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        AddVersion(by, null, context.Today);
        return errors;
    }

    /// <summary>Records why a person has no family time in the plan.</summary>
    public ValidationErrors Consider(Guid personId, string? reason, PlanContext context, Signature by)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (context.People.All(p => p.Id != personId))
        {
            return errors.Add("PersonId", "Choose someone from the child's record");
        }
        if (_arrangements.Any(a => !a.IsEnded && a.PersonIds.Contains(personId)))
        {
            return errors.Add("PersonId", "This person already has family time in the plan");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return errors.Add("Reason", "Say why there is no family time with this person, for now");
        }
        if (reason.Trim().Length > ArrangementDetails.LongText)
        {
            return errors.Add("Reason", $"The reason must be {ArrangementDetails.LongText} characters or fewer");
        }
        var existing = _considerations.FirstOrDefault(c => c.PersonId == personId);
        if (existing is null)
        {
            _considerations.Add(new PersonConsideration(Id, personId, reason.Trim(), by.At, by.UserId));
        }
        else
        {
            existing.Change(reason.Trim(), by.At, by.UserId);
        }
        return errors;
    }

    public ValidationErrors ShareWithFamily(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!HasBeenAgreed)
        {
            return errors.Add("", "Agree the plan before sharing it with the family");
        }
        Status = PlanStatus.SharedWithFamily;
        SharedWithFamilyOn = today;
        return errors;
    }

    public ValidationErrors SetNextReview(DateOnly? on, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (on is not { } date)
        {
            return errors.Add(nameof(NextReviewOn), "Enter the date of the next plan review");
        }
        if (date < today)
        {
            return errors.Add(nameof(NextReviewOn), "The next plan review must be today or later");
        }
        if (date > today.AddMonths(HorizonMonths))
        {
            return errors.Add(nameof(NextReviewOn), "A plan is reviewed at least once a year: choose a date within the next 12 months");
        }
        NextReviewOn = date;
        return errors;
    }

    /// <summary>Parents, brothers and sisters with neither an arrangement nor a recorded reason.</summary>
    public IEnumerable<PlanPerson> NotYetConsidered(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.People.Where(p =>
            PlanRules.MustBeConsidered(p.Relationship)
            && !_arrangements.Any(a => !a.IsEnded && a.PersonIds.Contains(p.Id))
            && !_considerations.Any(c => c.PersonId == p.Id));
    }

    private ValidationErrors CheckEdit(ArrangementDetails details, PlanContext context, PlanChange? change)
    {
        var errors = details.Validate(context);
        if (HasBeenAgreed)
        {
            foreach (var (field, message) in PlanRules.ChangeRefused(context, change ?? new PlanChange(null, null, null)))
            {
                errors.Add(field, message);
            }
        }
        return errors;
    }

    private void RecordChange(PlanChange? change, Signature by, DateOnly today)
    {
        if (HasBeenAgreed)
        {
            AddVersion(by, change, today);
        }
    }

    private void AddVersion(Signature by, PlanChange? change, DateOnly today)
    {
        AgreedVersion++;
        AgreedOn = today;
        HorizonEndsOn = today.AddMonths(HorizonMonths);
        Status = PlanStatus.Agreed;
        SharedWithFamilyOn = null;
        _versions.Add(new PlanVersion(Id, AgreedVersion, by.At, by.UserId, by.Name, change, Snapshot()));
    }

    private string Snapshot() => JsonSerializer.Serialize(_arrangements.Select(a => new
    {
        a.Id,
        a.PersonIds,
        Purposes = a.Purposes.ToString(),
        Type = a.Type.ToString(),
        a.ReasonForSupervision,
        Form = a.Form.ToString(),
        Schedule = a.Schedule?.Describe(),
        a.VenueId,
        a.RoomId,
        a.NeedsStepFreeAccess,
        a.VenueFixed,
        a.SuggestedActivity,
        a.SupervisorId,
        a.InterpreterLanguage,
        a.Transport,
        a.Terms,
        a.ReviewEveryMonths,
        a.NextReviewOn,
        a.ChildsWishes,
        a.EndedOn,
        a.EndedReason,
    }));

    private static string Names(Arrangement a, PlanContext c) =>
        string.Join(" and ", c.People.Where(p => a.PersonIds.Contains(p.Id)).Select(p => p.FullName).DefaultIfEmpty("someone no longer on the record"));
}

/// <summary>Who did something and when (UTC).</summary>
public sealed record Signature(string UserId, string Name, DateTime At);
