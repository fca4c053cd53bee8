using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.People;

/// <summary>/api/v1/users — accounts and their roles; system admins only.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.UsersManage);

        g.MapGet("", (UserAdmin admin, CancellationToken ct) => admin.ListAsync(ct));

        g.MapPost("", async Task<Results<Created<UserDto>, ValidationProblem>> (UserInput input, UserAdmin admin, CancellationToken ct) =>
        {
            var errors = await admin.ValidateAsync(input, null, ct);
            if (errors.Count > 0)
            {
                return PeopleApi.Problem(errors);
            }

            var (user, identityErrors) = await admin.CreateAsync(input);
            if (user is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = identityErrors.ToArray() });
            }

            return TypedResults.Created($"/api/v1/users/{user.Id}", await admin.ToDtoAsync(user));
        });

        g.MapPut("/{id:int}", async Task<Results<Ok<UserDto>, NotFound, ValidationProblem>> (int id, UserInput input, UserAdmin admin, UserManager<AppUser> users, CancellationToken ct) =>
        {
            var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null)
            {
                return TypedResults.NotFound();
            }

            var errors = await admin.ValidateAsync(input, id, ct);
            if (errors.Count > 0)
            {
                return PeopleApi.Problem(errors);
            }

            var identityErrors = (await admin.UpdateAsync(user, input)).ToArray();
            return identityErrors.Length > 0
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = identityErrors })
                : TypedResults.Ok(await admin.ToDtoAsync(user));
        });
    }
}
