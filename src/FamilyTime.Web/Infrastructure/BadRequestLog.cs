using Microsoft.AspNetCore.Diagnostics;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// What the log keeps of a request body the API could not read: one warning line with the route and the reason, no
/// stack trace and none of the body (it may be about a child). Any other exception is logged in full as before.
/// </summary>
public static partial class BadRequestLog
{
    public static bool Suppressed(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BadRequestLog));
        Unreadable(log, context.HttpContext.Request.Method, context.HttpContext.Request.Path, bad.StatusCode, bad.Message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered {Status}: {Reason}")]
    private static partial void Unreadable(ILogger logger, string method, string path, int status, string reason);
}
