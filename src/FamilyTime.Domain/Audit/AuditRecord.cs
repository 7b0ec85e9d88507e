namespace FamilyTime.Domain.Audit;

/// <summary>
/// What kind of record an audit entry is about. Stored by name, so the names never change once a council has an
/// audit log; add new kinds at the end.
/// </summary>
public enum AuditRecord
{
    Child,
    SignificantPerson,
    ContactPlan,
    Arrangement,
    SupervisionException,
    PlanDocument,
    Session,
    Sessions,
    ContactRecord,
    Assessment,
    ParentReply,
    CarerObservation,
    Wellbeing,
    Analysis,
    Connections,
    Feedback,
    Venue,
    CalendarFeed,
    ChangeProposal,
    Suspension,
    Review,
    IndependentVisitorDecision,
    WorkTask,
    OutboxMessage,
    PreContactAssessment,
    RiskAssessment,
    YoungPersonVoice,
    IndirectContact,
    CarerAlertPreferences,
    CarerFamilyTime,
    Invitation,
    PortalAccount,
    TravelClaim,
    PortfolioGoal,
    Certificate,
    DiaryEntry,
    /// <summary>A worker's profile, leave, or an approval to supervise (issue 12).</summary>
    Worker,
    /// <summary>A member of staff's account: created, changed, deactivated, its two-factor sign-in reset (issue 13).</summary>
    StaffAccount,
    /// <summary>A social work team or an area of the service (issue 13).</summary>
    Organisation,
    /// <summary>A list of children shown to a member of staff: one entry naming every child on the page (issue 14).</summary>
    ChildList,
}
