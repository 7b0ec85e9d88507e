using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Suspensions;

/// <summary>Where a suspension's 7-day clock stands on a given day.</summary>
public enum SuspensionStage
{
    /// <summary>Days 1 to 4: the discussions and the decision are under way.</summary>
    Running = 1,

    /// <summary>Days 5 and 6: family time must resume, or what the child's route allows follows (see <see cref="SuspensionRoute"/>).</summary>
    Warning = 2,

    /// <summary>Day 7 or later with neither: the team manager must act now. Never silent.</summary>
    Escalated = 3,

    /// <summary>Family time has resumed.</summary>
    Resumed = 4,

    /// <summary>Refusal continues under a section 34(4) application to the court.</summary>
    ApplicationMade = 5,

    /// <summary>
    /// A child whom section 34 does not cover: family time stays paused, with the parents' agreement under section 20,
    /// while a change to the plan goes to the IRO.
    /// </summary>
    PlanChanging = 6,
}

/// <summary>
/// An emergency suspension of an arrangement (guidance section 11): up to 7 days, during which the social worker
/// talks with the team manager and the IRO; before day 7 family time resumes or, if refusal must continue, legal
/// advice is taken and a section 34(4) application is made. The stage is worked out from the dates on every
/// reading, so a suspension can never run past day 7 without saying so.
/// </summary>
public sealed class Suspension : IVersioned
{
    public const int MaxDays = 7;
    public const int WarningFromDay = 5;

    private Suspension() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public string Reasons { get; private set; } = "";
    public string StartedById { get; private set; } = "";
    public DateOnly? ManagerDiscussedOn { get; private set; }
    public DateOnly? IroDiscussedOn { get; private set; }
    public DateOnly? LegalAdviceOn { get; private set; }
    public string? LegalAdvice { get; private set; }
    public DateOnly? ApplicationMadeOn { get; private set; }
    public string? ApplicationReference { get; private set; }
    public DateOnly? ResumedOn { get; private set; }

    /// <summary>For a child whom section 34 does not cover: the day the pause was agreed while the plan changes through the IRO.</summary>
    public DateOnly? PlanChangeAgreedOn { get; private set; }

    /// <summary>What was agreed, and with whom (under section 20, the parents).</summary>
    public string? PlanChangeAgreement { get; private set; }

    public int Version { get; set; }

    /// <summary>The last day of the suspension: day 7 counts the start as day 1.</summary>
    public DateOnly LastDay => StartedOn.AddDays(MaxDays - 1);

    /// <summary>Day 1 is the start; a suspension read before it starts is on day 0.</summary>
    public int DayOn(DateOnly today) => DayOf(StartedOn, today);

    /// <summary>The clock's day for a suspension that started on <paramref name="startedOn"/>, for lists that read only the date.</summary>
    public static int DayOf(DateOnly startedOn, DateOnly today) => Math.Max(0, today.DayNumber - startedOn.DayNumber + 1);

    public SuspensionStage StageOn(DateOnly today)
    {
        if (ResumedOn is { } resumed && resumed <= today)
        {
            return SuspensionStage.Resumed;
        }
        if (ApplicationMadeOn is { } applied && applied <= today)
        {
            return SuspensionStage.ApplicationMade;
        }
        if (PlanChangeAgreedOn is { } agreed && agreed <= today)
        {
            return SuspensionStage.PlanChanging;
        }
        var day = DayOn(today);
        return day >= MaxDays ? SuspensionStage.Escalated : day >= WarningFromDay ? SuspensionStage.Warning : SuspensionStage.Running;
    }

    /// <summary>Whether the dates fall in the suspension, for marking sessions suspended.</summary>
    public bool Covers(DateOnly date) => date >= StartedOn && date <= (ResumedOn?.AddDays(-1) ?? LastDay);

    public static (Suspension? Suspension, ValidationErrors Errors) Start(Guid childId, Guid arrangementId, DateOnly? startOn, string? reasons, string byId, DateOnly today, bool anotherRunning)
    {
        var errors = new ValidationErrors();
        if (anotherRunning)
        {
            errors.Add("", "This arrangement is already suspended. Resume it, or record what follows the suspension, before starting another.");
        }
        if (startOn is not { } start)
        {
            errors.Add("StartedOn", "Enter the date the suspension starts");
        }
        else if (start > today)
        {
            errors.Add("StartedOn", "An emergency suspension starts today or has already started; a planned change goes through the IRO");
        }
        else if (start < today.AddDays(-(MaxDays - 1)))
        {
            errors.Add("StartedOn", $"A suspension lasts at most {MaxDays} days: one that started before {today.AddDays(-(MaxDays - 1)):d MMMM yyyy} cannot be recorded as running");
        }
        errors.Required("Reasons", reasons, "Say why family time is suspended: what happened and the risk to the child");
        errors.MaxLength("Reasons", reasons, ArrangementDetails.LongText, "The reasons");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new Suspension { Id = Guid.NewGuid(), ChildId = childId, ArrangementId = arrangementId, StartedOn = startOn!.Value, Reasons = reasons!.Trim(), StartedById = byId }, errors);
    }

    public ValidationErrors RecordDiscussion(bool withManager, DateOnly? on, DateOnly today)
    {
        var errors = CheckDate("DiscussedOn", on, today, "the discussion");
        if (errors.IsValid)
        {
            if (withManager)
            {
                ManagerDiscussedOn = on;
            }
            else
            {
                IroDiscussedOn = on;
            }
        }
        return errors;
    }

    public ValidationErrors Resume(DateOnly? on, DateOnly today)
    {
        var errors = CheckDate("ResumedOn", on, today, "family time resuming");
        if (errors.IsValid && ApplicationMadeOn is not null)
        {
            errors.Add("ResumedOn", "A section 34(4) application has been made: family time resumes when the court decides");
        }
        if (errors.IsValid)
        {
            ResumedOn = on;
        }
        return errors;
    }

    /// <summary>
    /// Continued refusal needs legal advice and a section 34(4) application, and the discussions before them. Only a
    /// child under a care order or an interim care order is covered by section 34, and the application is made within
    /// the suspension's 7 days (guidance section 11): dated from its first day to day 7, and never in the future.
    /// </summary>
    public ValidationErrors RecordApplication(DateOnly? adviceOn, string? advice, DateOnly? appliedOn, string? reference, DateOnly today, LegalStatus status)
    {
        if (SuspensionRoutes.For(status) != SuspensionRoute.Section34Application)
        {
            return new ValidationErrors().Add("", SuspensionRoutes.NoSection34(status));
        }
        var errors = CheckDate("LegalAdviceOn", adviceOn, today, "the legal advice");
        foreach (var (field, messages) in CheckWithinSevenDays("ApplicationMadeOn", appliedOn, today, "the section 34(4) application").ByField)
        {
            errors.Add(field, messages[0]);
        }
        errors.Required("LegalAdvice", advice, "Summarise the legal advice");
        errors.MaxLength("LegalAdvice", advice, ArrangementDetails.LongText, "The legal advice");
        errors.Required("ApplicationReference", reference, "Enter the court's reference for the section 34(4) application");
        errors.MaxLength("ApplicationReference", reference, 100, "The court's reference");
        CheckDecisionOpen(errors);
        if (adviceOn is { } a && appliedOn is { } b && b < a)
        {
            errors.Add("ApplicationMadeOn", "The application follows the legal advice");
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        LegalAdviceOn = adviceOn;
        LegalAdvice = advice!.Trim();
        ApplicationMadeOn = appliedOn;
        ApplicationReference = reference!.Trim();
        return errors;
    }

    /// <summary>
    /// For a child whom section 34 does not cover, the other way on from a suspension: family time stays paused while
    /// a change to the plan goes to the IRO. Under section 20 the parents hold parental responsibility, so this needs
    /// their agreement; it is agreed within the 7 days, after the discussions with the team manager and the IRO.
    /// </summary>
    public ValidationErrors AgreePlanChange(DateOnly? agreedOn, string? agreement, DateOnly today, LegalStatus status)
    {
        var route = SuspensionRoutes.For(status);
        if (route == SuspensionRoute.Section34Application)
        {
            return new ValidationErrors().Add("", "Under a care order, continued refusal needs legal advice and a section 34(4) application within the 7 days; or resume family time.");
        }
        var parents = route == SuspensionRoute.ParentsAgreement;
        var errors = CheckWithinSevenDays("PlanChangeAgreedOn", agreedOn, today, parents ? "the parents' agreement" : "the agreement to change the plan");
        errors.Required("PlanChangeAgreement", agreement, parents
            ? "Say what the parents agreed to: family time stays paused while the change to the plan goes to the IRO"
            : "Say what was agreed, and with whom, while the change to the plan goes to the IRO");
        errors.MaxLength("PlanChangeAgreement", agreement, ArrangementDetails.LongText, "What was agreed");
        CheckDecisionOpen(errors);
        if (!errors.IsValid)
        {
            return errors;
        }
        PlanChangeAgreedOn = agreedOn;
        PlanChangeAgreement = agreement!.Trim();
        return errors;
    }

    private void CheckDecisionOpen(ValidationErrors errors)
    {
        if (ManagerDiscussedOn is null || IroDiscussedOn is null)
        {
            errors.Add("", "Record the discussions with the team manager and the IRO first");
        }
        if (ResumedOn is not null)
        {
            errors.Add("", "Family time has resumed: there is nothing more to decide");
        }
        if (ApplicationMadeOn is not null || PlanChangeAgreedOn is not null)
        {
            errors.Add("", "What follows this suspension is already recorded");
        }
    }

    /// <summary>A step that must fall in the suspension's 7 days: not before day 1, not after day 7, not in the future.</summary>
    private ValidationErrors CheckWithinSevenDays(string field, DateOnly? on, DateOnly today, string what)
    {
        var errors = new ValidationErrors();
        if (on is not { } date)
        {
            errors.Add(field, $"Enter the date of {what}");
        }
        else if (date > today)
        {
            errors.Add(field, $"The date of {what} must be today or earlier");
        }
        else if (date < StartedOn || date > LastDay)
        {
            errors.Add(field, $"The date of {what} must fall within the suspension's {MaxDays} days: from {StartedOn:d MMMM yyyy} to {LastDay:d MMMM yyyy}");
        }
        return errors;
    }

    private ValidationErrors CheckDate(string field, DateOnly? on, DateOnly today, string what)
    {
        var errors = new ValidationErrors();
        if (on is not { } date)
        {
            errors.Add(field, $"Enter the date of {what}");
        }
        else if (date < StartedOn || date > today)
        {
            errors.Add(field, $"The date of {what} must be between {StartedOn:d MMMM yyyy} and today");
        }
        return errors;
    }
}
