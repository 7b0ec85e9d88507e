using System.Security.Claims;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Calendar;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Whether you have a calendar address, and since when (null: none).</summary>
public sealed record CalendarAddressStatus(DateTime? ActiveSince);

/// <summary>
/// Your new private calendar address, in its two spellings (calendar apps take either). It is shown only in this
/// answer: the service keeps no copy it could show again. Any earlier address has stopped working.
/// </summary>
public sealed record CalendarAddressMade(string HttpsAddress, string WebcalAddress, DateTime ActiveSince);

/// <summary>Whether there was an address to stop.</summary>
public sealed record CalendarAddressStopped(bool Stopped);

/// <summary>
/// The private address that puts your upcoming sessions in your own calendar app, as /Calendar: carers, family time
/// workers and parents.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var address = api.MapGroup("/calendar/address").WithTags("Calendar").AnyoneSignedIn();
        address.MapGet("", Status).WithSummary("Whether you have a calendar address and since when.").ProducesProblem(403);
        address.MapPost("", Make)
            .WithSummary("Make a new private calendar address (an earlier one stops working). The address is in this answer only.")
            .ProducesProblem(403);
        address.MapDelete("", Stop).WithSummary("Stop your calendar address: calendar apps get nothing more from it.").ProducesProblem(403);
    }

    private static async Task<Results<Ok<CalendarAddressStatus>, ProblemHttpResult>> Status(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        ApiResults.From(await feeds.StatusAsync(user.Actor(), ct), status => TypedResults.Ok(new CalendarAddressStatus(status.ActiveSince)));

    private static async Task<Results<Created<CalendarAddressMade>, ProblemHttpResult>> Make(ClaimsPrincipal user, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
        ApiResults.From(await feeds.CreateAsync(user.Actor(), ct), feed =>
        {
            // The answer carries the secret address: nothing on the way may keep it.
            http.Response.Headers.CacheControl = "no-store";
            var https = $"{http.Request.LinkBase()}/calendar/{feed.Token}.ics";
            var webcal = "webcal://" + https[(https.IndexOf("://", StringComparison.Ordinal) + 3)..];
            return TypedResults.Created("/api/v1/calendar/address", new CalendarAddressMade(https, webcal, feed.CreatedAt));
        });

    private static async Task<Results<Ok<CalendarAddressStopped>, ProblemHttpResult>> Stop(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        ApiResults.From(await feeds.RevokeAsync(user.Actor(), ct), stopped => TypedResults.Ok(new CalendarAddressStopped(stopped)));
}
