using System.Collections.Concurrent;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;

namespace AgentPath.Web.Features.Account;

public enum SignInOutcome
{
    Success,
    Failed,
    Throttled,
}

public sealed record SignInCheckResult(SignInOutcome Outcome, AppUser? User, TimeSpan RetryAfter);

/// <summary>
/// Progressive back-off per account name and client address: the first <see cref="FreeFailures"/> wrong passwords cost
/// nothing, then each further attempt from that address for that name waits 2, 4, 8 … seconds (at most 15 minutes).
/// A wrong password from one address never slows the same account from another address, so nobody can lock anybody out;
/// unknown names are throttled exactly like existing ones. Kept in memory per instance.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private sealed record State(int Failures, DateTimeOffset Until, DateTimeOffset Last);

    private readonly ConcurrentDictionary<(string Name, string Address), State> _states = new();

    public TimeSpan RetryAfter(string name, string address)
    {
        var now = time.GetUtcNow();
        return _states.TryGetValue((name, address), out var s) && s.Until > now ? s.Until - now : TimeSpan.Zero;
    }

    public void Failed(string name, string address)
    {
        var now = time.GetUtcNow();
        if (_states.Count > 100_000)
        {
            foreach (var old in _states.Where(e => now - e.Value.Last > MaxDelay && e.Value.Until < now))
            {
                _states.TryRemove(old.Key, out _);
            }
        }

        _states.AddOrUpdate((name, address), _ => new State(1, now, now), (_, s) =>
        {
            // A quiet quarter of an hour forgives the past.
            var failures = now - s.Last > MaxDelay && s.Until < now ? 1 : s.Failures + 1;
            var delay = failures < FreeFailures
                ? TimeSpan.Zero
                : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(20, failures - FreeFailures + 1))));
            return new State(failures, now + delay, now);
        });
    }

    public void Succeeded(string name, string address) => _states.TryRemove((name, address), out _);
}

/// <summary>
/// The one password check for the login form and the token endpoint: the same answer and the same work (one password
/// hash) for unknown, locked and existing accounts; a back-off that depends on name and address only, never on whether
/// the account exists. The account's Identity lock-out counter is not used: an administrator's lock is the only lock.
/// </summary>
public sealed class SignInCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, LoginThrottle throttle)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInCheckResult> CheckAsync(string? userName, string? password, HttpContext http)
    {
        var name = users.NormalizeName(userName?.Trim() ?? "") ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        var wait = throttle.RetryAfter(name, address);
        if (wait > TimeSpan.Zero)
        {
            return new SignInCheckResult(SignInOutcome.Throttled, null, wait);
        }

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        var ok = false;
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            // The same work as a real check, so the time does not tell an unknown or locked account from a wrong password.
            hasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? "");
        }
        else
        {
            ok = await users.CheckPasswordAsync(user, password ?? "");
        }

        if (!ok)
        {
            throttle.Failed(name, address);
            return new SignInCheckResult(SignInOutcome.Failed, null, TimeSpan.Zero);
        }

        throttle.Succeeded(name, address);
        return new SignInCheckResult(SignInOutcome.Success, user, TimeSpan.Zero);
    }

    /// <summary>The text for a throttled attempt: depends on the seconds to wait only.</summary>
    public static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);
}
