using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Errors;

/// <summary>
/// The page side of "one decision, one record": a page handler whose save lost a race (a moved
/// <see cref="IVersioned"/> token, a unique index, a <see cref="ConflictException"/>) wrote nothing; instead
/// of the error page the user is sent back to the same page, freshly loaded, with the conflict message
/// on top (the layout shows <see cref="Key"/>). Registered once for every page.
/// </summary>
public sealed class ConflictPageFilter(ITempDataDictionaryFactory tempData, IStringLocalizer<Localization.Text> text, ILogger<ConflictPageFilter> log) : IAsyncPageFilter
{
    public const string Key = "agentpath:conflict";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } e || executed.ExceptionHandled || !DbErrors.IsConflict(e))
        {
            return;
        }

        var http = context.HttpContext;
        log.LogInformation("Conflict on {Method} {Path}: {Message}", http.Request.Method, http.Request.Path, e.Message);
        executed.ExceptionHandled = true;
        tempData.GetTempData(http)[Key] = text[DbErrors.MessageFor(e)].Value;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
        query.Remove("handler");
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path,
            query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        executed.Result = new LocalRedirectResult(url);
    }
}
