using FamilyTime.Scheduling.CpSat;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// When a plan mended after a search is proven good enough to stop: within the relative gap limit of the bound that
/// search proved, measured as CP-SAT measures it for the objective it minimises (the week's less the penalties every
/// plan pays): (objective - bound) / max(1, objective - certain).
/// </summary>
public class GapClosedTests
{
    [Theory]
    [InlineData(1_000, 1_000, 0, 0.0, true)] // at the bound: proven optimal, whatever the limit
    [InlineData(1_000, 990, 0, 0.01, true)] // 1 % of 1,000 is 10
    [InlineData(1_000, 989, 0, 0.01, false)]
    [InlineData(12_065, 12_030, 0, 0.01, true)] // a benchmark part: 35 over its bound, the limit 120
    [InlineData(51_240, 31_240, 0, 0.01, false)] // two sessions more left out than the bound proves
    [InlineData(0, 0, 0, 0.01, true)] // a part that places everything at no cost
    [InlineData(1, 0, 0, 0.01, false)] // a tiny objective: the gap is taken against at least 1, so 1 over a bound of 0 is 100 %
    [InlineData(1_000, 999, 0, 0.0, false)] // no limit: only the bound itself stops the search
    // An area's week with five sessions every plan leaves out (50,000): 1 % is of the 3,425 a plan can change (34),
    // not of 53,425 (534, more than a move's 300).
    [InlineData(53_425, 52_935, 50_000, 0.01, false)]
    [InlineData(53_425, 53_400, 50_000, 0.01, true)]
    [InlineData(50_000, 50_000, 50_000, 0.01, true)] // every session that can be placed is, at no cost
    public void A_plan_is_proven_when_within_the_gap_limit_of_the_bound(long objective, long bound, long certain, double limit, bool closed) =>
        Assert.Equal(closed, CpSatRotaSolver.GapClosed(objective, bound, certain, limit));
}
