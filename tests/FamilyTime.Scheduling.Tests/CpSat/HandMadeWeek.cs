using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// Small weeks built by hand for the optimiser's rule tests. Places: 0 Riverside centre, 1 Hill Street hall (20 minutes
/// away), 2 and 3 homes (2 is 5 minutes from Riverside, 3 is 5 minutes from Hill Street).
/// </summary>
internal static class HandMadeWeek
{
    public const int Tuesday = 1;
    public const int Thursday = 3;
    public static readonly Guid Riverside = Guid.Parse("00000000-0000-0000-0000-00000000aa01");
    public static readonly Guid HillStreet = Guid.Parse("00000000-0000-0000-0000-00000000aa02");

    public static int At(int hour, int minute = 0) => hour * 60 + minute;

    public static TravelMatrix Travel { get; } = new(["Riverside", "Hill Street", "Home near Riverside", "Home near Hill Street"],
        new[,] { { 0, 20, 5, 22 }, { 20, 0, 22, 5 }, { 5, 22, 0, 25 }, { 22, 5, 25, 0 } });

    public static IReadOnlyList<DayWindow> Weekdays(int from = 9 * 60, int until = 19 * 60) =>
        Enumerable.Range(0, 5).Select(d => new DayWindow(d, from, until)).ToList();

    public static RotaRoom Room(string name, Guid venue, int place, RoomFeatures features = RoomFeatures.FamilyFriendly,
        int capacity = 6, IReadOnlyList<DayWindow>? open = null) =>
        new(Guid.NewGuid(), venue, name, venue == Riverside ? "Riverside centre" : "Hill Street hall", place, capacity, features,
            open ?? Weekdays());

    public static RotaWorker Worker(string id, string name, IReadOnlyList<DayWindow>? available = null,
        WorkerSkills skills = WorkerSkills.None, params string[] languages) =>
        new(id, name, skills, new HashSet<string>(languages, StringComparer.OrdinalIgnoreCase), available ?? Weekdays());

    /// <summary>Tuesday after school by default: start 15:30 to 17:00, 90 minutes, a room and one worker.</summary>
    public static RotaSession Session(string child, int day = Tuesday, int earliest = 15 * 60 + 30, int latest = 17 * 60,
        int duration = 90, int homePlace = 2) =>
        new(Guid.NewGuid(), Guid.NewGuid(), child, day, earliest, latest, duration, People: 3, NeedsRoom: true,
            RoomNeeds: RoomFeatures.None, WorkersNeeded: 1, SkillsNeeded: WorkerSkills.None, Language: null,
            ParentIds: [Guid.NewGuid()], HomePlace: homePlace, IsInfant: false, PreviousSupervisorId: null, TogetherKey: null);

    public static RotaProblem Problem(IReadOnlyList<RotaRoom> rooms, IReadOnlyList<RotaWorker> workers, params RotaSession[] sessions) =>
        new("Test area", new DateOnly(2026, 11, 23), rooms, workers, sessions, Travel, new RotaWeights(), [], [],
            new RotaOptions(TimeLimitSeconds: 20, Workers: 1, Seed: 1, RelativeGapLimit: 0));

    public static RotaAssignment Placed(RotaPlan plan, RotaSession s) =>
        plan.Assignments.SingleOrDefault(a => a.SessionId == s.Id)
        ?? throw new Xunit.Sdk.XunitException($"{s.ChildName}'s session is unplaced: {plan.Unplaced.FirstOrDefault(u => u.SessionId == s.Id)?.Reason}");

    public static string Unplaced(RotaPlan plan, RotaSession s) =>
        plan.Unplaced.SingleOrDefault(u => u.SessionId == s.Id)?.Reason
        ?? throw new Xunit.Sdk.XunitException($"{s.ChildName}'s session was placed");
}
