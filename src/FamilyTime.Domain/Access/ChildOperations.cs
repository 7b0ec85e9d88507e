namespace FamilyTime.Domain.Access;

/// <summary>One row of the table: who may do an operation, and what someone in reach but not allowed is told.</summary>
public sealed record OperationRule(ChildRelationship AllowedTo, string Refusal);

/// <summary>
/// Which relationship to a child may do which operation (DOMAIN.md "People and roles"). This table is the only
/// place that says so: pages, API routes and list filters all read it, and its unit tests go through it row by row.
/// </summary>
public static class ChildOperations
{
    private const string CaseOnly = "This is read by those who hold the child's case: the allocated social worker, their team manager, the child's independent reviewing officer and heads of service.";
    private const string EditorsOnly = "Only the child's allocated social worker or their team manager can do this.";

    public static readonly IReadOnlyDictionary<ChildOperation, OperationRule> Table = new Dictionary<ChildOperation, OperationRule>
    {
        [ChildOperation.ViewChild] = new(Relationships.Professionals, "The child's record is for the professionals and carers who work with them."),
        [ChildOperation.ViewHome] = new(Relationships.Professionals, "Where the child lives is shared only with those who work with them."),
        [ChildOperation.ViewCase] = new(Relationships.CaseHolders, CaseOnly),
        [ChildOperation.EditChild] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.EditPlan] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.AgreePlan] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.ApproveException] = new(ChildRelationship.HeadOfService,
            "Only a head of service can approve supervised family time for a child accommodated under section 20."),
        [ChildOperation.ViewSessions] = new(Relationships.Professionals, "The sessions are seen by the professionals and carers who work with the child."),
        [ChildOperation.ViewAllSessions] = new(Relationships.CaseHolders | ChildRelationship.Carer | ChildRelationship.AreaCoordinator,
            "A contact worker sees the sessions they run."),
        [ChildOperation.WriteRecord] = new(Relationships.Editors | ChildRelationship.Supervisor,
            "A session's record is written by the person who supervised it, or by the child's social worker or team manager."),
        [ChildOperation.ReadRecords] = new(Relationships.CaseHolders | ChildRelationship.Supervisor,
            "Session records are read by those who hold the child's case and the worker who supervised the session."),
        [ChildOperation.ShareWithFamily] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.ViewWellbeing] = new(Relationships.CaseHolders | ChildRelationship.Carer,
            "How the child is before and after family time is seen by the carers they live with and those who hold the case."),
        [ChildOperation.RecordWellbeing] = new(Relationships.CaseHolders | ChildRelationship.Carer,
            "How the child is before and after family time is recorded by the carers they live with and those who hold the case."),
        [ChildOperation.Suspend] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.ManageChanges] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.DecideAsIro] = new(ChildRelationship.ChildsIro, "Only the child's own independent reviewing officer can record this decision."),
        [ChildOperation.ReadAudit] = new(ChildRelationship.TeamManager | ChildRelationship.HeadOfService,
            "Who looked at and changed a child's record is read by team managers and heads of service."),
        [ChildOperation.ViewConnections] = new(Relationships.Professionals, "The child's connections are seen by the professionals and carers who work with them."),
        [ChildOperation.ViewOwnFamilyTime] = new(ChildRelationship.Family, "This page is a family member's own view of family time."),
        [ChildOperation.GiveFeedback] = new(Relationships.Anyone, "Feedback is given by those who are part of the child's family time."),
        [ChildOperation.SpeakForSelf] = new(ChildRelationship.Self, "This is for the young person to say in their own words."),
        [ChildOperation.OverrideRiskGate] = new(ChildRelationship.TeamManager, "Only a team manager can let family time go ahead without a full risk assessment."),
        [ChildOperation.ViewAsCarer] = new(ChildRelationship.Carer, "This page is for the carers the child lives with."),
        [ChildOperation.LogIndirectContact] = new(Relationships.CaseHolders | ChildRelationship.Carer,
            "Calls, messages and contact online are logged by the carers the child lives with and those who hold the case."),
        [ChildOperation.ViewIndirectContact] = new(Relationships.CaseHolders | ChildRelationship.Carer,
            "The log of calls, messages and contact online is read by the carers the child lives with and those who hold the case."),
        [ChildOperation.ApproveTravel] = new(ChildRelationship.TeamManager, "Travel claims are approved by the child's team manager."),
        [ChildOperation.AgreeGoals] = new(Relationships.Editors, EditorsOnly),
        [ChildOperation.BookSessions] = new(Relationships.Editors | ChildRelationship.AreaCoordinator,
            "Sessions are booked by the area's coordinator, or the child's social worker or their team manager."),
        [ChildOperation.AnswerFeedback] = new(ChildRelationship.TeamManager,
            "Feedback is answered by the person it was sent to, or the child's team manager."),
        [ChildOperation.ManageRetention] = new(ChildRelationship.TeamManager | ChildRelationship.HeadOfService,
            "When a child's record is disposed of, and legal holds on it, are for team managers and heads of service."),
    };

    public static OperationRule RuleFor(ChildOperation operation) =>
        Table.TryGetValue(operation, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not in the operations table.");

    public static bool Allows(ChildOperation operation, ChildRelationship relationships) =>
        (RuleFor(operation).AllowedTo & relationships) != ChildRelationship.None;
}
