using System.Collections.Concurrent;
using System.Security.Claims;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentPath.Web.Features.Account;

/// <summary>
/// Security stamps this process has retired (logout, password change, lock). A cookie or token carrying one is refused
/// at once on this instance; every instance refuses it at its next re-check against the database (Security:SessionRecheck),
/// so an entry needs to live only that long.
/// </summary>
public sealed class SessionRevocations(TimeProvider time, SecurityOptions security)
{
    private readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> _revoked = new();

    public void Revoke(string userId, string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var old in _revoked.Where(e => e.Value < now))
        {
            _revoked.TryRemove(old.Key, out _);
        }

        _revoked[(userId, stamp)] = now + security.SessionRecheck + TimeSpan.FromMinutes(1);
    }

    public bool IsRevoked(ClaimsPrincipal principal, IdentityOptions options)
    {
        if (_revoked.IsEmpty)
        {
            return false;
        }

        var user = principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return user is not null && stamp is not null
            && _revoked.TryGetValue((user, stamp), out var until) && until >= time.GetUtcNow();
    }
}

/// <summary>
/// Bearer tokens are checked like cookies: the token's security stamp against the account at least every
/// Security:SessionRecheck (30 s), and the roles and claims re-read from the account at the same time, so a password change,
/// a lock or a logout ends the token and a role change takes effect within that interval. One check per account and stamp
/// per interval, shared by all its tokens.
/// </summary>
public sealed class BearerRevalidation(TimeProvider time, SecurityOptions security)
{
    private sealed record Entry(DateTimeOffset CheckedAt, ClaimsPrincipal? Principal);

    private readonly ConcurrentDictionary<(string User, string Stamp), Entry> _checked = new();

    public async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return; // the handler answers NoResult
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        var now = time.GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            context.Fail("Invalid or expired token.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (services.GetRequiredService<SessionRevocations>().IsRevoked(ticket.Principal, identity))
        {
            context.Fail("The session has ended.");
            return;
        }

        var user = ticket.Principal.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType);
        var stamp = ticket.Principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || stamp is null)
        {
            context.Fail("The token carries no security stamp.");
            return;
        }

        var key = (user, stamp);
        if (!_checked.TryGetValue(key, out var entry) || now - entry.CheckedAt >= security.SessionRecheck || now < entry.CheckedAt)
        {
            entry = new Entry(now, await FreshPrincipalAsync(services, ticket.Principal));
            if (_checked.Count > 10_000)
            {
                foreach (var old in _checked.Where(e => now - e.Value.CheckedAt >= security.SessionRecheck))
                {
                    _checked.TryRemove(old.Key, out _);
                }
            }

            _checked[key] = entry;
        }

        if (entry.Principal is null)
        {
            context.Fail("The session has ended.");
            return;
        }

        context.Principal = entry.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>The account's current principal, or null when the account is gone, locked or its stamp has moved on.</summary>
    private static async Task<ClaimsPrincipal?> FreshPrincipalAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var account = await signIn.ValidateSecurityStampAsync(principal);
        if (account is null || !await signIn.CanSignInAsync(account) || await signIn.UserManager.IsLockedOutAsync(account))
        {
            return null;
        }

        return await signIn.CreateUserPrincipalAsync(account);
    }

    /// <summary>Cookies: a retired stamp is refused on every request, before the periodic stamp check.</summary>
    public static Func<CookieValidatePrincipalContext, Task> GuardCookie(Func<CookieValidatePrincipalContext, Task> inner) => async context =>
    {
        var services = context.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (context.Principal is { } p && services.GetRequiredService<SessionRevocations>().IsRevoked(p, identity))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await inner(context);
    };
}
