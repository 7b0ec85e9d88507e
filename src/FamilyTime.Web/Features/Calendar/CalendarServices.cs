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
        // The address is a secret and the sessions change: nothing may keep a copy, and search engines must not list it.
        http.Response.Headers.CacheControl = "no-store";
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
        return Results.Text(text, "text/calendar", Encoding.UTF8);
    }
}
