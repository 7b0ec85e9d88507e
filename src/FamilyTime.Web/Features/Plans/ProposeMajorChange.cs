using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// What saving an arrangement needs of the change workflow, and nothing more: a major change to agreed family time
/// goes to the IRO as a proposal (its id on success) while the arrangement stays as agreed.
/// </summary>
public interface IProposeMajorChange
{
    Task<Outcome<Guid>> ProposeAsync(ChildContext child, Arrangement arrangement, ArrangementDetails details, ChangeKinds kinds, PlanChange? change, CancellationToken ct);
}

/// <summary>The change workflow as it proposes a change today; the only place the plan's use cases reach into it.</summary>
public sealed class ChangeWorkflowProposals(Changes.ChangeWorkflow changes) : IProposeMajorChange
{
    public Task<Outcome<Guid>> ProposeAsync(ChildContext child, Arrangement arrangement, ArrangementDetails details, ChangeKinds kinds, PlanChange? change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return changes.ProposeChangeAsync(child.Actor, child.ChildId, arrangement, details, kinds, change, ct);
    }
}
