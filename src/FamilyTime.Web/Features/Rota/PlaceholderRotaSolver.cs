using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// MERGER: NOT the product's solver. It stands in until the CP-SAT optimiser (src/FamilyTime.Scheduling/CpSat) is
/// merged, so the app starts and the page works; it places nothing and says why. Switch the registration in
/// <see cref="RotaServices"/> and delete this file.
/// </summary>
public sealed class PlaceholderRotaSolver : IRotaSolver
{
    public RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var unplaced = problem.Sessions.Select(s => new UnplacedSession(s.Id, "The rota optimiser is not installed yet, so nothing was planned.")).ToList();
        var objective = (long)problem.Weights.Unplaced * unplaced.Count;
        return new RotaPlan([], unplaced, new RotaStats("placeholder", "NotSolved", objective, 0, 1, TimeSpan.Zero, 0, unplaced.Count, 0, 0, 0));
    }
}
