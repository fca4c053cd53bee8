using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AgentPath.Web.Infrastructure.Errors;

/// <summary>
/// A page request that no handler of the page takes — a POST with no or an unknown <c>?handler=</c> on a
/// page without a plain <c>OnPost</c>, a PUT, DELETE, OPTIONS… — is answered 405 with an <c>Allow</c>
/// header, before the page renders: Razor Pages would otherwise render the page without running any
/// handler, i.e. with its model never loaded (a 500). Runs after authorization and antiforgery, and
/// the same for every id (so it never tells an existing record from a missing or hidden one).
/// GET and HEAD without a handler still render (pages that show only markup have none). Registered
/// once for every page in Program.cs.
/// </summary>
public sealed class PageHandlerGuard : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !reExecuted)
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
                .Append(HttpMethods.Get).Append(HttpMethods.Head).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            http.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}

/// <summary>TRACE and TRACK (cross-site tracing) are answered 405 everywhere, before any endpoint runs.</summary>
public sealed class UnsupportedMethods(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsTrace(method) || string.Equals(method, "TRACK", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
