namespace FamilyTime.Scheduling.Generation;

/// <summary>
/// What city week to generate. The same spec (seed included) always gives the same problem, so a benchmark figure or
/// a failing test can be reproduced from its spec alone.
/// </summary>
/// <param name="Seed">Seeds the one <see cref="Random"/> everything is drawn from.</param>
/// <param name="Sessions">How many sessions the week holds (exactly).</param>
/// <param name="Rooms">Rooms in an ordinary week, spread over venues in the city's postcode districts.</param>
/// <param name="Workers">Workers in an ordinary week (some of them on leave, some part time).</param>
/// <param name="Load">
/// How hard the week is: 1 is an ordinary week, where most sessions can be placed. Above 1 the same number of sessions
/// meets fewer rooms and workers (<see cref="Rooms"/> and <see cref="Workers"/> divided by the load: staff off sick, a
/// venue shut), so some are left unplaceable. See <see cref="Overloaded"/>.
/// </param>
/// <param name="City">The city's name, for the area label and the venue names.</param>
/// <param name="Areas">
/// How many local areas the city's family time service is organised in. Each area has its own team of workers and its
/// own venues (about an equal share of each), and a family is seen in the area of its home, so the areas of one week
/// share no rooms and no workers, as when each area's coordinator runs the rota for their area. 1: one area, anyone
/// anywhere.
/// </param>
public sealed record GeneratorSpec(int Seed, int Sessions, int Rooms, int Workers, double Load = 1.0, string City = "Manchester", int Areas = 1)
{
    /// <summary>The load <see cref="Overloaded"/> uses unless told: a third of the rooms and workers gone.</summary>
    public const double OverloadedLoad = 1.5;

    /// <summary>400 sessions: a small local authority's week, one area.</summary>
    public static GeneratorSpec Small(int seed = 1) => new(seed, 400, 20, 50);

    /// <summary>1,500 sessions: a large city's week in five areas (the optimiser's target size).</summary>
    public static GeneratorSpec Medium(int seed = 1) => new(seed, 1500, 45, 150, Areas: 5);

    /// <summary>2,000 sessions: the largest week the rota is built for, a city in six areas.</summary>
    public static GeneratorSpec Large(int seed = 1) => new(seed, 2000, 60, 200, Areas: 6);

    /// <summary>
    /// The preset for a number of sessions: 400, 1,500 and 2,000 are <see cref="Small"/>, <see cref="Medium"/> and
    /// <see cref="Large"/>; any other size gets rooms and workers in the same proportion as the nearest of them.
    /// </summary>
    public static GeneratorSpec ForSessions(int sessions, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        return sessions switch
        {
            400 => Small(seed),
            1500 => Medium(seed),
            2000 => Large(seed),
            < 950 => new(seed, sessions, Math.Max(2, (int)Math.Round(sessions / 20.0)), Math.Max(3, (int)Math.Round(sessions / 8.0))),
            _ => new(seed, sessions, Math.Max(2, (int)Math.Round(sessions / 33.3)), Math.Max(3, (int)Math.Round(sessions / 10.0)),
                Areas: Math.Max(1, (int)Math.Round(sessions / 300.0))),
        };
    }

    /// <summary>The same week with fewer rooms and workers than it needs, so some sessions cannot be placed.</summary>
    public GeneratorSpec Overloaded(double load = OverloadedLoad) => this with { Load = load };

    /// <summary>Rooms actually generated: <see cref="Rooms"/> divided by the load.</summary>
    public int RoomsAfterLoad => Math.Max(1, (int)Math.Round(Rooms / Load));

    /// <summary>Workers actually generated: <see cref="Workers"/> divided by the load.</summary>
    public int WorkersAfterLoad => Math.Max(1, (int)Math.Round(Workers / Load));
}
