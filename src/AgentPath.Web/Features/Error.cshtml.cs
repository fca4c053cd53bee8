using AgentPath.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features;

/// <summary>The friendly error page: what happened in plain words and a correlation id, never a stack trace.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string CorrelationId { get; private set; } = "";

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    /// <summary>Re-executed for a method the page has no handler for (a PUT answered 405): the status is the code.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            Set(int.TryParse(Request.Query["code"], out var code) ? code : null);
        }
    }

    // The middleware that re-executes this page has already set the status code.
    private void Set(int? code)
    {
        Code = code ?? Response.StatusCode;
        CorrelationId = ApiExceptionHandler.CorrelationId(HttpContext);
    }
}
