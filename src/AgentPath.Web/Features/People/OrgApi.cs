using AgentPath.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>/api/v1/org — the org tree (site → department → team). Anyone signed in reads it; HR and admins change it.</summary>
public static class OrgApi
{
    public sealed record TeamDto(int Id, string Name, int? LeadEmployeeId);

    public sealed record DepartmentDto(int Id, string Name, IReadOnlyList<TeamDto> Teams);

    public sealed record SiteDto(int Id, string Name, IReadOnlyList<DepartmentDto> Departments);

    public sealed record NameInput(string Name);

    public sealed record DepartmentInput(int SiteId, string Name);

    public sealed record TeamInput(int DepartmentId, string Name, int? LeadEmployeeId);

    public sealed record TeamUpdate(string Name, int? LeadEmployeeId);

    public static void MapOrgApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/org").WithTags("Org");

        g.MapGet("", async (AppDbContext db, CancellationToken ct) => await OrgTree.LoadAsync(db, ct));

        g.MapPost("/sites", async Task<Results<Created<SiteDto>, ValidationProblem>> (NameInput input, OrgTree org, CancellationToken ct) =>
            await org.AddSiteAsync(input.Name, ct) is { } s
                ? TypedResults.Created($"/api/v1/org/sites/{s.Id}", new SiteDto(s.Id, s.Name, []))
                : Invalid("name", org.Error))
            .RequireAuthorization(Policies.OrgWrite);

        g.MapPut("/sites/{id:int}", async Task<Results<NoContent, NotFound, ValidationProblem>> (int id, NameInput input, OrgTree org, CancellationToken ct) =>
            await org.RenameSiteAsync(id, input.Name, ct) switch
            {
                null => TypedResults.NotFound(),
                true => TypedResults.NoContent(),
                false => Invalid("name", org.Error),
            })
            .RequireAuthorization(Policies.OrgWrite);

        g.MapPost("/departments", async Task<Results<Created<DepartmentDto>, ValidationProblem>> (DepartmentInput input, OrgTree org, CancellationToken ct) =>
            await org.AddDepartmentAsync(input.SiteId, input.Name, ct) is { } d
                ? TypedResults.Created($"/api/v1/org/departments/{d.Id}", new DepartmentDto(d.Id, d.Name, []))
                : Invalid("name", org.Error))
            .RequireAuthorization(Policies.OrgWrite);

        g.MapPut("/departments/{id:int}", async Task<Results<NoContent, NotFound, ValidationProblem>> (int id, NameInput input, OrgTree org, CancellationToken ct) =>
            await org.RenameDepartmentAsync(id, input.Name, ct) switch
            {
                null => TypedResults.NotFound(),
                true => TypedResults.NoContent(),
                false => Invalid("name", org.Error),
            })
            .RequireAuthorization(Policies.OrgWrite);

        g.MapPost("/teams", async Task<Results<Created<TeamDto>, ValidationProblem>> (TeamInput input, OrgTree org, CancellationToken ct) =>
            await org.AddTeamAsync(input.DepartmentId, input.Name, input.LeadEmployeeId, ct) is { } t
                ? TypedResults.Created($"/api/v1/org/teams/{t.Id}", new TeamDto(t.Id, t.Name, t.LeadEmployeeId))
                : Invalid("name", org.Error))
            .RequireAuthorization(Policies.OrgWrite);

        g.MapPut("/teams/{id:int}", async Task<Results<NoContent, NotFound, ValidationProblem>> (int id, TeamUpdate input, OrgTree org, CancellationToken ct) =>
            await org.UpdateTeamAsync(id, input.Name, input.LeadEmployeeId, ct) switch
            {
                null => TypedResults.NotFound(),
                true => TypedResults.NoContent(),
                false => Invalid("name", org.Error),
            })
            .RequireAuthorization(Policies.OrgWrite);
    }

    private static ValidationProblem Invalid(string field, string? message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message ?? "Invalid value."] });
}

/// <summary>Changes to the org tree, shared by the org page and the API. <see cref="Error"/> holds the last refusal.</summary>
public sealed class OrgTree(AppDbContext db)
{
    public string? Error { get; private set; }

    public static async Task<List<OrgApi.SiteDto>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToNaturalListAsync(ct);
        return sites.Select(s => new OrgApi.SiteDto(s.Id, s.Name, departments.Where(d => d.SiteId == s.Id)
            .Select(d => new OrgApi.DepartmentDto(d.Id, d.Name, teams.Where(t => t.DepartmentId == d.Id)
                .Select(t => new OrgApi.TeamDto(t.Id, t.Name, t.LeadEmployeeId)).ToList())).ToList())).ToList();
    }

    public async Task<Site?> AddSiteAsync(string name, CancellationToken ct)
    {
        if (!Valid(name, Site.NameMax) || await db.Sites.AnyAsync(s => s.Name == name.Trim(), ct) && Fail("This name is already in use."))
        {
            return null;
        }

        var site = new Site(name);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return site;
    }

    public async Task<bool?> RenameSiteAsync(int id, string name, CancellationToken ct)
    {
        var site = await db.Sites.FindAsync([id], ct);
        if (site is null)
        {
            return null;
        }

        if (!Valid(name, Site.NameMax) || await db.Sites.AnyAsync(s => s.Name == name.Trim() && s.Id != id, ct) && Fail("This name is already in use."))
        {
            return false;
        }

        site.Rename(name);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Department?> AddDepartmentAsync(int siteId, string name, CancellationToken ct)
    {
        var site = await db.Sites.FindAsync([siteId], ct);
        if (site is null && Fail("Unknown site."))
        {
            return null;
        }

        if (!Valid(name, Department.NameMax) || await db.Departments.AnyAsync(d => d.SiteId == siteId && d.Name == name.Trim(), ct) && Fail("This name is already in use."))
        {
            return null;
        }

        var d = new Department(site!, name);
        db.Departments.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    public async Task<bool?> RenameDepartmentAsync(int id, string name, CancellationToken ct)
    {
        var d = await db.Departments.FindAsync([id], ct);
        if (d is null)
        {
            return null;
        }

        if (!Valid(name, Department.NameMax) || await db.Departments.AnyAsync(x => x.SiteId == d.SiteId && x.Name == name.Trim() && x.Id != id, ct) && Fail("This name is already in use."))
        {
            return false;
        }

        d.Rename(name);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Team?> AddTeamAsync(int departmentId, string name, int? leadId, CancellationToken ct)
    {
        var d = await db.Departments.FindAsync([departmentId], ct);
        if (d is null && Fail("Unknown department."))
        {
            return null;
        }

        if (!Valid(name, Team.NameMax) || await db.Teams.AnyAsync(t => t.DepartmentId == departmentId && t.Name == name.Trim(), ct) && Fail("This name is already in use."))
        {
            return null;
        }

        var team = new Team(d!, name);
        if (!await SetLeadAsync(team, leadId, ct))
        {
            return null;
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    public async Task<bool?> UpdateTeamAsync(int id, string name, int? leadId, CancellationToken ct)
    {
        var team = await db.Teams.FindAsync([id], ct);
        if (team is null)
        {
            return null;
        }

        if (!Valid(name, Team.NameMax) || await db.Teams.AnyAsync(t => t.DepartmentId == team.DepartmentId && t.Name == name.Trim() && t.Id != id, ct) && Fail("This name is already in use."))
        {
            return false;
        }

        team.Rename(name);
        if (!await SetLeadAsync(team, leadId, ct))
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> SetLeadAsync(Team team, int? leadId, CancellationToken ct)
    {
        if (leadId is null)
        {
            team.SetLead(null);
            return true;
        }

        var lead = await db.Employees.FindAsync([leadId.Value], ct);
        if (lead is null)
        {
            return !Fail("Unknown employee.");
        }

        if (lead.Stage.IsTerminal())
        {
            return !Fail("A person who has left cannot lead a team.");
        }

        team.SetLead(lead);
        return true;
    }

    private bool Valid(string? name, int max)
    {
        var n = name?.Trim() ?? "";
        return n.Length == 0 ? !Fail("Name is required.") : n.Length <= max || !Fail("Name is too long.");
    }

    private bool Fail(string message)
    {
        Error = message;
        return true;
    }
}
