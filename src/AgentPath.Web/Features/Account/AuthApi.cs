using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Account;

/// <summary>POST /api/v1/auth/token — a bearer token for integrations and load tests.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string Username, string Password);

    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
                TokenRequest request, HttpContext http, SignInCheck check, SignInManager<AppUser> signIn, TimeProvider time,
                IStringLocalizer<Infrastructure.Localization.Text> text) =>
            {
                var result = await check.CheckAsync(request.Username, request.Password, http);
                if (result.Outcome == SignInOutcome.Throttled)
                {
                    var seconds = SignInCheck.Seconds(result.RetryAfter);
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return TypedResults.Problem(statusCode: 429, title: text["Too many sign-in attempts. Try again in {0} seconds.", seconds]);
                }

                if (result.User is null)
                {
                    return TypedResults.Problem(statusCode: 401, title: text["Wrong user name or password."]);
                }

                var principal = await signIn.CreateUserPrincipalAsync(result.User);
                return TypedResults.Ok(AccessSetup.IssueToken(http, principal, time));
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccessSetup.LoginRateLimit)
            .WithTags("Auth");
    }
}
