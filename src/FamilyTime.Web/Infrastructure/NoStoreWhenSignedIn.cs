using Microsoft.Net.Http.Headers;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Nothing shown to someone signed in is kept by a browser, a shared computer's cache or a proxy: every answer to a
/// signed-in request says <c>Cache-Control: no-store</c> unless it already chose its own caching (an answer that says
/// <c>private, no-store</c> keeps it). Pages and API alike: a child's record read on a library computer must not be
/// there for the next person's back button.
/// </summary>
public static class NoStoreWhenSignedIn
{
    public static IApplicationBuilder UseNoStoreWhenSignedIn(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Decided as the answer starts, when the bearer token or cookie has been read for this endpoint.
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next();
        });
}
