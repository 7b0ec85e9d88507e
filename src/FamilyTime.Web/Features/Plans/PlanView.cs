using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Web.Features.Plans;

public sealed record PlanPersonView(Guid Id, string FullName, Relationship Relationship);

public sealed record ArrangementView(
    Guid Id,
    IReadOnlyList<PlanPersonView> People,
    IReadOnlyList<string> Purposes,
    ArrangementType Type,
    string? ReasonForSupervision,
    FamilyTimeForm Form,
    string? Schedule,
    Guid? VenueId,
    string? Venue,
    string? VenueAddress,
    Guid? RoomId,
    string? Room,
    int? JourneyMinutes,
    string? SuggestedActivity,
    string? SupervisorId,
    string? Supervisor,
    string? InterpreterLanguage,
    string? Transport,
    AgreementTerms Terms,
    int ReviewEveryMonths,
    DateOnly NextReviewOn,
    string? ChildsWishes,
    IReadOnlyList<string> Factors,
    DateOnly? NextSession,
    int UpcomingSessions,
    IReadOnlyList<PracticePrompt> Prompts,
    int Version,
    DateOnly? EndedOn = null,
    string? EndedReason = null,
    ArrangementExtras? Extras = null,
    // What was written, under the names the API takes them as input, so a client reads back what it wrote. The place
    // is only its kind and the worker's description of a community place: never a carer's address.
    WishesNotAsked? WishesNotAsked = null,
    string? WishesNotAskedWhy = null,
    string? RouteToLessSupervision = null,
    DateOnly? RouteToLessSupervisionBy = null,
    FamilyTimePlace Place = FamilyTimePlace.Venue,
    string? PlaceDescription = null,
    SupervisedBy SupervisedBy = SupervisedBy.Worker,
    string? SupervisorName = null,
    Guid? InterpreterForPersonId = null,
    bool NeedsStepFreeAccess = false,
    bool VenueFixed = false)
{
    public string Names => string.Join(" and ", People.Select(p => p.FullName));
}

/// <summary>
/// What issue 10 added to each arrangement, as staff read it: why the child could not be asked, the route to less
/// supervision, where (other than a venue room), a carer or family member supervising, and whom the interpreter is for.
/// </summary>
public sealed record ArrangementExtras(
    string? WishesNotAsked,
    string? RouteToLessSupervision,
    DateOnly? RouteToLessSupervisionBy,
    Domain.Plans.FamilyTimePlace Place,
    string? PlaceDescription,
    string? SupervisorNamed,
    string? InterpreterFor);

/// <summary>A parent, brother or sister and how the plan has considered them.</summary>
public sealed record ConsideredView(Guid PersonId, string FullName, Relationship Relationship, bool HasFamilyTime, string? ReasonForNone);

public sealed record PlanVersionView(int Number, DateTime AgreedAt, string AgreedBy, string? ChangeReason, DateOnly? CourtAgreedOn, string? CourtReference);

public sealed record ExceptionView(string ApprovedBy, DateTime ApprovedAt, string Reason);

/// <summary>A proposed change to one of the arrangements that has not yet taken effect, been refused or withdrawn.</summary>
public sealed record ChangeUnderWay(Guid Id, Guid ArrangementId, string Summary, Domain.Changes.ChangeStage Stage);

/// <summary>The plan page: the plan, and what is happening to its family time (suspensions, changes under way).</summary>
public sealed record PlanPage(PlanView Plan, IReadOnlyList<Suspensions.SuspensionView> Suspended, IReadOnlyList<ChangeUnderWay> ChangesUnderWay);

/// <summary>The child's family-time plan as its case holders read it.</summary>
public sealed record PlanView(
    Guid ChildId,
    string ChildName,
    string FamilyTimeName,
    LegalStatus LegalStatus,
    bool InCareProceedings,
    bool CanEdit,
    bool CanAgree,
    bool CanApproveException,
    string? NotArrangedBecause,
    ExceptionView? SupervisionException,
    bool Exists,
    PlanStatus? Status,
    int AgreedVersion,
    DateOnly? AgreedOn,
    DateOnly? HorizonEndsOn,
    DateOnly? NextReviewOn,
    DateOnly? SharedWithFamilyOn,
    bool IsOverdue,
    bool ReviewOverdue,
    IReadOnlyList<ArrangementView> Arrangements,
    IReadOnlyList<ConsideredView> Considered,
    IReadOnlyList<PlanVersionView> Versions,
    int Version,
    PlanDueState DueState = PlanDueState.NotNeeded,
    DateOnly? DueBy = null);
