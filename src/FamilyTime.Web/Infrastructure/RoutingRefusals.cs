namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Routing answers a wrong method or content type with an endpoint of its own ("405 HTTP Method Not Supported",
/// "415 HTTP Unsupported Media Type"): no route pattern, no metadata, nothing behind it but the status code. It is
/// answered at once, before sign-in rules that would otherwise treat it as an undeclared route (a logged error and a
/// 404, or a bearer client sent to the sign-in page).
/// </summary>
public static class RoutingRefusals
{
    public static IApplicationBuilder UseRoutingRefusals(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is { RequestDelegate: { } answer } endpoint && endpoint is not RouteEndpoint && endpoint.Metadata.Count == 0)
        {
            await answer(http);
            return;
        }
        await next(http);
    });
}
