using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Account;

/// <summary>The language switch in the header: the choice is kept in a cookie and wins over the browser's language.</summary>
public sealed class CultureModel(SecurityOptions security) : PageModel
{
    public IActionResult OnPost(string culture, string? returnUrl)
    {
        LocalizationSetup.SetCulture(Response, culture, security.HttpsOnly || Request.IsHttps);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
