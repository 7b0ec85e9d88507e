using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>The choices offered on the arrangement form.</summary>
public sealed class PlanFormOptions(FamilyTimeDbContext db, UserManager<ApplicationUser> users)
{
    public static IReadOnlyList<SelectListItem> Purposes { get; } =
        Enum.GetValues<Purpose>().Where(p => p != Purpose.None).Select(p => new SelectListItem(PlanWords.Describe(p), p.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Types { get; } =
        Enum.GetValues<ArrangementType>().Select(t => new SelectListItem($"{PlanWords.Describe(t)}: {Hint(t)}", t.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Forms { get; } =
        Enum.GetValues<FamilyTimeForm>().Select(f => new SelectListItem(PlanWords.Describe(f), f.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Frequencies { get; } =
    [
        new("Every week, on the days chosen below", nameof(FrequencyKind.Weekly)),
        new("Every other week, on the days chosen below", nameof(FrequencyKind.Fortnightly)),
        new("Once a month, on the same weekday as the first session (for example the second Saturday)", nameof(FrequencyKind.Monthly)),
        new("Only on the dates listed below", nameof(FrequencyKind.CustomDates)),
    ];

    public static IReadOnlyList<SelectListItem> Days { get; } =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(d => new SelectListItem(d.ToString(), d.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> WishesNotAsked { get; } =
        Enum.GetValues<WishesNotAsked>().Select(w => new SelectListItem(ArrangementWords.Describe(w), w.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Places { get; } =
        Enum.GetValues<FamilyTimePlace>().Select(p => new SelectListItem(ArrangementWords.Describe(p), p.ToString())).ToList();

    /// <summary>How many workers each session needs (issue 12).</summary>
    public static IReadOnlyList<SelectListItem> WorkersNeeded { get; } = [new("One worker", "1"), new("Two workers", "2")];

    public static IReadOnlyList<SelectListItem> SupervisedBy { get; } =
        Enum.GetValues<SupervisedBy>().Select(s => new SelectListItem(ArrangementWords.Describe(s), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Factors { get; } =
        Domain.Records.DifficultFamilyTimeFactors.All.Select(f => new SelectListItem(Domain.Records.DifficultFamilyTimeFactors.Describe(f), f.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> ReviewChoices { get; } =
        ArrangementDetails.ReviewChoices.Select(m => new SelectListItem(m == 1 ? "Every month" : m == 12 ? "Every year" : $"Every {m} months", m.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task<IReadOnlyList<SelectListItem>> PeopleAsync(Guid childId, CancellationToken ct) =>
        (await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .OrderBy(p => p.Relationship).ThenBy(p => p.FullName).ToListAsync(ct))
            .Select(p => new SelectListItem($"{p.FullName} ({RelationshipRules.Describe(p.Relationship).ToLowerInvariant()})", p.Id.ToString()))
            .ToList();

    /// <summary>Open venues' rooms, those in the child's area first, as "Venue – Room".</summary>
    public async Task<IReadOnlyList<SelectListItem>> RoomsAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var teamId = child.TeamId;
        var rooms = await db.Rooms.AsNoTracking()
            .Join(db.Venues.Where(v => v.IsOpen), r => r.VenueId, v => v.Id, (r, v) => new { r, v })
            .OrderBy(x => x.v.AreaId == db.Teams.Where(t => t.Id == teamId).Select(t => t.AreaId).FirstOrDefault() ? 0 : 1).ThenBy(x => x.v.Name).ThenBy(x => x.r.Name)
            .Select(x => new { Venue = x.v.Name, Room = x.r.Name, x.v.Postcode, VenueId = x.v.Id, RoomId = x.r.Id })
            .ToListAsync(ct);
        // The value is written here, not in SQL: SQLite turns a Guid into upper-case text, which never matched the
        // lower-case value of the saved room, so editing an arrangement lost its venue.
        return rooms.Select(x => new SelectListItem($"{x.Venue} – {x.Room}, {x.Postcode}", ArrangementForm.RoomValue(x.VenueId, x.RoomId))).ToList();
    }

    public async Task<IReadOnlyList<SelectListItem>> SupervisorsAsync(CancellationToken ct) =>
        (await users.GetUsersInRoleAsync(Roles.ContactWorker))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.TrainedToAssess ? $"{u.DisplayName} (trained to assess)" : u.DisplayName, u.Id))
            .ToList();

    private static string Hint(ArrangementType t) => t switch
    {
        ArrangementType.Supervised => "a worker is there throughout",
        ArrangementType.Assessed => "a trained worker observes and records for an assessment",
        ArrangementType.Facilitated => "practical and emotional support, not watched throughout",
        _ => "no worker present; carers check with the child before and after",
    };
}
