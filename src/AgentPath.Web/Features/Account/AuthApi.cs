using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AgentPath.Web.Features.Account;

/// <summary>POST /api/v1/auth/token — a bearer token for integrations and load tests.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string Username, string Password);

    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
                TokenRequest request, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider time) =>
            {
                var user = string.IsNullOrEmpty(request.Username) ? null : await users.FindByNameAsync(request.Username);
                if (user is null)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password.");
                }

                var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
                if (check.IsLockedOut)
                {
                    return TypedResults.Problem(statusCode: 423, title: "The account is locked. Try again later or ask an administrator.");
                }

                if (!check.Succeeded)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password.");
                }

                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.Ok(AccessSetup.IssueToken(http, principal, time));
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccessSetup.LoginRateLimit)
            .WithTags("Auth");
    }
}
