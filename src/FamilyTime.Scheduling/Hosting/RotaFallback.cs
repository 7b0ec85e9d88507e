using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// The words a greedy first-fit plan carries in <see cref="RotaStats.Status"/> when the optimiser could not give one,
/// so the coordinator's page can say plainly what they are looking at.
/// </summary>
public static class RotaFallback
{
    private const string WhatItMeans = ", so this is a first-fit plan: every session in it keeps every rule, but it may be "
        + "less good than usual (fewer sessions with the same supervisor, longer journeys, workload less even). "
        + "Plan the week again to give the optimiser another try.";

    public const string Crashed = "The optimiser stopped unexpectedly" + WhatItMeans;

    public const string TimedOut = "The optimiser did not finish in the time allowed" + WhatItMeans;

    public const string Stopped = "Planning was stopped before the optimiser gave a plan" + WhatItMeans;

    /// <summary>True when the plan is a first-fit put in place of the optimiser's.</summary>
    public static bool IsFallback(RotaStats stats) =>
        stats is not null && (stats.Status == Crashed || stats.Status == TimedOut || stats.Status == Stopped);
}
