using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AgentPath.Web.Features.Account;

[EnableRateLimiting(AccessSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, DatabaseOptions database, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.Text> text) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "User name")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(64)]
        public string UserName { get; set; } = "";

        [Display(Name = "Password")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(256)]
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

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? text["The account is locked after too many wrong passwords. Try again in 15 minutes or ask an administrator."]
            : text["Wrong user name or password."]);
        return Page();
    }
}
