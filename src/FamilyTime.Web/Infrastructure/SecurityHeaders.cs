namespace FamilyTime.Web.Infrastructure;

/// <summary>Headers on every answer: no inline script, no framing, no sniffing, no referrer leaking record ids.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInAuthority)
    {
        var formAction = string.IsNullOrEmpty(signInAuthority) ? "'self'" : $"'self' {new Uri(signInAuthority).GetLeftPart(UriPartial.Authority)}";
        var csp = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {formAction}",
            "frame-ancestors 'none'");
        return app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
    }
}
