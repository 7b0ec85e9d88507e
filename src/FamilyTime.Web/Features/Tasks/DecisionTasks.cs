using FamilyTime.Domain.Tasks;

namespace FamilyTime.Web.Features.Tasks;

/// <summary>
/// Tasks that stand for a decision: the IRO's answer to a change, the court's agreement, the Independent Visitor
/// referral. Ticking one off would lose the decision, so they close only when the decision is recorded where the
/// task links to; they have no "Mark as done".
/// </summary>
public static class DecisionTasks
{
    public static bool ClosesByDecision(TaskKind kind) => kind is TaskKind.IroDecision or TaskKind.CourtAgreement or TaskKind.IndependentVisitor or TaskKind.RearrangeRequest;
}

/// <summary>What came of asking to mark a task done.</summary>
public enum MarkDoneResult
{
    Done = 1,
    NotFound = 2,
    ClosesByDecision = 3,
}
