using System.Diagnostics;
using AgentPath.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Errors;

/// <summary>
/// Unexpected failures: logged with a correlation id; the API answers ProblemDetails carrying that
/// id, pages show the friendly error page. An entity's refusal (<see cref="DomainException"/>)
/// reaching the API edge is a 400 with its message. Never a stack trace.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log, IStringLocalizer<Localization.Text> text) : IExceptionHandler
{
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var id = CorrelationId(context);
        if (exception is DomainException domain && context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 400, Title = text[domain.Message], Extensions = { ["correlationId"] = id } },
            });
        }

        log.LogError(exception, "Unhandled error {CorrelationId} on {Method} {Path}", id, context.Request.Method, context.Request.Path);
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false; // the error page renders it
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 500, Title = text["Something went wrong. Quote this code when you report it."], Extensions = { ["correlationId"] = id } },
        });
    }
}
