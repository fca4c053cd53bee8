namespace AgentPath.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response: a CSP that allows no inline script, no framing, no MIME sniffing, a
/// strict referrer policy, and no caching of anything but static files (pages carry personal data).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API browser (Swagger UI) ships one inline style block; scripts stay 'self' only.
    private const string DocsCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task Invoke(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var docs = context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase);
            h.ContentSecurityPolicy = docs ? DocsCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), geolocation=(), microphone=(self)";
            var isStatic = context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css")
                || context.Request.Path.StartsWithSegments("/js") || context.Request.Path.StartsWithSegments("/img");
            if (!isStatic)
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
