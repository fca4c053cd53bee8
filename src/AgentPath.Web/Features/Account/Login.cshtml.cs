using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AgentPath.Web.Features.Account;

[EnableRateLimiting(AccessSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInCheck check, DatabaseOptions database, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.Text> text) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "User name")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(64, ErrorMessage = "{0} is too long (at most {1} characters).")]
        public string UserName { get; set; } = "";

        [Display(Name = "Password")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(256, ErrorMessage = "{0} is too long (at most {1} characters).")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo logins are listed only when the demo call center is on.</summary>
    public bool ShowDemo => database.Demo ?? database.Provider == DatabaseProvider.Sqlite;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await check.CheckAsync(Input.UserName, Input.Password, HttpContext);
        if (result.User is { } user)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.Outcome == SignInOutcome.Throttled)
        {
            var seconds = SignInCheck.Seconds(result.RetryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", text["Too many sign-in attempts. Try again in {0} seconds.", seconds]);
            return Page();
        }

        ModelState.AddModelError("", text["Wrong user name or password."]);
        return Page();
    }
}
