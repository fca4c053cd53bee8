using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.People;

/// <summary>/api/v1/people — the directory and person records, with the same scope and audit as the pages.</summary>
public static class PeopleApi
{
    public sealed record PersonListItem(int Id, string EmployeeNumber, string Name, string Stage, int? TeamId);

    public sealed record PeoplePage(IReadOnlyList<PersonListItem> Items, int Total);

    public sealed record PersonDto(int Id, string EmployeeNumber, string Name, string? Phone, DateOnly HireDate, int DepartmentId,
        int? TeamId, string Stage, int? ServiceLevel, IReadOnlyList<string> Posts);

    public static void MapPeopleApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/people").WithTags("People");

        // sort= number|name|stage|team|hired, dir= asc|desc, hiredFrom=/hiredTo= dates; stable (id breaks ties).
        g.MapGet("", async (DataScopeProvider scope, AppDbContext db, string? q, Stage? stage, int? teamId, string? role, int? page, int? pageSize,
            string? sort, string? dir, DateOnly? hiredFrom, DateOnly? hiredTo, CancellationToken ct) =>
        {
            var (items, total) = await PeopleDirectory.SearchAsync(await scope.PeopleAsync(ct), db,
                new PeopleFilter(q?.Length > Infrastructure.Lists.ListQuery.TextMax ? q[..Infrastructure.Lists.ListQuery.TextMax] : q, stage, teamId, role, page ?? 1, pageSize ?? 25,
                    PeopleFilter.Sorts.Contains(sort) ? sort : null, dir == "desc", hiredFrom, hiredTo), ct);
            return new PeoplePage(items.Select(p => new PersonListItem(p.Id, p.EmployeeNumber, p.Name, p.Stage.ToString(), p.TeamId)).ToList(), total);
        });

        // The header search: name or employee number, in the caller's scope, best first, at most 20.
        g.MapGet("/search", async Task<Results<Ok<List<PersonHit>>, ValidationProblem>> (string? q, int? limit, DataScopeProvider scope, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
        {
            if (PeopleSearch.Refusal(q) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [text[refusal]] });
            }

            return TypedResults.Ok(await PeopleSearch.FindAsync(await scope.PeopleAsync(ct), q!, limit ?? 10, ct));
        }).RequireAuthorization(Policies.ResultsRead);

        g.MapGet("/{id:int}", async Task<Results<Ok<PersonDto>, NotFound>> (int id, DataScopeProvider scope, CancellationToken ct) =>
        {
            var e = await (await scope.PeopleAsync(ct)).AsNoTracking().Include(x => x.Posts).FirstOrDefaultAsync(x => x.Id == id, ct);
            return e is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(e));
        });

        g.MapPost("", async Task<Results<Created<PersonDto>, ValidationProblem>> (EmployeeInput input, EmployeeEditor editor, CancellationToken ct) =>
        {
            var errors = await editor.ValidateAsync(input, null, ct);
            if (errors.Count > 0)
            {
                return Problem(errors);
            }

            var e = await editor.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/people/{e.Id}", ToDto(e));
        }).RequireAuthorization(Policies.PeopleWrite);

        g.MapPut("/{id:int}", async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> (int id, EmployeeInput input, DataScopeProvider scope, EmployeeEditor editor, CancellationToken ct) =>
        {
            var e = await (await scope.PeopleAsync(ct)).Include(x => x.Posts).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return TypedResults.NotFound();
            }

            input.EmployeeNumber = e.EmployeeNumber;
            var errors = await editor.ValidateAsync(input, id, ct);
            if (errors.Count > 0)
            {
                return Problem(errors);
            }

            await editor.UpdateAsync(e, input, ct);
            return TypedResults.Ok(ToDto(e));
        }).RequireAuthorization(Policies.PeopleWrite);
    }

    /// <summary>Field errors (already in the caller's language) as a 400 ValidationProblem.</summary>
    public static ValidationProblem Problem(Dictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(kv => ToCamel(kv.Key), kv => new[] { kv.Value }));

    private static string ToCamel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static PersonDto ToDto(Employee e) => new(e.Id, e.EmployeeNumber, e.Name, e.Phone, e.HireDate, e.DepartmentId, e.TeamId,
        e.Stage.ToString(), e.ServiceLevel, e.Posts.Select(p => p.Code).ToList());
}
