using Microsoft.AspNetCore.Antiforgery;

namespace AgentPath.Web.Infrastructure.Security;

/// <summary>
/// Writes to /api made with the session cookie must carry the antiforgery token (header
/// X-CSRF-TOKEN), as forms do; a bearer token cannot be sent by another site, so it needs none.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task Invoke(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(title: "Missing or invalid antiforgery token.", statusCode: 400,
                    detail: $"Send the token from the page in the {HeaderName} header, or use a bearer token.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
