using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AgentPath.Web.Infrastructure.Security;

/// <summary>
/// The validation summary of ASP.NET Core renders an empty <c>&lt;li style="display:none"&gt;</c>, an
/// inline style the Content-Security-Policy refuses. Runs after the framework's tag helper and puts
/// the <c>hidden</c> class (site.css) in its place.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var content = output.Content.IsModified ? output.Content.GetContent() : null;
        if (content is not null && content.Contains("style=\"display:none\"", StringComparison.Ordinal))
        {
            output.Content.SetHtmlContent(content.Replace("style=\"display:none\"", "class=\"hidden\"", StringComparison.Ordinal));
        }
    }
}
