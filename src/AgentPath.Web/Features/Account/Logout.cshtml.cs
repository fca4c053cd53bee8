using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AgentPath.Web.Features.Account;

/// <summary>
/// Logout ends the session server-side: the account's security stamp moves on, so this cookie (even replayed) and every
/// other session and bearer token of the account stop working (at once on this instance, within Security:SessionRecheck on others).
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, SessionRevocations revocations, IOptions<IdentityOptions> identity) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var stamp = User.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            revocations.Revoke(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stamp);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
