using FamilyTime.Scheduling.CpSat;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// When a plan mended after a search is proven good enough to stop: within the relative gap limit of the bound that
/// search proved, measured as CP-SAT measures it, (objective - bound) / max(1, objective).
/// </summary>
public class GapClosedTests
{
    [Theory]
    [InlineData(1_000, 1_000, 0.0, true)] // at the bound: proven optimal, whatever the limit
    [InlineData(1_000, 990, 0.01, true)] // 1 % of 1,000 is 10
    [InlineData(1_000, 989, 0.01, false)]
    [InlineData(12_065, 12_030, 0.01, true)] // a benchmark part: 35 over its bound, the limit 120
    [InlineData(51_240, 31_240, 0.01, false)] // two sessions more left out than the bound proves
    [InlineData(0, 0, 0.01, true)] // a part that places everything at no cost
    [InlineData(1, 0, 0.01, false)] // a tiny objective: the gap is taken against at least 1, so 1 over a bound of 0 is 100 %
    [InlineData(1_000, 999, 0.0, false)] // no limit: only the bound itself stops the search
    public void A_plan_is_proven_when_within_the_gap_limit_of_the_bound(long objective, long bound, double limit, bool closed) =>
        Assert.Equal(closed, CpSatRotaSolver.GapClosed(objective, bound, limit));
}
