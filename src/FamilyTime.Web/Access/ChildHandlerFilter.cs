using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyTime.Web.Access;

/// <summary>
/// A page's handler (for example "Agree" on the plan page) may do more than the page's own operation: it declares
/// that operation with [ForChild] on the handler method, and this filter holds it to it before the handler runs.
/// </summary>
public sealed class ChildHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<RouteRuleAttribute>() is { } rule)
        {
            var decision = await RouteRuleCheck.DecideAsync(context.HttpContext, rule);
            if (!decision.IsAllowed)
            {
                context.HttpContext.Items[RouteRuleMiddleware.RefusalKey] = decision.Reason;
                context.Result = new StatusCodeResult(decision.Answer == Domain.Access.AccessAnswer.Forbidden ? 403 : 404);
                return;
            }
        }
        await next();
    }
}

public static class ChildContextHttp
{
    /// <summary>The child the route names, already loaded and authorised by the route's rule.</summary>
    public static async Task<ChildContext> ChildAsync(this HttpContext http) =>
        await http.RequestServices.GetRequiredService<ChildContextLoader>().ForRouteAsync(http)
        ?? throw new InvalidOperationException("This route names no child the user reaches; declare [ForChild] on it.");
}
