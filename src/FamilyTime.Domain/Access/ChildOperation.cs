namespace FamilyTime.Domain.Access;

/// <summary>
/// What a request does with one child. Every page and API route under a child declares one of these; which
/// relationships may do each is <see cref="ChildOperations"/>, the one table of who may do what.
/// </summary>
public enum ChildOperation
{
    /// <summary>Open the child's record as a professional or carer: name, home, people (contact details for case holders only).</summary>
    ViewChild,

    /// <summary>See where the child lives and who cares for them.</summary>
    ViewHome,

    /// <summary>Read the whole case: legal status, the plan, changes, reviews, analysis, letters, suspensions.</summary>
    ViewCase,

    /// <summary>Correct the child's details and the people in their life.</summary>
    EditChild,

    /// <summary>Add or change arrangements, considerations, review dates and one-off sessions; propose ending family time.</summary>
    EditPlan,

    /// <summary>Agree the plan and share it with the family.</summary>
    AgreePlan,

    /// <summary>Approve supervised family time for a child accommodated under section 20.</summary>
    ApproveException,

    /// <summary>See the child's sessions (a contact worker alone sees the sessions they run).</summary>
    ViewSessions,

    /// <summary>See every session of the child, not only those one runs.</summary>
    ViewAllSessions,

    /// <summary>Write the record of a session the user supervises, or as the child's editor.</summary>
    WriteRecord,

    /// <summary>Read the session records of the child.</summary>
    ReadRecords,

    /// <summary>Close off, acknowledge, correct and share session records with the family.</summary>
    ShareWithFamily,

    /// <summary>See how the child was before and after family time.</summary>
    ViewWellbeing,

    /// <summary>Record how the child was before and after a session.</summary>
    RecordWellbeing,

    /// <summary>Suspend family time in an emergency, and follow the suspension through.</summary>
    Suspend,

    /// <summary>Manage major changes, reviews and the Independent Visitor decision.</summary>
    ManageChanges,

    /// <summary>Decide, as the child's independent reviewing officer, whether a change needs a review.</summary>
    DecideAsIro,

    /// <summary>Read who looked at and changed the child's record.</summary>
    ReadAudit,

    /// <summary>See the people in the child's life as a map of connections.</summary>
    ViewConnections,

    /// <summary>A parent's or family member's own view of the child's family time.</summary>
    ViewOwnFamilyTime,

    /// <summary>Give feedback on a session the user was part of.</summary>
    GiveFeedback,

    /// <summary>Let family time be held without the full risk assessment its serious risks call for, with a reason (a team manager).</summary>
    OverrideRiskGate,

    /// <summary>A young person's own voice: what family time is called, how a session felt, who they want to see, asking to talk.</summary>
    SpeakForSelf,

    /// <summary>See the child's family time as the carers they live with do: what's next, transport, what to record.</summary>
    ViewAsCarer,

    /// <summary>Log a call, message, letter or contact online between sessions.</summary>
    LogIndirectContact,

    /// <summary>Read the log of indirect contact.</summary>
    ViewIndirectContact,

    /// <summary>Approve or refuse a travel claim for the child's family time, and export approved claims for payment (the team manager, guidance §9).</summary>
    ApproveTravel,

    /// <summary>Agree goals and achievements with a parent for their portfolio.</summary>
    AgreeGoals,

    /// <summary>Book a session's room, worker(s) and driver, or move it (the area's coordinator, or the child's social worker or team manager).</summary>
    BookSessions,

    /// <summary>Read and answer feedback about the child that was sent to someone else in the team (the team manager); the person it was sent to answers their own.</summary>
    AnswerFeedback,

    /// <summary>Review when the child's case record is due for disposal, and place or lift a legal hold on it (a team manager or head of service).</summary>
    ManageRetention,
}
