using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// What saving an arrangement needs of the changes feature, and nothing more: a major change to agreed family time
/// goes to the IRO as a proposal (its id on success) while the arrangement stays as agreed. Changes implements it
/// (Features/Changes/ProposeChange.cs), so plans never depend on changes and there is no cycle.
/// </summary>
public interface IProposeMajorChange
{
    Task<Outcome<Guid>> ProposeAsync(ChildContext child, Arrangement arrangement, ArrangementDetails details, ChangeKinds kinds, PlanChange? change, CancellationToken ct);
}
