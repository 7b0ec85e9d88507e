using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Calendar;

public static class CalendarServices
{
    public const string FetchRateLimit = "calendar-feed";

    public static void AddCalendarFeeds(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<CalendarFeedWriter>();
        // Counted per address, not per client: calendar services fetch many people's feeds from a few machines,
        // so a limit per client would cut off everyone behind them. This only stops one address being hammered.
        var permit = config.GetValue("Calendar:FetchesPerMinute", 30);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(FetchRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Request.RouteValues["token"] as string ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    /// <summary>
    /// GET /calendar/{token}.ics: the only way in is the token, because calendar apps cannot sign in. Anything but a
    /// working address answers a bare 404, so a stopped address and one that never existed look the same.
    /// </summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], FetchAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FetchRateLimit)
            .ExcludeFromDescription();
    }

    private static async Task<IResult> FetchAsync(string token, HttpContext http, CalendarFeeds feeds, CalendarFeedWriter writer, CancellationToken ct)
    {
        // The address is a secret: no shared cache may keep a copy, and search engines must not list it. The
        // person's own calendar app may, but must ask again each time (no-cache), with the ETag below.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var owner = await feeds.OwnerOfAsync(token, ct);
        var text = owner is null ? null : await writer.WriteAsync(owner, ct);
        if (text is null)
        {
            // No friendly error page here: a calendar app cannot read it, and it would only say the address failed.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return Results.NotFound();
        }
        // The ETag is the hash of the feed's text, so it changes whenever anything in the feed does (a session
        // moved, cancelled, added, a name or place changed) and never otherwise: the events' DTSTAMP is their last
        // change, not the time of the fetch. A calendar app that sends it back gets 304 and nothing else to read.
        var etag = ETagOf(text);
        http.Response.Headers.ETag = etag;
        if (Matches(http.Request.Headers.IfNoneMatch, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Text(text, "text/calendar", Encoding.UTF8);
    }

    public static string ETagOf(string text) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16))}\"";

    /// <summary>If-None-Match may list several tags, or "*"; a weak tag (W/) matches too, as RFC 9110 says for GET.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(t => t == "*" || t == etag || t == "W/" + etag);
}
