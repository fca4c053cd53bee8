using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Coaching;

/// <summary>A work standard as the training manager writes it: its name (Chinese, English), what it covers, and why it changes.</summary>
public sealed record WorkStandardInput(string? Name, string? NameEn, string? Description, string? Note);

/// <summary>Why a work standard is taken off the list.</summary>
public sealed record WorkStandardRetireInput(string? Note);

/// <summary>
/// Changes the work-standard templates (R3.1) without overwriting any (the page and the API share it): an addition or a change
/// is in force for apprenticeships starting from today (center time), the version it replaces is retired from today, and
/// apprenticeships under way keep the list they started with. A change of a version that is no longer current, or the second
/// of two racing changes, is a 409 and writes nothing.
/// </summary>
public sealed class WorkStandardService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    public DateOnly Today => ApprenticeshipLimit.Today(time);

    /// <summary>The standards new apprenticeships get.</summary>
    public Task<List<WorkStandardTemplate>> CurrentAsync(CancellationToken ct) =>
        db.WorkStandardTemplates.AsNoTracking().Where(t => t.RetiredOn == null).OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>The list of an apprenticeship that began on <paramref name="start"/>, with any standard a step was already recorded on.</summary>
    public async Task<List<WorkStandardTemplate>> ForApprenticeAsync(int apprenticeId, DateOnly start, CancellationToken ct)
    {
        var coached = db.CoachingSteps.Where(s => s.ApprenticeId == apprenticeId).Select(s => s.TemplateId);
        var all = await db.WorkStandardTemplates.AsNoTracking()
            .Where(t => ((t.InForceFrom == null || t.InForceFrom <= start) && (t.RetiredOn == null || t.RetiredOn > start)) || coached.Contains(t.Id))
            .ToListAsync(ct);
        return all.OrderBy(t => t.Id).ToList();
    }

    public Task<WorkStandardTemplate?> FindAsync(int id, CancellationToken ct) => db.WorkStandardTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Every version of the standard, newest first (empty when there is none).</summary>
    public async Task<List<WorkStandardTemplate>> VersionsAsync(int id, CancellationToken ct) =>
        VersionChain.Of(await db.WorkStandardTemplates.AsNoTracking().ToListAsync(ct), id, t => t.Id, t => t.PreviousId);

    /// <summary>Every standard, current and earlier.</summary>
    public Task<List<WorkStandardTemplate>> VersionsOfAllAsync(CancellationToken ct) => db.WorkStandardTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>How many apprentices have a step recorded on each standard.</summary>
    public async Task<Dictionary<int, int>> ApprenticeCountsAsync(CancellationToken ct) =>
        await db.CoachingSteps.GroupBy(s => s.TemplateId).Select(g => new { g.Key, Count = g.Select(s => s.ApprenticeId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<WorkStandardTemplate> AddAsync(WorkStandardInput input, CancellationToken ct)
    {
        var count = await db.WorkStandardTemplates.CountAsync(t => t.RetiredOn == null, ct);
        if (count >= 30)
        {
            throw new DomainException("At most 30 work standards are in force at a time.");
        }

        await RefuseDuplicateAsync(input.Name, null, ct);
        var t = WorkStandardTemplate.Add(input.Name ?? "", input.NameEn ?? "", input.Description ?? "", input.Note, Today, time.GetUtcNow(), await ByAsync(ct));
        db.WorkStandardTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }

    /// <summary>The new version, or null when there is no standard <paramref name="id"/>.</summary>
    public async Task<WorkStandardTemplate?> ReviseAsync(int id, WorkStandardInput input, CancellationToken ct)
    {
        var t = await db.WorkStandardTemplates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        await RefuseDuplicateAsync(input.Name, id, ct);
        var next = t.Revise(input.Name ?? "", input.NameEn ?? "", input.Description ?? "", input.Note, Today, time.GetUtcNow(), await ByAsync(ct));
        db.WorkStandardTemplates.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    public async Task<WorkStandardTemplate?> RetireAsync(int id, WorkStandardRetireInput input, CancellationToken ct)
    {
        var t = await db.WorkStandardTemplates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        t.Retire(input.Note, Today, await ByAsync(ct));
        await db.SaveChangesAsync(ct);
        return t;
    }

    private async Task RefuseDuplicateAsync(string? name, int? except, CancellationToken ct)
    {
        var n = (name ?? "").Trim();
        if (n.Length > 0 && await db.WorkStandardTemplates.AnyAsync(t => t.RetiredOn == null && t.Name == n && t.Id != (except ?? 0), ct))
        {
            throw new DomainException("A work standard of that name is in force already.");
        }
    }

    private async Task<string> ByAsync(CancellationToken ct) =>
        actor.UserId is { } uid && await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : actor.UserName;
}

/// <summary>/api/v1/coaching/standards — the work-standard templates (工作标准模板): read them and their versions, add, change (a new version) or retire one.</summary>
public static class WorkStandardsApi
{
    public sealed record WorkStandardDto(int Id, string Name, string NameEn, string Description, int Version, bool Current, int? PreviousId,
        DateOnly? InForceFrom, DateOnly? RetiredOn, DateTimeOffset? ChangedAt, string? ChangedBy, string? ChangeNote, string? RetiredBy, string? RetireNote);

    public static WorkStandardDto ToDto(WorkStandardTemplate t) => new(t.Id, t.Name, t.NameEn, t.Description, t.Version, t.IsCurrent, t.PreviousId,
        t.InForceFrom, t.RetiredOn, t.ChangedAt, t.ChangedBy, t.ChangeNote, t.RetiredBy, t.RetireNote);

    public static void MapWorkStandardsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/coaching/standards").WithTags("Coaching").RequireAuthorization(Policies.ResultsRead);

        g.MapGet("", async (WorkStandardService service, CancellationToken ct) => (await service.CurrentAsync(ct)).Select(ToDto).ToList())
            .WithSummary("The work standards new apprenticeships are coached on (an apprenticeship under way keeps the list in force on its first day).");

        g.MapGet("/{id:int}/versions", async Task<Results<Ok<List<WorkStandardDto>>, NotFound>> (int id, WorkStandardService service, CancellationToken ct) =>
            await service.VersionsAsync(id, ct) is { Count: > 0 } all ? TypedResults.Ok(all.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithSummary("Every version of a work standard, newest first, with who changed it, when and why.");

        g.MapPost("", async Task<Created<WorkStandardDto>> (WorkStandardInput input, WorkStandardService service, CancellationToken ct) =>
        {
            var t = await service.AddAsync(input, ct);
            return TypedResults.Created($"/api/v1/coaching/standards/{t.Id}/versions", ToDto(t));
        }).RequireAuthorization(Policies.StandardsManage).ProducesProblem(400)
          .WithSummary("Adds a work standard for apprenticeships starting from today: name (at most 64 characters), nameEn, description (at most 2000) and a note saying why (at most 500). At most 30 in force.");

        g.MapPost("/{id:int}/versions", async Task<Results<Created<WorkStandardDto>, NotFound>> (int id, WorkStandardInput input, WorkStandardService service, CancellationToken ct) =>
        {
            var next = await service.ReviseAsync(id, input, ct);
            return next is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/coaching/standards/{next.Id}/versions", ToDto(next));
        }).RequireAuthorization(Policies.StandardsManage).ProducesProblem(400).ProducesProblem(409)
          .WithSummary("Changes a work standard: {id} must be the current version. The new version applies to apprenticeships starting from today; those under way keep the old one. 409 when {id} is no longer current.");

        g.MapPost("/{id:int}/retire", async Task<Results<Ok<WorkStandardDto>, NotFound>> (int id, WorkStandardRetireInput input, WorkStandardService service, CancellationToken ct) =>
            await service.RetireAsync(id, input, ct) is { } t ? TypedResults.Ok(ToDto(t)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.StandardsManage).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Takes a work standard off the list for apprenticeships starting from today, with a note saying why. 409 when it is no longer current.");
    }
}
