using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Tests.Checking;

/// <summary>
/// A hand-made Monday small enough to read: two venues 20 minutes apart, three workers, two sessions, and a valid
/// plan for it. Each checker test breaks one rule of this plan and expects exactly that rule to be named.
/// </summary>
internal static class TinyWeek
{
    public const int Ten = 10 * 60;

    public static readonly Guid VenueA = new("aaaaaaaa-0000-4000-8000-000000000001");
    public static readonly Guid VenueB = new("aaaaaaaa-0000-4000-8000-000000000002");

    /// <summary>Place 0, holds 6, homely with baby change, open Monday 09:00–19:00.</summary>
    public static readonly RotaRoom RoomA = new(new Guid("bbbbbbbb-0000-4000-8000-000000000001"), VenueA, "Oak Room",
        "Moss Side Family Centre", 0, 6, RoomFeatures.FamilyFriendly | RoomFeatures.BabyChange, [new DayWindow(0, 9 * 60, 19 * 60)]);

    /// <summary>Place 1, holds 4, formal with an observation window, open Monday 09:00–19:00.</summary>
    public static readonly RotaRoom RoomB = new(new Guid("bbbbbbbb-0000-4000-8000-000000000002"), VenueB, "Blue Room",
        "Gorton Children's Centre", 1, 4, RoomFeatures.Formal | RoomFeatures.Observation, [new DayWindow(0, 9 * 60, 19 * 60)]);

    public static readonly RotaWorker Assessor = new("w1", "Ania Nowak", WorkerSkills.Assessed,
        new HashSet<string>(["English", "Polish"]), [new DayWindow(0, 9 * 60, 19 * 60)]);

    public static readonly RotaWorker Worker = new("w2", "Sam Hall", WorkerSkills.None,
        new HashSet<string>(["English"]), [new DayWindow(0, 9 * 60, 19 * 60)]);

    public static readonly RotaWorker Driver = new("w3", "Jo Khan", WorkerSkills.Driver,
        new HashSet<string>(["English"]), [new DayWindow(0, 9 * 60, 13 * 60)]);

    public static readonly Guid ParentOfAmelia = new("cccccccc-0000-4000-8000-000000000001");
    public static readonly Guid ParentOfNoah = new("cccccccc-0000-4000-8000-000000000002");

    /// <summary>Amelia: Monday 10:00–11:00 start, an hour, a homely room, one worker.</summary>
    public static readonly RotaSession Amelia = new(new Guid("dddddddd-0000-4000-8000-000000000001"),
        new Guid("eeeeeeee-0000-4000-8000-000000000001"), "Amelia K.", 0, Ten, Ten + 60, 60, 3, true,
        RoomFeatures.FamilyFriendly, 1, WorkerSkills.None, null, [ParentOfAmelia], 0, false, "w2", null);

    /// <summary>Noah: assessed, in Polish, Monday 10:00–12:00 start, 90 minutes, an observation room.</summary>
    public static readonly RotaSession Noah = new(new Guid("dddddddd-0000-4000-8000-000000000002"),
        new Guid("eeeeeeee-0000-4000-8000-000000000002"), "Noah B.", 0, Ten, Ten + 120, 90, 4, true,
        RoomFeatures.Observation, 1, WorkerSkills.Assessed, "Polish", [ParentOfNoah], 1, false, "w1", null);

    public static RotaProblem Problem(params RotaSession[] sessions) => new(
        "Tiny", new DateOnly(2026, 11, 23), [RoomA, RoomB], [Assessor, Worker, Driver],
        sessions.Length == 0 ? [Amelia, Noah] : sessions,
        new TravelMatrix(["M14", "M18"], new[,] { { 0, 20 }, { 20, 0 } }),
        new RotaWeights(), [], [], new RotaOptions());

    public static RotaAssignment Place(RotaSession s, RotaRoom? room, int start, params string[] workers) =>
        new(s.Id, room?.Id, start, workers, []);

    public static RotaPlan Plan(IReadOnlyList<RotaAssignment> assignments, IReadOnlyList<UnplacedSession>? unplaced = null) =>
        new(assignments, unplaced ?? [], new RotaStats("Hand", "Made", 0, 0, 0, TimeSpan.Zero, assignments.Count, unplaced?.Count ?? 0, 0, 0, 0));

    /// <summary>Amelia in the Oak Room at 10:00 with Sam; Noah in the Blue Room at 10:00 with Ania.</summary>
    public static RotaPlan ValidPlan() => Plan([Place(Amelia, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]);
}
