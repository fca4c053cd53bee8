using System.Security.Claims;
using System.Threading.RateLimiting;
using AgentPath.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentPath.Web.Features.People;

/// <summary>Settings under "Security".</summary>
public sealed class SecurityOptions
{
    /// <summary>Serve only over HTTPS: secure cookies with the __Host- prefix, HSTS, redirect to HTTPS.</summary>
    public bool HttpsOnly { get; set; }

    /// <summary>Sign-in attempts (login form and token endpoint) allowed per client address per minute; more get 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>How often a signed-in session is checked against the account (role changes, lock-outs).</summary>
    public TimeSpan SessionRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a bearer token lives at most; its stamp and roles are re-checked every <see cref="SessionRecheck"/>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Settings under "Network": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed.</summary>
public sealed class NetworkOptions
{
    /// <summary>Addresses of trusted proxies (e.g. "10.0.0.5"). Default none: forwarded headers are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (e.g. "10.0.0.0/24"). Default none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Forwarded-headers options that trust exactly the configured proxies (not the framework's loopback default).</summary>
    public static Microsoft.AspNetCore.Builder.ForwardedHeadersOptions ForwardedHeaders(IConfiguration config)
    {
        var network = new NetworkOptions();
        var section = config.GetSection("Network");
        network.KnownProxies.AddRange(Values(section.GetSection(nameof(KnownProxies))));
        network.KnownNetworks.AddRange(Values(section.GetSection(nameof(KnownNetworks))));
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in network.KnownProxies)
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(p));
        }

        foreach (var n in network.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        }

        return options;
    }

    /// <summary>A list setting given either as an array or as one string separated by ',' or ';'.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } one ? [one] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Sign-in, sessions, bearer tokens and the role policies.</summary>
public static class AccessSetup
{
    public const string CookieOrBearer = "CookieOrBearer";
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddAppAccess(this IServiceCollection services, IConfiguration config)
    {
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        var prefix = security.HttpsOnly ? "__Host-" : "";
        var secure = security.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                // Length over composition (NIST SP 800-63B): at least 12 characters, no forced symbols.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // Five wrong passwords in a row lock the account: the sixth attempt is refused.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = security.SessionRecheck);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "agentpath";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                // Relative: the cookie handler builds an absolute address from the request's Host header.
                ctx.Response.Redirect(Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = Account.BearerRevalidation.GuardCookie(o.Events.OnValidatePrincipal);

            // A signed-in user without the right gets a plain 403 (the error page), never a login loop.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "agentpath-csrf";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = Infrastructure.Security.ApiAntiforgery.HeaderName;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = security.TokenLifetime;
                o.Events.OnMessageReceived = ctx => ctx.HttpContext.RequestServices.GetRequiredService<Account.BearerRevalidation>().OnMessageReceivedAsync(ctx);
            })
            .AddPolicyScheme(CookieOrBearer, CookieOrBearer, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PeopleWrite, p => p.RequireRole(Roles.Hr, Roles.SystemAdmin))
            .AddPolicy(Policies.OrgWrite, p => p.RequireRole(Roles.Hr, Roles.SystemAdmin))
            .AddPolicy(Policies.RosterImport, p => p.RequireRole(Roles.Hr, Roles.SystemAdmin))
            .AddPolicy(Policies.UsersManage, p => p.RequireRole(Roles.SystemAdmin))
            .AddPolicy(Policies.AuditRead, p => p.RequireRole(Roles.SystemAdmin))
            .AddPolicy(Policies.AssessmentsManage, p => p.RequireRole(Roles.Trainer, Roles.SystemAdmin))
            .AddPolicy(Policies.PointsRules, p => p.RequireRole(Roles.Hr, Roles.Trainer, Roles.SystemAdmin))
            .AddPolicy(Policies.ResultsRead, p => p.RequireRole(Roles.TeamLead, Roles.Supervisor, Roles.DepartmentManager, Roles.Trainer,
                Roles.QaInspector, Roles.Hr, Roles.GeneralManager, Roles.SystemAdmin))
            .AddPolicy(Policies.QualityRecord, p => p.RequireRole(Roles.QaInspector, Roles.Trainer, Roles.Supervisor, Roles.SystemAdmin))
            .AddPolicy(Policies.QualityScore, p => p.RequireRole(Roles.QaInspector, Roles.TeamLead, Roles.Supervisor, Roles.Trainer))
            .AddPolicy(Policies.QualityManage, p => p.RequireRole(Roles.QaInspector, Roles.Supervisor, Roles.DepartmentManager, Roles.SystemAdmin))
            .AddPolicy(Policies.QualityCoach, p => p.RequireRole(Roles.QaInspector, Roles.Trainer, Roles.TeamLead, Roles.Supervisor, Roles.DepartmentManager))
            .AddPolicy(Policies.GateAssess, p => p.RequireRole(Roles.Trainer, Roles.Supervisor, Roles.DepartmentManager))
            .AddPolicy(Policies.StageHr, p => p.RequireRole(Roles.Hr))
            .AddPolicy(Policies.CohortsManage, p => p.RequireRole(Roles.Trainer, Roles.Hr))
            .AddPolicy(Policies.Coach, p => p.RequireRole(Roles.TeamLead, Roles.Supervisor))
            .AddPolicy(Policies.SessionsManage, p => p.RequireRole(Roles.Trainer, Roles.Hr, Roles.Supervisor, Roles.DepartmentManager))
            .AddPolicy(Policies.PlansRead, p => p.RequireRole(Roles.TeamLead, Roles.Supervisor, Roles.Trainer, Roles.QaInspector, Roles.Hr,
                Roles.DepartmentManager, Roles.GeneralManager, Roles.SystemAdmin))
            .AddPolicy(Policies.PlansCompile, p => p.RequireRole(Roles.Hr, Roles.Trainer))
            .AddPolicy(Policies.PlansSubmit, p => p.RequireRole(Roles.Hr))
            .AddPolicy(Policies.PlansApprove, p => p.RequireRole(Roles.DepartmentManager))
            .AddPolicy(Policies.PlansRevise, p => p.RequireRole(Roles.Hr, Roles.DepartmentManager))
            .AddPolicy(Policies.PlansRevisionDecide, p => p.RequireRole(Roles.GeneralManager))
            .AddPolicy(Policies.NeedsReport, p => p.RequireRole(Roles.DepartmentManager, Roles.Supervisor, Roles.Hr, Roles.Trainer))
            .AddPolicy(Policies.TrainingDeliver, p => p.RequireRole(Roles.Trainer, Roles.Hr, Roles.Supervisor));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx =>
            {
                if (HttpMethods.IsGet(ctx.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limit = ctx.RequestServices.GetRequiredService<SecurityOptions>().LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddSingleton<Account.SessionRevocations>();
        services.AddSingleton<Account.BearerRevalidation>();
        services.AddSingleton<Account.LoginThrottle>();
        services.AddScoped<Account.SignInCheck>();
        services.AddScoped<DataScopeProvider>();
        return services;
    }

    /// <summary>Issues a bearer token for the user, in the documented shape.</summary>
    public static TokenResponse IssueToken(HttpContext context, ClaimsPrincipal principal, TimeProvider time)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var now = time.GetUtcNow();
        var props = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, props, IdentityConstants.BearerScheme);
        return new TokenResponse(options.BearerTokenProtector.Protect(ticket), (int)options.BearerTokenExpiration.TotalSeconds);
    }
}

public sealed record TokenResponse(string AccessToken, int ExpiresIn);

/// <summary>Adds the employee link to the sign-in so the data scope is known without a lookup of the account.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.EmployeeId is { } id)
        {
            identity.AddClaim(new Claim(DataScopeProvider.EmployeeIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim("agentpath:display", user.DisplayName));
        }

        return identity;
    }
}
