using System.Diagnostics;

namespace AgentPath.Web.Infrastructure;

/// <summary>One structured log line per request: method, path, status, time, user, correlation id.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task Invoke(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/lib/", StringComparison.Ordinal) && !path.StartsWith("/css/", StringComparison.Ordinal) && !path.StartsWith("/js/", StringComparison.Ordinal))
            {
                log.LogInformation("HTTP {Method} {Path} {StatusCode} {ElapsedMs:0.0} ms user={User} trace={TraceId}",
                    context.Request.Method, path, context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds,
                    context.User.Identity?.Name ?? "-", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
            }
        }
    }
}
