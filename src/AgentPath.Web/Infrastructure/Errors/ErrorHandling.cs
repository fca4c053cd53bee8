using System.Diagnostics;
using AgentPath.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Errors;

/// <summary>
/// Unexpected failures: logged with a correlation id; the API answers ProblemDetails carrying that
/// id, pages show the friendly error page. An entity's refusal (<see cref="DomainException"/>)
/// reaching the API edge is a 400 with its message; a lost race
/// (<see cref="DbErrors.IsConflict"/>) a 409. Never a stack trace.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log, IStringLocalizer<Localization.Text> text) : IExceptionHandler
{
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var id = CorrelationId(context);

        // The culture the localization middleware chose does not flow back out with the exception: set it again from the request.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        // The exception-handler middleware has already re-pointed the request at the error page: ask where it was going.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value);
        var api = path.StartsWithSegments("/api");
        if (exception is DomainException domain && api)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 400, Title = text[domain.Message], Extensions = { ["correlationId"] = id } },
            });
        }

        if (DbErrors.IsConflict(exception))
        {
            // The second of two racing decisions: nothing was changed (the transaction rolled back).
            log.LogInformation("Conflict {CorrelationId} on {Method} {Path}: {Message}", id, context.Request.Method, path, exception.Message);
            if (!api)
            {
                return false; // the error page renders it; pages that decide catch it themselves
            }

            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 409, Title = text[DbErrors.MessageFor(exception)], Extensions = { ["correlationId"] = id } },
            });
        }

        log.LogError(exception, "Unhandled error {CorrelationId} on {Method} {Path}", id, context.Request.Method, path);
        if (!api)
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
