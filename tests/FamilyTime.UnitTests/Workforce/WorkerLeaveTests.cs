using FamilyTime.Domain.Workforce;

namespace FamilyTime.UnitTests.Workforce;

public class WorkerLeaveTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Leave_needs_both_days_in_order_and_a_reason_from_the_list()
    {
        Assert.Equal(["From", "Reason", "Until"], WorkerLeave.Create("u1", null, null, "Holiday", []).Errors.ByField.Keys.Order());
        Assert.Equal(["Until"], WorkerLeave.Create("u1", Monday, Monday.AddDays(-1), "Training", []).Errors.ByField.Keys);
        var (leave, errors) = WorkerLeave.Create("u1", Monday, Monday.AddDays(4), "annual leave", []);
        Assert.True(errors.IsValid);
        Assert.Equal("Annual leave", leave!.Reason);
    }

    [Fact]
    public void Leave_overlapping_leave_already_entered_is_refused_so_a_retried_form_adds_it_once()
    {
        var existing = new WorkerLeave("u1", Monday, Monday.AddDays(4), "Annual leave");
        var (again, errors) = WorkerLeave.Create("u1", Monday.AddDays(2), Monday.AddDays(9), "Sickness", [existing]);
        Assert.Null(again);
        Assert.Contains("overlaps", errors.ByField["From"][0], StringComparison.Ordinal);
        Assert.True(WorkerLeave.Create("u2", Monday, Monday, "Sickness", [existing]).Errors.IsValid);
    }
}
