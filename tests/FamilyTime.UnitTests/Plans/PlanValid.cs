using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// A child's plan context, a valid arrangement and a signature, so each plan test only spells out what it changes
/// (use <c>with { … }</c>). Dates are fixed: "today" is Monday 23 November 2026, never the clock.
/// </summary>
internal static class PlanValid
{
    public static readonly DateOnly Today = Valid.Today;

    /// <summary>Monday 2 March 2026.</summary>
    public static readonly DateOnly CameIntoCare = Valid.LegalStart;

    /// <summary>Saturday 28 November 2026, the first session of <see cref="Arrangement"/>.</summary>
    public static readonly DateOnly FirstSaturday = new(2026, 11, 28);

    public static readonly PlanPerson Mum = new(new Guid("a0000000-0000-0000-0000-000000000001"), "Grace Okafor", Relationship.Mother);
    public static readonly PlanPerson Dad = new(new Guid("a0000000-0000-0000-0000-000000000002"), "Daniel Okafor", Relationship.Father);
    public static readonly PlanPerson Brother = new(new Guid("a0000000-0000-0000-0000-000000000003"), "Tobi Okafor", Relationship.HalfSibling);
    public static readonly PlanPerson Grandma = new(new Guid("a0000000-0000-0000-0000-000000000004"), "Ruth Okafor", Relationship.Grandparent);

    /// <summary>Someone who is not on the child's record.</summary>
    public static readonly Guid Stranger = new("a0000000-0000-0000-0000-0000000000ff");

    public static readonly IReadOnlyList<PlanPerson> Family = [Mum, Dad, Brother, Grandma];

    public static readonly Guid FamilyCentre = new("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid BlueRoom = new("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid GreenRoom = new("c0000000-0000-0000-0000-000000000002");
    public static readonly Guid ChildrensCentre = new("b0000000-0000-0000-0000-000000000002");
    public static readonly Guid Hall = new("c0000000-0000-0000-0000-000000000003");

    public static readonly IReadOnlyCollection<VenueRoomChoice> Rooms =
        [new(FamilyCentre, BlueRoom), new(FamilyCentre, GreenRoom), new(ChildrensCentre, Hall)];

    public static readonly Signature Worker = new(Valid.SocialWorker, "Sam Rivers", new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc));

    public static PlanContext Context(
        LegalStatus status = LegalStatus.CareOrder,
        bool inProceedings = false,
        bool exception = false,
        IReadOnlyList<PlanPerson>? people = null,
        DateOnly? today = null,
        DateOnly? dateOfBirth = null) =>
        new("Mara", dateOfBirth ?? Valid.DateOfBirth, CameIntoCare, status, inProceedings, exception, people ?? Family, Rooms, today ?? Today);

    /// <summary>Supervised face-to-face family time with Mum (unless others are named), every Saturday 10:00–11:30 in the Blue Room.</summary>
    public static ArrangementDetails Arrangement(params PlanPerson[] with) => new()
    {
        PersonIds = with.Length == 0 ? [Mum.Id] : with.Select(p => p.Id).ToList(),
        Purposes = Purpose.Attachment | Purpose.Identity,
        Type = ArrangementType.Supervised,
        ReasonForSupervision = "Mum's partner has made threats; a worker is there to keep Mara safe.",
        Form = FamilyTimeForm.FaceToFace,
        Frequency = FrequencyKind.Weekly,
        Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday },
        FirstDate = FirstSaturday,
        StartTime = new TimeOnly(10, 0),
        DurationMinutes = 90,
        VenueId = FamilyCentre,
        RoomId = BlueRoom,
        JourneyMinutes = 20,
        SupervisorId = "cw-1",
        ReviewEveryMonths = 3,
        ChildsWishes = "Mara wants to see Mum every week and bake together.",
        RouteToLessSupervision = "Mum's partner no longer comes near family time, and Mum keeps to the agreement for three months.",
        RouteToLessSupervisionBy = Today.AddMonths(3),
    };

    /// <summary>Unsupervised video calls: no schedule, venue or room.</summary>
    public static ArrangementDetails VideoCalls(params PlanPerson[] with) => new()
    {
        PersonIds = with.Length == 0 ? [Brother.Id] : with.Select(p => p.Id).ToList(),
        Purposes = Purpose.KeyRelationship,
        Type = ArrangementType.Unsupervised,
        Form = FamilyTimeForm.VideoCall,
        ReviewEveryMonths = 6,
        WishesNotAsked = WishesNotAsked.Declined,
    };

    public static PlanChange Change(string? reason = "Mum asked for Saturdays after she started work", DateOnly? courtOn = null, string? courtReference = null) =>
        new(reason, courtOn, courtReference);

    public static ContactPlan Draft(PlanContext? context = null) => ContactPlan.Start(new Guid("d0000000-0000-0000-0000-000000000001"), context ?? Context());

    /// <summary>
    /// A plan agreed as version 1: supervised Saturdays with Mum and Dad, video calls with Tobi, and a reason
    /// recorded for Grandma (who need not be considered, but may be).
    /// </summary>
    public static (ContactPlan Plan, Arrangement Saturdays, Arrangement Calls) Agreed(PlanContext? context = null)
    {
        var c = context ?? Context();
        var plan = Draft(c);
        var saturdays = plan.AddArrangement(Arrangement(Mum, Dad), c, null, Worker).Added!;
        var calls = plan.AddArrangement(VideoCalls(), c, null, Worker).Added!;
        var agreed = plan.Agree(c, Worker);
        Assert.True(agreed.IsValid, string.Join("; ", agreed.ByField.SelectMany(e => e.Value)));
        return (plan, saturdays, calls);
    }

    public static Schedule Repeating(FrequencyKind kind, DateOnly first, params DayOfWeek[] days) =>
        new(kind, days.ToHashSet(), first, [], new TimeOnly(10, 0), 90);

    public static Schedule OnDates(params DateOnly[] dates) =>
        new(FrequencyKind.CustomDates, new HashSet<DayOfWeek>(), dates.Min(), dates, new TimeOnly(10, 0), 90);

    public static BankHolidays Holidays(params (int Year, int Month, int Day, string Title)[] days) =>
        new(days.Select(d => new BankHoliday(new DateOnly(d.Year, d.Month, d.Day), d.Title)));

    /// <summary>The keys of the fields with problems, in order, so a test can say exactly which fields failed.</summary>
    public static string[] Fields(Domain.Common.ValidationErrors errors) => errors.ByField.Keys.Order(StringComparer.Ordinal).ToArray();

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
