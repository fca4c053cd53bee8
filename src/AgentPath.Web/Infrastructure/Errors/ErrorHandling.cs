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
        if (exception is BadHttpRequestException bad && api)
        {
            return await WriteBindingErrorAsync(context, bad, id);
        }

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

    /// <summary>A request the API could not bind (malformed or empty JSON, a wrong type, a bad route or query value): a localized 400 naming the field.</summary>
    private async ValueTask<bool> WriteBindingErrorAsync(HttpContext context, BadHttpRequestException bad, string id)
    {
        string? field = null;
        string message;
        var json = bad.InnerException as System.Text.Json.JsonException ?? bad.InnerException?.InnerException as System.Text.Json.JsonException;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            message = text["The request is larger than the limit."];
        }
        else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            message = text["Send the request body as application/json."];
        }
        else if (json is not null)
        {
            field = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
            message = field is null ? text["The request body is not valid JSON."] : text["The field {0} has a value of the wrong type.", field];
        }
        else if (System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\"]*? (\\w+)\"") is { Success: true } m)
        {
            field = m.Groups[1].Value;
            message = bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? text["The request body is empty; send a JSON object."]
                : text["The value of {0} is not valid.", field];
        }
        else
        {
            message = text["The request body is not valid JSON."];
        }

        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400;
        context.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = message, Extensions = { ["correlationId"] = id } };
        if (field is not null)
        {
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }
}
