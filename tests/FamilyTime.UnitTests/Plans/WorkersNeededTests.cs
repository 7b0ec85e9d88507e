using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Workforce;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class WorkersNeededTests
{
    [Fact]
    public void An_arrangement_needs_one_worker_unless_two_are_asked_for()
    {
        var (one, _) = Draft().AddArrangement(Arrangement(), Context(), null, Worker);
        Assert.Equal(1, one!.WorkersNeeded);
        var (two, _) = Draft().AddArrangement(Arrangement() with { WorkersNeeded = 2 }, Context(), null, Worker);
        Assert.Equal(2, two!.WorkersNeeded);
        Assert.Equal(2, two.ToDetails().WorkersNeeded);
    }

    [Theory]
    [InlineData(SupervisedBy.Carer)]
    [InlineData(SupervisedBy.FamilyMember)]
    public void Two_workers_count_only_when_the_service_supervises(SupervisedBy by)
    {
        var (added, _) = Draft().AddArrangement(Arrangement() with { WorkersNeeded = 2, SupervisedBy = by, SupervisorName = "Ruth Okafor" }, Context(), null, Worker);
        Assert.Equal(1, added!.WorkersNeeded);
        Assert.False(added.ServiceSupervises);
    }

    [Fact]
    public void Workers_needed_is_one_or_two() =>
        Assert.Contains("WorkersNeeded", (Arrangement() with { WorkersNeeded = 3 }).Validate(Context()).ByField.Keys);

    [Fact]
    public void An_arrangement_supervised_by_a_family_member_without_a_current_approval_warns()
    {
        var (added, _) = Draft().AddArrangement(Arrangement() with { SupervisedBy = SupervisedBy.FamilyMember, SupervisorName = "Ruth Okafor" }, Context(), null, Worker);
        var names = Family.ToDictionary(p => p.Id, p => p.FullName);
        Assert.Contains("not approved", SupervisionApproval.Warning(added!, null, names, [], Today), StringComparison.Ordinal);
        var (approval, _) = SupervisionApproval.Create(added!.ChildId, null, Grandma.Id, Today.AddMonths(6), null, "tm", "Team Manager", Today);
        Assert.Null(SupervisionApproval.Warning(added, null, names, [approval!], Today));
        // Run out: it warns again.
        Assert.NotNull(SupervisionApproval.Warning(added, null, names, [approval!], Today.AddMonths(7)));
    }

    [Fact]
    public void An_arrangement_supervised_by_the_carers_warns_unless_their_household_is_approved()
    {
        var household = Guid.NewGuid();
        var (added, _) = Draft().AddArrangement(Arrangement() with { SupervisedBy = SupervisedBy.Carer, SupervisorName = "Sarah Whitfield" }, Context(), null, Worker);
        var (approval, _) = SupervisionApproval.Create(added!.ChildId, household, null, null, null, "tm", "Team Manager", Today);
        Assert.NotNull(SupervisionApproval.Warning(added, Guid.NewGuid(), new Dictionary<Guid, string>(), [approval!], Today));
        Assert.Null(SupervisionApproval.Warning(added, household, new Dictionary<Guid, string>(), [approval!], Today));
    }
}
