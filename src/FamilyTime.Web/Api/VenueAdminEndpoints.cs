using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A venue's details; version (from the venue's answer) when changing one. isOpen false takes it off the list for new family time; left out, a new venue is open and a changed one stays as it was.</summary>
public sealed record VenueRequest(string? Name, string? Address, string? Postcode, Guid? AreaId, string? Notes, bool? IsOpen, int? Version);

/// <summary>A new room: its name and how many people it holds. Features and ages are set by changing it.</summary>
public sealed record RoomRequest(string? Name, int? Capacity);

/// <summary>A room's details, with the venue's version: features by name; suitsFromAge/suitsToAge in years, null for open ends.</summary>
public sealed record RoomChangeRequest(string? Name, int? Capacity, [property: NamesOf(typeof(RoomFeatures))] IReadOnlyList<string>? Features,
    int? SuitsFromAge, int? SuitsToAge, int? Version);

/// <summary>One weekday's hours, "HH:mm" on the 24-hour clock, London time.</summary>
public sealed record OpeningHoursInput([property: NamesOf(typeof(DayOfWeek))] string? Day, string? Opens, string? Closes);

/// <summary>The whole week's hours (a day left out is closed), with the venue's version.</summary>
public sealed record OpeningHoursRequest(IReadOnlyList<OpeningHoursInput>? Hours, int? Version);

/// <summary>A closure from and until (both days included): the whole venue, or one room (roomId); with the venue's version.</summary>
public sealed record ClosureRequest(Guid? RoomId, DateOnly? From, DateOnly? Until, string? Reason, int? Version);

/// <summary>The venue's version, for a change that needs nothing else.</summary>
public sealed record VenueVersionRequest(int? Version);

/// <summary>
/// What /Admin/Venues does, for administrators: venues, their rooms, opening hours and closures. Every change to a
/// venue is made from the version read (a stale one answers 409; adding one, or a room, needs none), audited as on the
/// pages, and answers the venue as it now is.
/// </summary>
public static class VenueAdminEndpoints
{
    public static void MapVenueAdminEndpoints(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/venues").WithTags("Venues").StaffOnly(Roles.Administrator).ProducesProblem(403);
        venues.MapPost("", Add).WithSummary("Add a venue.").ProducesValidationProblem();
        venues.MapPut("/{id:guid}", Change).WithSummary("Change a venue's details, or close or reopen it.").ProducesValidationProblem().ProducesProblem(409);
        venues.MapPost("/{id:guid}/rooms", AddRoom).WithSummary("Add a room to a venue.").ProducesValidationProblem();
        venues.MapPut("/{id:guid}/rooms/{roomId:guid}", ChangeRoom).WithSummary("Change a room: name, size, features and the ages it suits.")
            .ProducesValidationProblem().ProducesProblem(409);
        venues.MapPut("/{id:guid}/opening-hours", SetHours).WithSummary("Set the week's opening hours; a day left out is closed.")
            .ProducesValidationProblem().ProducesProblem(409);
        venues.MapPost("/{id:guid}/closures", AddClosure).WithSummary("Close the venue or one room for some days (a holiday, a repair).")
            .ProducesValidationProblem().ProducesProblem(409);
        venues.MapDelete("/{id:guid}/closures/{closureId:guid}", RemoveClosure).WithSummary("Take a closure off; one already gone answers the venue as it is.")
            .ProducesValidationProblem().ProducesProblem(409);
    }

    private static VenueDetails Details(VenueRequest body, bool wasOpen = true) => new(body.Name, body.Address, body.Postcode, body.AreaId, body.Notes, body.IsOpen ?? wasOpen);

    private static async Task<Results<Created<VenueDto>, ProblemHttpResult>> Add(VenueRequest body, ClaimsPrincipal user, SaveVenue save, VenueDirectory directory, CancellationToken ct) =>
        await ApiResults.FromAsync((await save.HandleAsync(user.Scope(), user.UserName(), new SaveVenueCommand(null, Details(body), null), ct)).Named(Field),
            async saved => TypedResults.Created($"/api/v1/venues/{saved.Id}", VenueEndpoints.Dto((await directory.OneAsync(saved.Id, ct))!)));

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> Change(Guid id, VenueRequest body, ClaimsPrincipal user, SaveVenue save, VenueDirectory directory, CancellationToken ct)
    {
        // isOpen left out keeps the venue as it is: an edit of the address must not put a closed venue back on the list.
        var wasOpen = (await directory.OneAsync(id, ct))?.IsOpen ?? true;
        return await AfterAsync(await save.HandleAsync(user.Scope(), user.UserName(), new SaveVenueCommand(id, Details(body, wasOpen), body.Version), ct), id, directory, ct);
    }

    private static async Task<Results<Created<VenueDto>, ProblemHttpResult>> AddRoom(Guid id, RoomRequest body, ClaimsPrincipal user, AddRoom add, VenueDirectory directory, CancellationToken ct) =>
        await ApiResults.FromAsync((await add.HandleAsync(user.Scope(), user.UserName(), new AddRoomCommand(id, body.Name, body.Capacity), ct)).Named(Field),
            async _ => TypedResults.Created($"/api/v1/venues/{id}", VenueEndpoints.Dto((await directory.OneAsync(id, ct))!)));

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> ChangeRoom(Guid id, Guid roomId, RoomChangeRequest body, ClaimsPrincipal user, ChangeRoom change,
        VenueDirectory directory, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var features = RoomFeatures.None;
        foreach (var name in body.Features ?? [])
        {
            features |= EnumInput.Parse<RoomFeatures>(name, "Features", "feature", errors) ?? RoomFeatures.None;
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var details = new RoomDetails(body.Name, body.Capacity, features, body.SuitsFromAge, body.SuitsToAge);
        return await AfterAsync(await change.HandleAsync(user.Scope(), user.UserName(), new ChangeRoomCommand(id, roomId, details, body.Version), ct), id, directory, ct);
    }

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> SetHours(Guid id, OpeningHoursRequest body, ClaimsPrincipal user, SetOpeningHours set,
        VenueDirectory directory, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var hours = new List<OpeningHours>();
        foreach (var h in body.Hours ?? [])
        {
            var day = EnumInput.Required<DayOfWeek>(h.Day, "Hours", "day", "Give each day's name, like \"Monday\"", errors);
            // Read as the venue's hours page reads them ("9:00", "09.30", "5:30pm").
            var opens = TimeText.Parse(h.Opens);
            var closes = TimeText.Parse(h.Closes);
            if (day is { } d && opens is { } o && closes is { } c)
            {
                hours.Add(new OpeningHours(d, o, c));
            }
            else if (errors.IsValid)
            {
                errors.Add("Hours", "Give each day its opening and closing times, like \"09:00\" and \"17:30\"");
            }
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return await AfterAsync(await set.HandleAsync(user.Scope(), user.UserName(), new SetOpeningHoursCommand(id, hours, body.Version), ct), id, directory, ct);
    }

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> AddClosure(Guid id, ClosureRequest body, ClaimsPrincipal user, AddClosure add,
        VenueDirectory directory, CancellationToken ct) =>
        await AfterAsync(await add.HandleAsync(user.Scope(), user.UserName(), new AddClosureCommand(id, new ClosureDetails(body.RoomId, body.From, body.Until, body.Reason), body.Version), ct),
            id, directory, ct);

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> RemoveClosure(Guid id, Guid closureId, ClaimsPrincipal user, RemoveClosure remove,
        VenueDirectory directory, CancellationToken ct, int? version = null) =>
        await AfterAsync(await remove.HandleAsync(user.Scope(), user.UserName(), new RemoveClosureCommand(id, closureId, version), ct), id, directory, ct);

    private static Task<Results<Ok<VenueDto>, ProblemHttpResult>> AfterAsync<T>(Outcome<T> outcome, Guid id, VenueDirectory directory, CancellationToken ct) =>
        ApiResults.FromAsync(outcome.Named(Field), async _ => TypedResults.Ok(VenueEndpoints.Dto((await directory.OneAsync(id, ct))!)));

    /// <summary>The venue's fields as the requests name them: a room's name is 'name'; a day's hours are in 'hours'.</summary>
    private static string Field(string field) => field switch
    {
        "RoomName" => "Name",
        "Day" => "Hours",
        _ when Enum.TryParse<DayOfWeek>(field, out _) => "Hours",
        _ => field,
    };
}
